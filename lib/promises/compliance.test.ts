import { describe, expect, it } from "vitest";
import {
  complianceSeries,
  lastMonths,
  monthsBetween,
  quarterRate,
  rateOf,
  scheduleOf,
} from "./compliance";
import type { TAuditCount } from "./schemas";

const counts: TAuditCount[] = [
  { promiseId: "p1", siteId: "gangnam", month: "2026-01-01", audits: 2, passed: 2 },
  { promiseId: "p1", siteId: "jamsil", month: "2026-01-01", audits: 2, passed: 0 },
  { promiseId: "p1", siteId: "gangnam", month: "2026-03-01", audits: 1, passed: 0 },
  { promiseId: "p2", siteId: "gangnam", month: "2026-02-01", audits: 4, passed: 3 },
  { promiseId: "p1", siteId: null, month: "2025-12-01", audits: 1, passed: 1 },
];

describe("compliance rate", () => {
  it("is the share of audits passed, with a Wilson interval; none without audits", () => {
    const rate = rateOf(4, 3)!;
    expect(rate).toMatchObject({ audits: 4, passed: 3, rate: 0.75 });
    // Wilson 95 % for 3 of 4: 0.3006 – 0.9544 (textbook value)
    expect(rate.interval!.low).toBeCloseTo(0.3006, 3);
    expect(rate.interval!.high).toBeCloseTo(0.9544, 3);
    expect(rateOf(0, 0)).toBeNull();
  });

  it("per promise and per month, months without audits left out", () => {
    const byPromise = complianceSeries(counts, (c) => c.promiseId);
    const p1 = byPromise.find((s) => s.key === "p1")!;
    expect(p1.months.map((m) => [m.month, m.audits, m.passed, m.rate])).toEqual([
      ["2025-12-01", 1, 1, 1],
      ["2026-01-01", 4, 2, 0.5], // both sites together
      ["2026-03-01", 1, 0, 0],
    ]);
    expect(p1.total).toMatchObject({ audits: 6, passed: 3, rate: 0.5 });
    expect(byPromise.find((s) => s.key === "p2")!.months).toHaveLength(1);
  });

  it("per site of one promise, audits without a site kept apart", () => {
    const bySite = complianceSeries(
      counts.filter((c) => c.promiseId === "p1"),
      (c) => c.siteId,
    );
    expect(bySite.map((s) => [s.key, s.total?.audits, s.total?.rate])).toEqual([
      ["gangnam", 3, 2 / 3],
      ["jamsil", 2, 0],
      [null, 1, 1],
    ]);
  });

  it("by calendar quarter: this one and the one before", () => {
    const p1 = counts.filter((c) => c.promiseId === "p1");
    expect(quarterRate(p1, "2026-03-15", 0)).toMatchObject({ audits: 5, passed: 2 }); // Jan–Mar
    expect(quarterRate(p1, "2026-03-15", 1)).toMatchObject({ audits: 1, passed: 1 }); // Oct–Dec 2025
    expect(quarterRate(p1, "2026-05-01", 0)).toBeNull();
  });

  it("lists the months of a period", () => {
    expect(monthsBetween("2025-11-20", "2026-02-03")).toEqual([
      "2025-11-01",
      "2025-12-01",
      "2026-01-01",
      "2026-02-01",
    ]);
    expect(monthsBetween("2026-02-03", "2026-02-28")).toEqual(["2026-02-01"]);
    expect(lastMonths("2026-02-15", 3)).toEqual(["2025-12-01", "2026-01-01", "2026-02-01"]);
    expect(lastMonths("2026-12-31", 12)).toHaveLength(12);
    expect(lastMonths("2026-12-31", 12)[0]).toBe("2026-01-01");
  });
});

describe("audit schedule", () => {
  const promise = { id: "p1", auditEveryDays: 30, createdOn: "2026-01-01", isActive: true };

  it("is due auditEveryDays after the last audit at each site audited; overdue first; inactive promises not scheduled", () => {
    const rows = scheduleOf({
      promises: [promise, { ...promise, id: "p2", isActive: false }],
      lastAudits: [
        { promiseId: "p1", siteId: "gangnam", auditedOn: "2026-03-01", passed: false },
        { promiseId: "p1", siteId: "jamsil", auditedOn: "2026-02-10", passed: true },
        { promiseId: "p1", siteId: null, auditedOn: "2026-02-22", passed: true },
        { promiseId: "p2", siteId: "gangnam", auditedOn: "2025-01-01", passed: true },
      ],
      today: "2026-03-20",
    });
    expect(rows.map((r) => [r.siteId, r.dueOn, r.status, r.daysOverdue, r.lastPassed])).toEqual([
      ["jamsil", "2026-03-12", "OVERDUE", 8, true],
      [null, "2026-03-24", "DUE_SOON", -4, true], // audits without a site (an online channel) are scheduled too
      ["gangnam", "2026-03-31", "SCHEDULED", -11, false],
    ]);
  });

  it("calls an audit due today 'due soon', and overdue the day after", () => {
    const last = [{ promiseId: "p1", siteId: "gangnam", auditedOn: "2026-03-01", passed: true }];
    expect(
      scheduleOf({ promises: [promise], lastAudits: last, today: "2026-03-31" })[0],
    ).toMatchObject({ status: "DUE_SOON", daysOverdue: 0 });
    expect(
      scheduleOf({ promises: [promise], lastAudits: last, today: "2026-03-24" })[0],
    ).toMatchObject({ status: "DUE_SOON", daysOverdue: -7 });
    expect(
      scheduleOf({ promises: [promise], lastAudits: last, today: "2026-03-23" })[0],
    ).toMatchObject({ status: "SCHEDULED" });
    expect(
      scheduleOf({ promises: [promise], lastAudits: last, today: "2026-04-01" })[0],
    ).toMatchObject({ status: "OVERDUE", daysOverdue: 1 });
  });

  it("schedules a promise never audited once, without a site, auditEveryDays after it was defined", () => {
    expect(scheduleOf({ promises: [promise], lastAudits: [], today: "2026-02-05" })).toEqual([
      {
        promiseId: "p1",
        siteId: null,
        lastAuditedOn: null,
        lastPassed: null,
        dueOn: "2026-01-31",
        status: "OVERDUE",
        daysOverdue: 5,
      },
    ]);
  });
});
