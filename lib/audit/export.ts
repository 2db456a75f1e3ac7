import "server-only";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { auditCsvHeader, auditCsvLines, type TAuditCsvLabels } from "./csv";
import { writeAuditLog } from "./log";
import { readAuditLog } from "./queries";
import { AUDIT_EXPORT_LIMIT, type TAuditLogFilter, type TRequestMeta } from "./schemas";

/**
 * The filtered entries as a CSV stream, newest first, at most AUDIT_EXPORT_LIMIT rows, read from
 * the database a batch at a time as the client downloads. Exporting the log is itself recorded.
 */
export async function exportAuditLogCsv(
  actor: TActor,
  filter: TAuditLogFilter,
  labels: TAuditCsvLabels,
  meta?: TRequestMeta,
): Promise<ReadableStream<Uint8Array>> {
  assertCan(actor, "audit:read");
  await writeAuditLog({
    organizationId: actor.organizationId,
    actorId: actor.id,
    action: "audit_log.export",
    details: { filter },
    meta,
  });
  const batches = readAuditLog(actor, filter, AUDIT_EXPORT_LIMIT);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(auditCsvHeader(labels)));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(auditCsvLines(next.value)));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
