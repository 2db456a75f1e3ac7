import "server-only";
import { db } from "@/lib/db/client";
import { DEMO_SKT_TEMPLATE } from "./demo-observations";
import { DEMO_AUDIT_EVERY_DAYS, DEMO_PROMISES, generateDemoAudits } from "./demo-promises";

// Stores the demo service promises and their year of audits (demo-promises.ts), in the shapes
// lib/promises writes: checklistItems in order, each audit's checklist as [{ item, passed,
// evidence }] and passed = every item passed. A promise already there (by English title) is left
// alone with its audits, so a second run adds nothing and a promise the demo admin edited stays.

/** Creates the missing demo promises with their audits; returns how many promises it created. */
export async function seedDemoPromises(organizationId: string, now = new Date()): Promise<number> {
  const [existing, sites, touchpoints, auditor] = await Promise.all([
    db.servicePromise.findMany({
      where: { organizationId, titleEn: { in: DEMO_PROMISES.map((p) => p.titleEn) } },
      select: { titleEn: true },
    }),
    db.site.findMany({ where: { organizationId }, select: { id: true, code: true } }),
    db.touchpoint.findMany({
      where: {
        organizationId,
        nameEn: { in: DEMO_PROMISES.map((p) => p.touchpointNameEn) },
        journey: { templateKey: DEMO_SKT_TEMPLATE, archivedAt: null },
      },
      orderBy: [{ journey: { createdAt: "asc" } }, { id: "asc" }],
      select: { id: true, nameEn: true },
    }),
    db.user.findFirst({
      where: { organizationId, role: "MANAGER", isActive: true },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    }),
  ]);
  const done = new Set(existing.map((p) => p.titleEn));
  const siteId = new Map(sites.map((s) => [s.code, s.id]));
  const touchpointId = new Map<string, string>();
  for (const t of touchpoints) if (!touchpointId.has(t.nameEn)) touchpointId.set(t.nameEn, t.id);
  const audits = generateDemoAudits(now);

  let created = 0;
  for (const [index, promise] of DEMO_PROMISES.entries()) {
    if (done.has(promise.titleEn)) continue;
    await db.$transaction(async (tx) => {
      const row = await tx.servicePromise.create({
        data: {
          organizationId,
          titleKo: promise.titleKo,
          titleEn: promise.titleEn,
          description: promise.description,
          touchpointId: touchpointId.get(promise.touchpointNameEn) ?? null,
          checklistItems: promise.checklist.map((c) => c.item),
          auditEveryDays: DEMO_AUDIT_EVERY_DAYS,
          // Dated back to the first audit, so the promise does not look younger than its history.
          createdAt: audits.find((a) => a.promiseIndex === index)?.auditedAt ?? now,
        },
        select: { id: true },
      });
      await tx.promiseAudit.createMany({
        data: audits
          .filter((a) => a.promiseIndex === index && siteId.has(a.siteCode))
          .map((a) => ({
            organizationId,
            promiseId: row.id,
            siteId: siteId.get(a.siteCode)!,
            auditorId: auditor?.id ?? null,
            auditedAt: a.auditedAt,
            passed: a.passed,
            checklist: a.checklist,
            evidence: a.evidence,
            createdAt: a.auditedAt,
          })),
      });
    });
    created += 1;
  }
  return created;
}
