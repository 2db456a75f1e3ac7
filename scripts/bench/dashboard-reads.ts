// The reads `npm run bench` times, each from the rollups and from the raw observations
// (readingRawObservations) in the same run: every read of a journey's Measure view and of its
// planted touchpoint's drill-down, by the names the pages use (lib/analytics/measure-reads.ts),
// each after the authorization the page does; the whole Measure view, its reads side by side as the
// page issues them; and the fix-first ranking, the overview and the control chart through their
// query functions. Import only after DATABASE_URL is set.
import { aggregateObservationsBySets, readingRawObservations } from "@/lib/analytics/aggregate";
import { DRILLDOWN_READS, MEASURE_READS } from "@/lib/analytics/measure-reads";
import {
  getFixFirstRanking,
  getMeasureDrivers,
  getMeasureHeadline,
  getMeasureHeatMap,
  getMeasureSplits,
  getMeasureStagesAndMonths,
} from "@/lib/analytics/queries";
import { ZAnalysisFilter, type TAnalysisFilter } from "@/lib/analytics/schemas";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { createControlChart } from "@/lib/control/mutations";
import { getControlView } from "@/lib/control/queries";
import { db } from "@/lib/db/client";
import { addDays, localDayOf } from "@/lib/dates/local-days";
import { notFound } from "@/lib/errors";
import { getOverview } from "@/lib/overview/queries";
import { parseInput } from "@/lib/validation";
import { LARGE_PLANTED_PROBLEMS } from "@/scripts/seed-large/large-organization";
import { percentile, runTimes } from "./bench-database";
import type { TReadKind } from "./targets";

type TMeasureRead = keyof typeof MEASURE_READS;
type TDrilldownRead = keyof typeof DRILLDOWN_READS;

/** What each read feeds on the page (a read added to measure-reads.ts needs its label here). */
const MEASURE_LABELS: Record<TMeasureRead, string> = {
  headline: "headline cards",
  touchpoints: "touchpoints (ranking, gap map, emotion curve, IPA)",
  drivers: "loyalty drivers",
  dimension: "split by dimension",
  kind: "split by driver kind",
  segment: "split by segment",
  site: "split by site",
  source: "split by source",
  stage: "split by stage",
  month: "monthly figures",
  heatMap: "stage × segment heat map",
};
const DRILLDOWN_LABELS: Record<TDrilldownRead, string> = {
  headline: "headline",
  segment: "by segment",
  site: "by site",
  source: "by source",
  driver: "by driver",
  week: "weekly figures",
};

type TReadToTime = {
  key: string;
  label: string;
  kind: TReadKind;
  run: () => Promise<unknown>;
};
type TTimes = { runs: number; p50: number; p95: number };
export type TReadFigures = Omit<TReadToTime, "run"> & { rollup: TTimes; raw: TTimes };

/**
 * The bench organization's reads as a manager sees them on the day its generated year ends (its
 * creation): the overview's "last 30 days" are the data's last 30 days, however long ago it was
 * seeded. The journey and touchpoint are the first planted problem's, all time.
 */
export async function prepareBenchReads(organizationId: string): Promise<TReadToTime[]> {
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
  const { journeyId } = touchpoint;

  const measure = (name: TMeasureRead) => async () =>
    aggregateObservationsBySets(
      organizationId,
      await authorizedFilter(actor, journeyId),
      MEASURE_READS[name],
    );
  const drilldown = (name: TDrilldownRead) => async () =>
    aggregateObservationsBySets(
      organizationId,
      await authorizedFilter(actor, journeyId, touchpoint.id),
      DRILLDOWN_READS[name],
    );
  const measureNames = Object.keys(MEASURE_READS) as TMeasureRead[];
  return [
    ...measureNames.map((name): TReadToTime => ({
      key: `measure.${name}`,
      label: `Measure: ${MEASURE_LABELS[name]}`,
      kind: "read",
      run: measure(name),
    })),
    ...(Object.keys(DRILLDOWN_READS) as TDrilldownRead[]).map((name): TReadToTime => ({
      key: `drilldown.${name}`,
      label: `drill-down: ${DRILLDOWN_LABELS[name]}`,
      kind: "read",
      run: drilldown(name),
    })),
    {
      key: "measure.first",
      label: "Measure's first part (getMeasureHeadline: headline, ranking)",
      kind: "other",
      run: () => getMeasureHeadline(actor, { journeyId }),
    },
    {
      // As app/(app)/measure/page.tsx reads it: the first part, then the streamed sections side by side.
      key: "measure.view",
      label: "whole Measure view as the page reads it",
      kind: "view",
      run: async () => {
        await getMeasureHeadline(actor, { journeyId });
        return Promise.all(
          [getMeasureDrivers, getMeasureSplits, getMeasureStagesAndMonths, getMeasureHeatMap].map(
            (read) => read(actor, { journeyId }),
          ),
        );
      },
    },
    {
      key: "measure.viewOneStatement",
      label: "whole Measure view as one GROUPING SETS statement",
      kind: "other",
      run: async () =>
        aggregateObservationsBySets(
          organizationId,
          await authorizedFilter(actor, journeyId),
          Object.values(MEASURE_READS).flat(),
        ),
    },
    {
      key: "ranking",
      label: "fix-first ranking (getFixFirstRanking)",
      kind: "other",
      run: () => getFixFirstRanking(actor, { journeyId }),
    },
    {
      key: "overview",
      label: "executive overview (getOverview)",
      kind: "other",
      run: () => getOverview(actor, now),
    },
    {
      key: "controlChart",
      label: "control chart, daily (getControlView)",
      kind: "other",
      run: () => getControlView(actor, now),
    },
  ];
}

/**
 * What a Measure page does before it aggregates: the permission, the filter parsed, the journey
 * (and the drill-down's touchpoint) found in the actor's organization.
 */
async function authorizedFilter(
  actor: TActor,
  journeyId: string,
  touchpointId?: string,
): Promise<TAnalysisFilter> {
  assertCan(actor, "measure:read");
  const filter = parseInput(ZAnalysisFilter, { journeyId });
  const { organizationId } = actor;
  if (touchpointId === undefined) {
    const journey = await db.journey.findFirst({
      where: { id: filter.journeyId, organizationId },
      select: { id: true },
    });
    if (!journey) throw notFound("journeyId");
    return filter;
  }
  const touchpoint = await db.touchpoint.findFirst({
    where: { id: touchpointId, journeyId: filter.journeyId, organizationId },
    select: { id: true },
  });
  if (!touchpoint) throw notFound("touchpointId");
  return { ...filter, touchpointId };
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
  { run, ...read }: TReadToTime,
  runs: { rollup: number; raw: number },
): Promise<TReadFigures> {
  const rollup = await runTimes(run, runs.rollup, 1);
  const raw = await runTimes(() => readingRawObservations(run), runs.raw, 1);
  return { ...read, rollup: timesOf(rollup), raw: timesOf(raw) };
}
