import { getRouteUser } from "@/lib/auth/session";
import { handlePreviewRequest } from "@/lib/imports/http";

// Reads an uploaded survey file and writes nothing: headers, mapping, first rows, errors, counts.
// Like run/, skipped by the proxy so that a large upload arrives whole.
export async function POST(request: Request) {
  return handlePreviewRequest(await getRouteUser(request), request);
}
