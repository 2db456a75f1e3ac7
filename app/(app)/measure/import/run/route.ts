import { getRouteUser } from "@/lib/auth/session";
import { handleRunRequest } from "@/lib/imports/http";

// Runs a survey import and streams its progress as NDJSON (why: lib/imports/http.ts). The proxy
// skips this path (proxy.ts) so that a large upload is not cut at its body buffer limit; the
// session and the role are checked here and in the domain.
export async function POST(request: Request) {
  return handleRunRequest(await getRouteUser(request), request);
}
