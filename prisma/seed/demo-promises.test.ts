import { describe, expect, it } from "vitest";
import {
  DEMO_AUDIT_MONTHS,
  DEMO_PROMISE_DIP_MONTHS_AGO,
  DEMO_PROMISES,
  generateDemoAudits,
} from "./demo-promises";
import { TEST_NOW, touchpoints } from "./demo-test-input";
import { DEMO_SITES } from "./demo-users";

const audits = generateDemoAudits(TEST_NOW);
const rate = (list: { passed: boolean }[]) => list.filter((a) => a.passed).length / list.length;
const KST = 9 * 3_600_000;

describe("the demo service promises", () => {
  it("are bilingual, made at touchpoints of the SK Telecom journey, audited at demo sites, with a checklist", () => {
    for (const promise of DEMO_PROMISES) {
      expect(promise.titleKo).toMatch(/[가-힣]/);
      expect(promise.titleEn).toMatch(/^[A-Z][a-z ]/);
      expect(
        touchpoints.map((t) => t.nameEn),
        promise.titleEn,
      ).toContain(promise.touchpointNameEn);
      for (const code of promise.siteCodes) expect(DEMO_SITES.map((s) => s.code)).toContain(code);
      expect(promise.checklist.length).toBeGreaterThanOrEqual(3);
      for (const entry of promise.checklist) expect(entry.item).toMatch(/[가-힣].* \/ [A-Z]/);
    }
    expect(new Set(DEMO_PROMISES.map((p) => p.titleEn)).size).toBe(DEMO_PROMISES.length);
  });

  it("are audited once a month at each site for a year, on working days in office hours, never in the future", () => {
    for (const [index, promise] of DEMO_PROMISES.entries()) {
      for (const site of promise.siteCodes) {
        const mine = audits.filter((a) => a.promiseIndex === index && a.siteCode === site);
        // This month's audit is there only once its day has passed.
        expect(mine.length).toBeGreaterThanOrEqual(DEMO_AUDIT_MONTHS - 1);
        expect(mine.length).toBeLessThanOrEqual(DEMO_AUDIT_MONTHS);
        const months = mine.map((a) =>
          new Date(a.auditedAt.getTime() + KST).toISOString().slice(0, 7),
        );
        expect(new Set(months).size).toBe(mine.length);
      }
    }
    for (const audit of audits) {
      const local = new Date(audit.auditedAt.getTime() + KST);
      expect(audit.auditedAt.getTime()).toBeLessThanOrEqual(TEST_NOW.getTime());
      expect([1, 2, 3, 4, 5]).toContain(local.getUTCDay());
      expect(local.getUTCHours()).toBeGreaterThanOrEqual(10);
      expect(local.getUTCHours()).toBeLessThanOrEqual(17);
    }
  });

  it("record each audit as lib/promises does: the promise's checklist items in order, passed only when every item passed", () => {
    for (const audit of audits) {
      const promise = DEMO_PROMISES[audit.promiseIndex]!;
      expect(audit.checklist.map((c) => c.item)).toEqual(promise.checklist.map((c) => c.item));
      expect(audit.passed).toBe(audit.checklist.every((c) => c.passed));
      for (const [i, c] of audit.checklist.entries())
        expect(c.evidence).toBe(
          c.passed ? promise.checklist[i]!.met : promise.checklist[i]!.missed,
        );
    }
    expect(generateDemoAudits(TEST_NOW)).toEqual(audits);
  });

  it("comply most months, with one bad month", () => {
    const byMonth = Array.from({ length: DEMO_AUDIT_MONTHS }, (_, monthsAgo) =>
      rate(audits.filter((a) => a.monthsAgo === monthsAgo)),
    );
    expect(rate(audits)).toBeGreaterThan(0.75);
    expect(rate(audits)).toBeLessThan(0.95);
    expect(byMonth[DEMO_PROMISE_DIP_MONTHS_AGO]).toBeLessThan(0.6);
    expect(
      byMonth.filter((r, monthsAgo) => monthsAgo !== DEMO_PROMISE_DIP_MONTHS_AGO && r < 0.7),
    ).toEqual([]);
    // Not every audit passes even in a good month: some items fail.
    expect(audits.some((a) => a.monthsAgo !== DEMO_PROMISE_DIP_MONTHS_AGO && !a.passed)).toBe(true);
  });
});
