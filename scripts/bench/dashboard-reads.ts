// The dashboard reads `npm run bench` times, each through the app's own authorized query
// function (what a page calls), once from the rollups and once from the raw observations
// (readingRawObservations) in the same run. Import only after DATABASE_URL is set.
import { readingRawObservations } from "@/lib/analytics/aggregate";
import {
  getFixFirstRanking,
  getMeasureDrivers,
  getMeasureHeadline,
  getMeasureHeatMap,
  getMeasureSplits,
  getMeasureStagesAndMonths,
} from "@/lib/analytics/queries";
import type { TActor } from "@/lib/auth/permissions";
import { createControlChart } from "@/lib/control/mutations";
import { getControlView } from "@/lib/control/queries";
import { db } from "@/lib/db/client";
import { addDays, localDayOf } from "@/lib/dates/local-days";
import { getOverview } from "@/lib/overview/queries";
import { LARGE_PLANTED_PROBLEMS } from "@/scripts/seed-large/large-organization";
import { percentile, runTimes } from "./bench-database";

export type TDashboardRead =
  "ranking" | "measureFirst" | "gapAnalysis" | "overview" | "controlChart";

export const DASHBOARD_READS: Record<TDashboardRead, string> = {
  ranking: "fix-first ranking (a journey, all time)",
  measureFirst: "Measure's first part (headline, ranking)",
  gapAnalysis: "gap analysis (the whole Measure view)",
  overview: "executive overview",
  controlChart: "control chart (daily, planted touchpoint)",
};

export type TTimes = { runs: number; p50: number; p95: number };
export type TReadFigures = { read: TDashboardRead; rollup: TTimes; raw: TTimes };

/**
 * The bench organization's reads as a manager sees them on the day its generated year ends (its
 * creation): the overview's "last 30 days" are the data's last 30 days, however long ago it was seeded.
 */
export async function prepareDashboardReads(
  organizationId: string,
): Promise<Record<TDashboardRead, () => Promise<unknown>>> {
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { createdAt: true },
  });
  const manager = await db.user.findFirstOrThrow({
    where: { organizationId, role: "MANAGER" },
    select: { id: true, role: true },
  });
  const actor: TActor = { id: manager.id, organizationId, role: manager.role };
  const now = organization.createdAt;
  const planted = LARGE_PLANTED_PROBLEMS[0]!;
  const touchpoint = await db.touchpoint.findFirstOrThrow({
    where: {
      organizationId,
      nameEn: planted.nameEn,
      journey: { templateKey: planted.templateKey },
    },
    select: { id: true, journeyId: true },
  });
  await ensureControlChart(actor, touchpoint.id, now);
  const filter = { journeyId: touchpoint.journeyId };
  return {
    ranking: () => getFixFirstRanking(actor, filter),
    measureFirst: () => getMeasureHeadline(actor, filter),
    // As the page reads it: the first part, then every other section at once.
    gapAnalysis: async () => {
      await getMeasureHeadline(actor, filter);
      await Promise.all(
        [getMeasureDrivers, getMeasureSplits, getMeasureStagesAndMonths, getMeasureHeatMap].map(
          (part) => part(actor, filter),
        ),
      );
    },
    overview: () => getOverview(actor, now),
    controlChart: () => getControlView(actor, now),
  };
}

/** A daily chart of the planted touchpoint with a four-week baseline two months before the end (created once). */
async function ensureControlChart(actor: TActor, touchpointId: string, now: Date): Promise<void> {
  if (
    await db.controlChart.findFirst({
      where: { organizationId: actor.organizationId, touchpointId },
      select: { id: true },
    })
  )
    return;
  const end = localDayOf(now);
  await createControlChart(
    actor,
    {
      touchpointId,
      metric: "MEAN_EXPERIENCE",
      subgroup: "DAY",
      baselineFrom: addDays(end, -90),
      baselineTo: addDays(end, -63),
    },
    now,
  );
}

const timesOf = (ms: readonly number[]): TTimes => ({
  runs: ms.length,
  p50: percentile(ms, 50),
  p95: percentile(ms, 95),
});

/** One read timed from the rollups and from the raw table, each after one unmeasured warm-up run. */
export async function timeRead(
  read: () => Promise<unknown>,
  runs: { rollup: number; raw: number },
): Promise<{ rollup: TTimes; raw: TTimes }> {
  const rollup = await runTimes(read, runs.rollup, 1);
  const raw = await runTimes(() => readingRawObservations(read), runs.raw, 1);
  return { rollup: timesOf(rollup), raw: timesOf(raw) };
}
