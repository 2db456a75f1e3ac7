import "server-only";
import { db } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { conflict, invalid, notFound } from "@/lib/errors";
import { localDayOf, startOfLocalDay } from "@/lib/dates/local-days";
import { parseInput } from "@/lib/validation";
import {
  ZAuditRecordInput,
  ZPromiseSaveInput,
  type TAuditRecordInput,
  type TPromiseSaveInput,
} from "./schemas";

/** Audits are dated from this day on; earlier is a typing mistake. */
const EARLIEST_AUDIT_DAY = "2000-01-01";

/** Defines a promise, or changes one. Audits already recorded keep the checklist they were made with. */
export async function savePromise(
  actor: TActor,
  input: TPromiseSaveInput,
): Promise<{ id: string }> {
  assertCan(actor, "promise:write");
  const { promiseId, ...data } = parseInput(ZPromiseSaveInput, input);
  return db.$transaction(async (tx) => {
    if (data.touchpointId) {
      const touchpoint = await tx.touchpoint.findFirst({
        where: { id: data.touchpointId, organizationId: actor.organizationId },
        select: { id: true },
      });
      if (!touchpoint) throw notFound("touchpointId");
    }
    let id = promiseId;
    if (id) {
      const { count } = await tx.servicePromise.updateMany({
        where: { id, organizationId: actor.organizationId },
        data,
      });
      if (count === 0) throw notFound("promiseId");
    } else {
      ({ id } = await tx.servicePromise.create({
        data: { ...data, organizationId: actor.organizationId },
        select: { id: true },
      }));
    }
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: promiseId ? "promise.update" : "promise.create",
        entityType: "ServicePromise",
        entityId: id,
        details: {
          titleKo: data.titleKo,
          titleEn: data.titleEn,
          items: data.checklistItems.length,
          auditEveryDays: data.auditEveryDays,
          isActive: data.isActive,
        },
      },
      tx,
    );
    return { id };
  });
}

/**
 * Records an audit of an active promise: each item of its checklist, in order, passed or failed
 * with evidence. The audit passes when every item does.
 */
export async function recordAudit(
  actor: TActor,
  input: TAuditRecordInput,
  now = new Date(),
): Promise<{ id: string; passed: boolean }> {
  assertCan(actor, "promise:audit");
  const { promiseId, siteId, auditedAt, checklist, evidence } = parseInput(
    ZAuditRecordInput,
    input,
  );
  if (auditedAt > localDayOf(now) || auditedAt < EARLIEST_AUDIT_DAY)
    throw invalid({ auditedAt: ["promises.errors.auditDate"] });
  return db.$transaction(async (tx) => {
    const promise = await tx.servicePromise.findFirst({
      where: { id: promiseId, organizationId: actor.organizationId },
      select: { checklistItems: true, isActive: true },
    });
    if (!promise) throw notFound("promiseId");
    if (!promise.isActive) throw conflict("promises.errors.inactive");
    // The form showed the checklist as it was when it opened; a promise edited since must be audited anew.
    const asked = promise.checklistItems;
    if (checklist.length !== asked.length || checklist.some((entry, i) => entry.item !== asked[i]))
      throw conflict("promises.errors.checklistChanged");
    if (siteId) {
      const site = await tx.site.findFirst({
        where: { id: siteId, organizationId: actor.organizationId },
        select: { id: true },
      });
      if (!site) throw notFound("siteId");
    }
    const passed = checklist.every((entry) => entry.passed);
    const audit = await tx.promiseAudit.create({
      data: {
        organizationId: actor.organizationId,
        promiseId,
        siteId,
        auditorId: actor.id,
        auditedAt: startOfLocalDay(auditedAt),
        passed,
        checklist,
        evidence,
      },
      select: { id: true },
    });
    await writeAuditLog(
      {
        organizationId: actor.organizationId,
        actorId: actor.id,
        action: "promise.audit",
        entityType: "ServicePromise",
        entityId: promiseId,
        details: {
          auditId: audit.id,
          siteId,
          auditedAt,
          passed,
          failedItems: checklist.filter((e) => !e.passed).map((e) => e.item),
        },
      },
      tx,
    );
    return { id: audit.id, passed };
  });
}
