import { getCurrentUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { exportJourney } from "@/lib/journeys/export";
import { journeyToCsv } from "@/lib/journeys/transfer/csv";
import { journeyToJson } from "@/lib/journeys/transfer/json";

// GET /journeys/:id/export?format=csv|json — a download of the journey, for any role that may read it.
export async function GET(
  request: Request,
  { params }: { params: Promise<{ journeyId: string }> },
) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  const format = new URL(request.url).searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "json")
    return new Response("format must be csv or json.", { status: 400 });
  try {
    const document = await exportJourney(user, (await params).journeyId);
    const body = format === "csv" ? journeyToCsv(document) : journeyToJson(document);
    const fileName = `${(document.nameEn || "journey").replace(/[^\w-]+/g, "-").toLowerCase()}.${format}`;
    return new Response(body, {
      headers: {
        "Content-Type":
          format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN")
      return new Response("Forbidden.", { status: 403 });
    if (isAppError(error) && error.code === "NOT_FOUND")
      return new Response("Not found.", { status: 404 });
    throw error;
  }
}
