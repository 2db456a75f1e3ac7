import { getCurrentUser } from "@/lib/auth/session";
import { AppError, invalid } from "@/lib/errors";
import { errorResponse } from "@/lib/http/errors";
import { exportJourney } from "@/lib/journeys/export";
import { journeyToCsv } from "@/lib/journeys/transfer/csv";
import { journeyToJson } from "@/lib/journeys/transfer/json";

// GET /journeys/:id/export?format=csv|json — a download of the journey, for any role that may read it.
export async function GET(
  request: Request,
  { params }: { params: Promise<{ journeyId: string }> },
) {
  const user = await getCurrentUser();
  if (!user) return errorResponse(new AppError("UNAUTHENTICATED"));
  const format = new URL(request.url).searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "json")
    return errorResponse(invalid({ format: ["validation.invalidValue"] }));
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
    return errorResponse(error);
  }
}
