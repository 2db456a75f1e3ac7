import {
  addDays,
  daysBetween,
  monthOf,
  quarterStartOf,
  type TLocalDay,
} from "@/lib/dates/local-days";
import { proportionInterval } from "@/lib/stats/proportions";
import type {
  TAuditCount,
  TComplianceMonth,
  TComplianceSeries,
  TLastAudit,
  TRate,
  TScheduleRow,
} from "./schemas";

// Service-promise compliance (Hyundai Card's 서비스 이행점검): the share of audits that passed —
// an audit passes when every checklist item does — by month, per promise and per site, and when
// each promise is next due at each site. Pure: SQL counts the audits, this file does the rest.

/** An audit due within this many days is "due soon". */
const DUE_SOON_DAYS = 7;

/** Passed audits / audits, with its Wilson interval; null without audits. */
export function rateOf(audits: number, passed: number): TRate | null {
  const share = proportionInterval(passed, audits);
  return share ? { audits, passed, rate: share.p, interval: share.interval } : null;
}

/** Every month from the one of `from` to the one of `to`, as first days ("2026-01-01", …). */
export function monthsBetween(from: TLocalDay, to: TLocalDay): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = monthOf(to);
  for (;;) {
    const key = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
    if (key > last) return months;
    months.push(key);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

/** The `count` months up to and including the one of `today`, oldest first. */
export function lastMonths(today: TLocalDay, count: number): string[] {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - (count - 1);
  const first = `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}-01`;
  return monthsBetween(first, today);
}

/**
 * Monthly compliance per key (a promise, a site): one series per key that has audits, each with
 * its months in order (months without audits are left out: no audit is no evidence either way)
 * and the rate over all its counted months.
 */
export function complianceSeries(
  counts: readonly TAuditCount[],
  keyOf: (count: TAuditCount) => string | null,
): TComplianceSeries[] {
  const byKey = new Map<string | null, Map<string, { audits: number; passed: number }>>();
  for (const count of counts) {
    const key = keyOf(count);
    const months = byKey.get(key) ?? new Map<string, { audits: number; passed: number }>();
    byKey.set(key, months);
    const month = months.get(count.month) ?? { audits: 0, passed: 0 };
    months.set(count.month, {
      audits: month.audits + count.audits,
      passed: month.passed + count.passed,
    });
  }
  return [...byKey].map(([key, months]) => {
    const rows = [...months]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .flatMap(([month, c]): TComplianceMonth[] => {
        const rate = rateOf(c.audits, c.passed);
        return rate ? [{ month, ...rate }] : [];
      });
    const total = rateOf(
      rows.reduce((sum, r) => sum + r.audits, 0),
      rows.reduce((sum, r) => sum + r.passed, 0),
    );
    return { key, months: rows, total };
  });
}

/** The audits of a quarter (0 = the one `today` is in, 1 = the one before), from monthly counts. */
export function quarterRate(
  counts: readonly TAuditCount[],
  today: TLocalDay,
  quartersBack: 0 | 1,
): TRate | null {
  const [from, until] = [
    quarterStartOf(today, quartersBack),
    quarterStartOf(today, quartersBack - 1),
  ];
  const inQuarter = counts.filter((c) => c.month >= from && c.month < until);
  return rateOf(
    inQuarter.reduce((sum, c) => sum + c.audits, 0),
    inQuarter.reduce((sum, c) => sum + c.passed, 0),
  );
}

type TSchedulePromise = {
  id: string;
  auditEveryDays: number;
  createdOn: TLocalDay;
  isActive: boolean;
};

/**
 * When each active promise is next due at each site it is audited at: auditEveryDays after its
 * latest audit there. A promise is scheduled at the sites where it has been audited (a call-centre
 * promise is not due at the stores; recording the first audit at a site puts it on the schedule);
 * a promise never audited anywhere has one row, without a site, due auditEveryDays after it was
 * defined. Most overdue first.
 */
export function scheduleOf(input: {
  promises: readonly TSchedulePromise[];
  lastAudits: readonly TLastAudit[];
  today: TLocalDay;
}): TScheduleRow[] {
  const rows = input.promises
    .filter((p) => p.isActive)
    .flatMap((promise) => {
      const audited = input.lastAudits.filter((a) => a.promiseId === promise.id);
      const starts = audited.length ? audited : [{ siteId: null, auditedOn: null, passed: null }];
      return starts.map((last): TScheduleRow => {
        const dueOn = addDays(last.auditedOn ?? promise.createdOn, promise.auditEveryDays);
        const daysOverdue = daysBetween(dueOn, input.today);
        return {
          promiseId: promise.id,
          siteId: last.siteId,
          lastAuditedOn: last.auditedOn,
          lastPassed: last.passed,
          dueOn,
          status:
            daysOverdue > 0 ? "OVERDUE" : daysOverdue >= -DUE_SOON_DAYS ? "DUE_SOON" : "SCHEDULED",
          daysOverdue,
        };
      });
    });
  return rows.sort((a, b) => b.daysOverdue - a.daysOverdue);
}
