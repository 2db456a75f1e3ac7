import "server-only";
import { z } from "zod";
import { db, Prisma } from "@/lib/db/client";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { localTimeOf } from "@/lib/dates/local-time-sql";
import { localDayOf, quarterStartOf } from "@/lib/dates/local-days";
import { complianceSeries, lastMonths, quarterRate, rateOf, scheduleOf } from "./compliance";
import {
  type TAuditCount,
  type TComplianceSummary,
  type TLastAudit,
  type TPromise,
  type TPromiseAudit,
  type TPromiseDetail,
  type TPromisesView,
} from "./schemas";

// Service promises and their audits: authorized, organization-scoped reads. Audits are counted per
// promise, site and month in PostgreSQL; compliance.ts turns the counts into rates and the schedule.

/** A stored checklist as read back: lenient, so that one odd row never hides an audit's other items. */
const ZStoredChecklist = z
  .array(
    z
      .object({ item: z.string(), passed: z.boolean(), evidence: z.string().catch("") })
      .catch({ item: "", passed: false, evidence: "" }),
  )
  .catch([]);

/** Compliance is shown over the last this many months (the current one included). */
const COMPLIANCE_MONTHS = 12;
/** Audits listed on a promise's page, newest first. */
const AUDITS_LISTED = 100;

/** Audits are counted in the month of their local day (Korea time). */
const LOCAL_AUDITED_AT = localTimeOf(Prisma.sql`a."auditedAt"`);

const promiseSelect = {
  id: true,
  titleKo: true,
  titleEn: true,
  description: true,
  checklistItems: true,
  auditEveryDays: true,
  isActive: true,
  createdAt: true,
  touchpoint: { select: { id: true, nameKo: true, nameEn: true } },
  _count: { select: { audits: true } },
} as const satisfies Prisma.ServicePromiseSelect;

type TPromiseRow = Prisma.ServicePromiseGetPayload<{ select: typeof promiseSelect }>;

function toPromise({ createdAt, _count, ...p }: TPromiseRow): TPromise {
  return { ...p, createdOn: localDayOf(createdAt), auditCount: _count.audits };
}

/** Audits per promise, site and local month, from `fromMonth` on. */
async function countAudits(
  organizationId: string,
  fromMonth: string | null,
  promiseId?: string,
): Promise<TAuditCount[]> {
  const conditions = [Prisma.sql`a."organizationId" = ${organizationId}`];
  if (promiseId) conditions.push(Prisma.sql`a."promiseId" = ${promiseId}`);
  if (fromMonth) conditions.push(Prisma.sql`${LOCAL_AUDITED_AT} >= ${fromMonth}::date`);
  return db.$queryRaw<TAuditCount[]>`
    SELECT a."promiseId", a."siteId", to_char(date_trunc('month', ${LOCAL_AUDITED_AT}), 'YYYY-MM-DD') AS month,
           count(*)::int AS audits, count(*) FILTER (WHERE a.passed)::int AS passed
      FROM "PromiseAudit" a
     WHERE ${Prisma.join(conditions, " AND ")}
     GROUP BY 1, 2, 3`;
}

/** The latest audit of each promise at each site. */
async function lastAudits(organizationId: string, promiseId?: string): Promise<TLastAudit[]> {
  const rows = await db.$queryRaw<
    { promiseId: string; siteId: string | null; auditedAt: Date; passed: boolean }[]
  >`
    SELECT DISTINCT ON (a."promiseId", a."siteId") a."promiseId", a."siteId", a."auditedAt", a.passed
      FROM "PromiseAudit" a
     WHERE a."organizationId" = ${organizationId} ${promiseId ? Prisma.sql`AND a."promiseId" = ${promiseId}` : Prisma.empty}
     ORDER BY a."promiseId", a."siteId", a."auditedAt" DESC, a."createdAt" DESC`;
  return rows.map((r) => ({
    promiseId: r.promiseId,
    siteId: r.siteId,
    auditedOn: localDayOf(r.auditedAt),
    passed: r.passed,
  }));
}

/** Touchpoints of active journeys, in journey order: what a promise can be made at. */
const touchpointsOf = (organizationId: string) =>
  db.touchpoint.findMany({
    where: { organizationId, journey: { archivedAt: null } },
    select: {
      id: true,
      nameKo: true,
      nameEn: true,
      journey: { select: { nameKo: true, nameEn: true } },
    },
    orderBy: [
      { journey: { createdAt: "asc" } },
      { stage: { position: "asc" } },
      { position: "asc" },
    ],
  });

export async function listPromiseTouchpoints(actor: TActor): Promise<TPromisesView["touchpoints"]> {
  assertCan(actor, "promise:read");
  return touchpointsOf(actor.organizationId);
}

const sitesOf = (organizationId: string) =>
  db.site.findMany({
    where: { organizationId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });

/** The promises, the audit schedule and compliance per promise over the last months. */
export async function getPromisesView(actor: TActor, now = new Date()): Promise<TPromisesView> {
  assertCan(actor, "promise:read");
  const organizationId = actor.organizationId;
  const today = localDayOf(now);
  const months = lastMonths(today, COMPLIANCE_MONTHS);
  const [promises, sites, touchpoints, counts, last] = await Promise.all([
    db.servicePromise.findMany({
      where: { organizationId },
      select: promiseSelect,
      orderBy: [{ isActive: "desc" }, { createdAt: "asc" }],
    }),
    sitesOf(organizationId),
    touchpointsOf(organizationId),
    countAudits(organizationId, months[0]!),
    lastAudits(organizationId),
  ]);
  const list = promises.map(toPromise);
  return {
    today,
    promises: list,
    sites,
    touchpoints,
    schedule: scheduleOf({ promises: list, lastAudits: last, today }),
    compliance: complianceSeries(counts, (c) => c.promiseId),
    months,
  };
}

/** One promise: its definition, schedule, compliance per site, the items that fail most and its audits. */
export async function getPromiseDetail(
  actor: TActor,
  promiseId: string,
  now = new Date(),
): Promise<TPromiseDetail> {
  assertCan(actor, "promise:read");
  const organizationId = actor.organizationId;
  const row = await db.servicePromise.findFirst({
    where: { id: promiseId, organizationId },
    select: promiseSelect,
  });
  if (!row) throw notFound("promiseId");
  const promise = toPromise(row);
  const today = localDayOf(now);
  const months = lastMonths(today, COMPLIANCE_MONTHS);
  const [sites, counts, allCounts, last, failedItems, audits] = await Promise.all([
    sitesOf(organizationId),
    countAudits(organizationId, months[0]!, promiseId),
    countAudits(organizationId, null, promiseId),
    lastAudits(organizationId, promiseId),
    db.$queryRaw<{ item: string; audits: number; failed: number }[]>`
      SELECT e->>'item' AS item, count(*)::int AS audits, count(*) FILTER (WHERE NOT (e->>'passed')::boolean)::int AS failed
        FROM "PromiseAudit" a CROSS JOIN LATERAL jsonb_array_elements(a.checklist) e
       WHERE a."organizationId" = ${organizationId} AND a."promiseId" = ${promiseId}
       GROUP BY 1
       ORDER BY failed DESC, item`,
    db.promiseAudit.findMany({
      where: { organizationId, promiseId },
      select: {
        id: true,
        auditedAt: true,
        passed: true,
        checklist: true,
        evidence: true,
        site: { select: { id: true, name: true } },
        auditor: { select: { name: true } },
      },
      orderBy: [{ auditedAt: "desc" }, { createdAt: "desc" }],
      take: AUDITS_LISTED,
    }),
  ]);
  return {
    today,
    promise,
    sites,
    schedule: scheduleOf({ promises: [promise], lastAudits: last, today }),
    compliance: complianceSeries(counts, (c) => c.siteId),
    months,
    total: rateOf(
      allCounts.reduce((sum, c) => sum + c.audits, 0),
      allCounts.reduce((sum, c) => sum + c.passed, 0),
    ),
    failedItems,
    audits: audits.map((a): TPromiseAudit => ({
      id: a.id,
      site: a.site,
      auditor: a.auditor?.name ?? null,
      auditedOn: localDayOf(a.auditedAt),
      passed: a.passed,
      checklist: ZStoredChecklist.parse(a.checklist),
      evidence: a.evidence,
    })),
  };
}

/** Per active promise: compliance this quarter and the one before, and the audits overdue today (the overview's line). */
export async function getComplianceSummary(
  actor: TActor,
  now = new Date(),
): Promise<TComplianceSummary[]> {
  assertCan(actor, "promise:read");
  const organizationId = actor.organizationId;
  const today = localDayOf(now);
  const [promises, counts, last] = await Promise.all([
    db.servicePromise.findMany({
      where: { organizationId, isActive: true },
      select: promiseSelect,
      orderBy: { createdAt: "asc" },
    }),
    countAudits(organizationId, quarterStartOf(today, 1)),
    lastAudits(organizationId),
  ]);
  const list = promises.map(toPromise);
  const schedule = scheduleOf({ promises: list, lastAudits: last, today });
  return list.map((p) => {
    const own = counts.filter((c) => c.promiseId === p.id);
    return {
      promiseId: p.id,
      titleKo: p.titleKo,
      titleEn: p.titleEn,
      currentQuarter: quarterRate(own, today, 0),
      previousQuarter: quarterRate(own, today, 1),
      overdueAudits: schedule.filter((r) => r.promiseId === p.id && r.status === "OVERDUE").length,
    };
  });
}
