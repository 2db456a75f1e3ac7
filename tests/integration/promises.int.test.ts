import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recordAudit, savePromise } from "@/lib/promises/mutations";
import { getComplianceSummary, getPromiseDetail, getPromisesView } from "@/lib/promises/queries";
import { localDayOf } from "@/lib/dates/local-days";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import { appError, buildJourney, type TFixture } from "./helpers/journey-fixture";
import { countLoggedChanges } from "./helpers/audit";

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
let f: TFixture;
let gangnam: string;
let jamsil: string;

beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
  f = await buildJourney(cast.a.manager);
  [gangnam, jamsil] = (
    await Promise.all(
      ["GANGNAM", "JAMSIL"].map((code) =>
        db.site.create({ data: { organizationId: cast.a.organization.id, code, name: code } }),
      ),
    )
  ).map((s) => s.id) as [string, string];
});

/** "Today" for these tests: mid-February 2027 in Seoul (the current quarter began 1 January, the last one 1 October). */
const NOW = new Date("2027-02-15T03:00:00Z");
const ITEMS = [
  "대기 3분 이내 / Seen within 3 minutes",
  "안내 멘트 / Customer told of the wait",
  "근무표대로 배치 / Desks staffed as rostered",
];
/** Each test names the touchpoint (the fixture's ids change with every reset). */
const promiseInput = {
  titleKo: "상담 대기 3분 이내",
  titleEn: "Seen within 3 minutes",
  description: "번호표 후 3분 안에 상담 시작",
  checklistItems: ITEMS,
  auditEveryDays: 30,
};

/** An audit whose items pass except those listed. */
const checklistWith = (failedIndexes: number[] = []) =>
  ITEMS.map((item, i) =>
    failedIndexes.includes(i)
      ? { item, passed: false, evidence: "점심 피크 평균 대기 7분 / 7 min at lunch" }
      : { item, passed: true, evidence: "" },
  );

async function audit(
  promiseId: string,
  siteId: string | null,
  auditedAt: string,
  failed: number[] = [],
) {
  return recordAudit(
    cast.a.manager,
    { promiseId, siteId, auditedAt, checklist: checklistWith(failed) },
    NOW,
  );
}

describe("service promises", () => {
  it("are defined with a checklist and an audit cycle, and edited; audits store [{ item, passed, evidence }] and pass only when every item does", async () => {
    const { id } = await savePromise(cast.a.manager, { ...promiseInput, touchpointId: f.mot });
    const passed = await audit(id, gangnam, "2027-02-10");
    const failed = await audit(id, jamsil, "2027-02-11", [1]);
    expect([passed.passed, failed.passed]).toEqual([true, false]);

    const stored = await db.promiseAudit.findUniqueOrThrow({ where: { id: failed.id } });
    expect(stored).toMatchObject({
      organizationId: cast.a.organization.id,
      promiseId: id,
      siteId: jamsil,
      auditorId: cast.a.manager.id,
      passed: false,
      checklist: checklistWith([1]),
    });
    expect(localDayOf(stored.auditedAt)).toBe("2027-02-11");

    await savePromise(cast.a.admin, {
      ...promiseInput,
      promiseId: id,
      touchpointId: "",
      titleEn: "Seen within 3 min",
      checklistItems: [...ITEMS, "대기석 청결 / Clean waiting area"],
      auditEveryDays: 14,
      isActive: true,
    });
    const detail = await getPromiseDetail(cast.a.executive, id, NOW);
    expect(detail.promise).toMatchObject({
      titleEn: "Seen within 3 min",
      touchpoint: null,
      auditEveryDays: 14,
      auditCount: 2,
    });
    // Audits recorded before the edit keep the checklist they were made with.
    expect(
      detail.audits.map((a) => [
        a.auditedOn,
        a.site?.name,
        a.passed,
        a.checklist.length,
        a.auditor,
      ]),
    ).toEqual([
      ["2027-02-11", "JAMSIL", false, 3, cast.a.manager.name],
      ["2027-02-10", "GANGNAM", true, 3, cast.a.manager.name],
    ]);
    expect(detail.failedItems[0]).toEqual({ item: ITEMS[1], audits: 2, failed: 1 });
    expect(
      await db.auditLog.findMany({
        where: { entityType: "ServicePromise", entityId: id },
        select: { action: true },
        orderBy: { id: "asc" },
      }),
    ).toEqual([
      { action: "promise.create" },
      { action: "promise.audit" },
      { action: "promise.audit" },
      { action: "promise.update" },
    ]);
  });

  it("show compliance per month per promise and per site, the schedule, and this quarter against the last", async () => {
    const { id: kept } = await savePromise(cast.a.manager, {
      ...promiseInput,
      touchpointId: f.mot,
    });
    const { id: other } = await savePromise(cast.a.manager, {
      ...promiseInput,
      touchpointId: null,
      titleKo: "회신 약속",
      titleEn: "Call back",
      auditEveryDays: 60,
    });
    // Gangnam: Nov pass, Dec fail, Jan pass, Feb pass. Jamsil: Nov pass, Jan fail (last audited 2027-01-05).
    await audit(kept, gangnam, "2026-11-04");
    await audit(kept, gangnam, "2026-12-03", [0]);
    await audit(kept, gangnam, "2027-01-06");
    await audit(kept, gangnam, "2027-02-01");
    await audit(kept, jamsil, "2026-11-05");
    await audit(kept, jamsil, "2027-01-05", [2]);
    // 1 January, 08:00 in Seoul is still 31 December in UTC: it counts in January.
    await db.promiseAudit.create({
      data: {
        organizationId: cast.a.organization.id,
        promiseId: other,
        siteId: null,
        auditedAt: new Date("2026-12-31T23:00:00Z"),
        passed: true,
        checklist: checklistWith(),
      },
    });

    const view = await getPromisesView(cast.a.executive, NOW);
    expect(view.months[0]).toBe("2026-03-01");
    expect(view.months.at(-1)).toBe("2027-02-01");
    const keptSeries = view.compliance.find((s) => s.key === kept)!;
    expect(keptSeries.months.map((m) => [m.month, m.audits, m.passed, m.rate])).toEqual([
      ["2026-11-01", 2, 2, 1],
      ["2026-12-01", 1, 0, 0],
      ["2027-01-01", 2, 1, 0.5],
      ["2027-02-01", 1, 1, 1],
    ]);
    expect(keptSeries.total).toMatchObject({ audits: 6, passed: 4 });
    expect(view.compliance.find((s) => s.key === other)!.months.map((m) => m.month)).toEqual([
      "2027-01-01",
    ]);

    // Due 30 days after the last audit per site; the call-back promise only where it was audited (no site).
    expect(
      view.schedule.map((r) => [
        r.promiseId === kept ? "kept" : "other",
        r.siteId,
        r.dueOn,
        r.status,
      ]),
    ).toEqual([
      ["kept", jamsil, "2027-02-04", "OVERDUE"],
      ["other", null, "2027-03-02", "SCHEDULED"],
      ["kept", gangnam, "2027-03-03", "SCHEDULED"],
    ]);

    const bySite = (await getPromiseDetail(cast.a.manager, kept, NOW)).compliance;
    expect(bySite.map((s) => [s.key, s.total?.audits, s.total?.passed])).toEqual([
      [gangnam, 4, 3],
      [jamsil, 2, 1],
    ]);

    const summary = await getComplianceSummary(cast.a.executive, NOW);
    expect(summary.find((s) => s.promiseId === kept)).toMatchObject({
      titleEn: "Seen within 3 minutes",
      currentQuarter: { audits: 3, passed: 2 }, // January and February
      previousQuarter: { audits: 3, passed: 2 }, // November and December
      overdueAudits: 1,
    });
    expect(summary.find((s) => s.promiseId === other)).toMatchObject({
      currentQuarter: { audits: 1, passed: 1 },
      previousQuarter: null,
      overdueAudits: 0,
    });
  });

  it("refuse an audit of an inactive promise, of a checklist that changed since the form opened, or dated in the future", async () => {
    const { id } = await savePromise(cast.a.manager, { ...promiseInput, touchpointId: null });
    await expect(
      recordAudit(
        cast.a.manager,
        { promiseId: id, siteId: gangnam, auditedAt: "2027-02-16", checklist: checklistWith() },
        NOW,
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { auditedAt: ["promises.errors.auditDate"] },
    });
    await expect(
      recordAudit(
        cast.a.manager,
        {
          promiseId: id,
          siteId: gangnam,
          auditedAt: "2027-02-10",
          checklist: checklistWith().slice(1),
        },
        NOW,
      ),
    ).rejects.toMatchObject(appError("CONFLICT", "promises.errors.checklistChanged"));
    await savePromise(cast.a.manager, {
      ...promiseInput,
      promiseId: id,
      touchpointId: null,
      isActive: false,
    });
    await expect(audit(id, gangnam, "2027-02-10")).rejects.toMatchObject(
      appError("CONFLICT", "promises.errors.inactive"),
    );
    expect(await db.promiseAudit.count()).toBe(0);
    // An inactive promise is off the schedule.
    expect((await getPromisesView(cast.a.manager, NOW)).schedule).toEqual([]);
  });
});

describe("who may do what", () => {
  const snapshot = async () => ({
    promises: await db.servicePromise.findMany({ orderBy: { id: "asc" } }),
    audits: await db.promiseAudit.findMany({ orderBy: { id: "asc" } }),
    auditLogs: await countLoggedChanges(),
  });

  it("executives read promises and compliance but define and audit nothing; frontline staff see nothing", async () => {
    const { id } = await savePromise(cast.a.manager, { ...promiseInput, touchpointId: null });
    await audit(id, gangnam, "2027-02-01");
    expect((await getPromisesView(cast.a.executive, NOW)).promises).toHaveLength(1);
    const before = await snapshot();
    for (const actor of [cast.a.executive, cast.a.frontline]) {
      await expect(
        savePromise(actor, { ...promiseInput, touchpointId: null }),
      ).rejects.toMatchObject(appError("FORBIDDEN"));
      await expect(
        savePromise(actor, { ...promiseInput, promiseId: id, touchpointId: null }),
      ).rejects.toMatchObject(appError("FORBIDDEN"));
      await expect(
        recordAudit(
          actor,
          { promiseId: id, siteId: gangnam, auditedAt: "2027-02-10", checklist: checklistWith() },
          NOW,
        ),
      ).rejects.toMatchObject(appError("FORBIDDEN"));
    }
    await expect(getPromisesView(cast.a.frontline, NOW)).rejects.toMatchObject(
      appError("FORBIDDEN"),
    );
    await expect(getPromiseDetail(cast.a.frontline, id, NOW)).rejects.toMatchObject(
      appError("FORBIDDEN"),
    );
    await expect(getComplianceSummary(cast.a.frontline, NOW)).rejects.toMatchObject(
      appError("FORBIDDEN"),
    );
    expect(await snapshot()).toEqual(before);
  });

  it("another organization's promises, sites and touchpoints are not found, and it sees none of this one's", async () => {
    const { id } = await savePromise(cast.a.manager, { ...promiseInput, touchpointId: f.mot });
    const theirSite = await db.site.create({
      data: { organizationId: cast.b.organization.id, code: "B1", name: "B1" },
    });
    const { id: theirs } = await savePromise(cast.b.manager, {
      ...promiseInput,
      touchpointId: null,
    });
    const before = await snapshot();
    const b = cast.b.manager;
    await expect(
      savePromise(b, { ...promiseInput, promiseId: id, touchpointId: null }),
    ).rejects.toMatchObject(appError("NOT_FOUND"));
    await expect(savePromise(b, { ...promiseInput, touchpointId: f.mot })).rejects.toMatchObject(
      appError("NOT_FOUND"),
    );
    await expect(
      recordAudit(
        b,
        {
          promiseId: id,
          siteId: theirSite.id,
          auditedAt: "2027-02-10",
          checklist: checklistWith(),
        },
        NOW,
      ),
    ).rejects.toMatchObject(appError("NOT_FOUND"));
    await expect(
      recordAudit(
        b,
        { promiseId: theirs, siteId: gangnam, auditedAt: "2027-02-10", checklist: checklistWith() },
        NOW,
      ),
    ).rejects.toMatchObject(appError("NOT_FOUND"));
    // The promise page turns this NOT_FOUND into a 404 (app/(app)/promises/[promiseId]/page.tsx), as a made-up id does.
    await expect(getPromiseDetail(b, id, NOW)).rejects.toMatchObject({
      ...appError("NOT_FOUND"),
      fieldErrors: { promiseId: ["errors.NOT_FOUND"] },
    });
    await expect(getPromiseDetail(cast.a.manager, "no-such-promise", NOW)).rejects.toMatchObject(
      appError("NOT_FOUND"),
    );
    expect(await snapshot()).toEqual(before);
    expect((await getPromisesView(b, NOW)).promises.map((p) => p.id)).toEqual([theirs]);
    expect((await getComplianceSummary(b, NOW)).map((s) => s.promiseId)).toEqual([theirs]);
  });

  it("answers bad input with a clear message (message keys, as a form gets them) and changes nothing", async () => {
    const { id } = await savePromise(cast.a.manager, { ...promiseInput, touchpointId: null });
    const before = await snapshot();
    const m = cast.a.manager;
    const fieldErrorsOf = async (run: () => Promise<unknown>) => {
      const error = (await run().catch((e: unknown) => e)) as {
        code?: string;
        fieldErrors?: Record<string, string[]>;
      };
      expect(error.code).toBe("VALIDATION");
      return error.fieldErrors;
    };
    expect(
      await fieldErrorsOf(() =>
        savePromise(m, { ...promiseInput, touchpointId: null, titleKo: " ", titleEn: "" }),
      ),
    ).toEqual({ titleKo: ["promises.errors.titleRequired"] });
    expect(
      await fieldErrorsOf(() =>
        savePromise(m, { ...promiseInput, touchpointId: null, checklistItems: [] }),
      ),
    ).toEqual({ checklistItems: ["promises.errors.checklistRequired"] });
    expect(
      await fieldErrorsOf(() =>
        savePromise(m, { ...promiseInput, touchpointId: null, checklistItems: ["a", "a"] }),
      ),
    ).toEqual({ checklistItems: ["promises.errors.checklistDuplicate"] });
    expect(
      await fieldErrorsOf(() =>
        savePromise(m, { ...promiseInput, touchpointId: null, auditEveryDays: 0 }),
      ),
    ).toEqual({ auditEveryDays: ["validation.tooSmall"] });
    const noEvidence = ITEMS.map((item, i) => ({ item, passed: i !== 0, evidence: "" }));
    // Nested paths are reported on their top field, as the action boundary does.
    expect(
      await fieldErrorsOf(() =>
        recordAudit(
          m,
          { promiseId: id, siteId: gangnam, auditedAt: "2027-02-10", checklist: noEvidence },
          NOW,
        ),
      ),
    ).toEqual({ checklist: ["promises.errors.evidenceRequired"] });
    expect(
      await fieldErrorsOf(() =>
        recordAudit(
          m,
          { promiseId: id, siteId: gangnam, auditedAt: "2027-02-30", checklist: checklistWith() },
          NOW,
        ),
      ),
    ).toEqual({ auditedAt: ["validation.invalidFormat"] });
    expect(await snapshot()).toEqual(before);
  });
});
