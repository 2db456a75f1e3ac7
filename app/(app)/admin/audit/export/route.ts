import { getLocale } from "next-intl/server";
import { exportAuditLogCsv } from "@/lib/audit/export";
import { auditRefusal } from "@/lib/audit/refusals";
import { parseAuditLogFilter } from "@/lib/audit/schemas";
import { csvFileName } from "@/lib/exports/csv";
import { getCurrentUser } from "@/lib/auth/session";
import { requestMetaFrom } from "@/lib/audit/request-meta";
import { PermissionDenied } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/errors";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";

// GET /admin/audit/export?action=…&actor=…&from=…: the filtered audit log as CSV (admins only),
// streamed as it is read. Column names in the reader's language. A refusal answers as every route
// does (lib/http/errors.ts): a message key, not text in one language.
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return errorResponse(new AppError("UNAUTHENTICATED"));
  const meta = requestMetaFrom(request.headers);
  const { filter } = parseAuditLogFilter(Object.fromEntries(new URL(request.url).searchParams));
  const locale = await getLocale();
  const labels = MESSAGES[isLocale(locale) ? locale : DEFAULT_LOCALE].auditLog.csv;
  try {
    const body = await exportAuditLogCsv(user, filter, labels, meta);
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${csvFileName("audit-log", new Date())}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof PermissionDenied)
      await auditRefusal({
        kind: "forbidden",
        organizationId: user.organizationId,
        actorId: user.id,
        details: { permission: error.permission, path: "/admin/audit/export" },
        meta,
      });
    return errorResponse(error);
  }
}
