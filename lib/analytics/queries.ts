import "server-only";
import { db } from "@/lib/db/client";
import { dashboardRead } from "@/lib/db/read-replica";
import { assertCan, type TActor, type TPermission } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { aggregateObservations, aggregateObservationsBySets } from "./aggregate";
import { DRILLDOWN_READS, MEASURE_READS } from "./measure-reads";
import {
  measuresOf,
  rankDrivers,
  rankTouchpoints,
  type TDriverInput,
  type TImportanceInput,
} from "./measures";
import {
  ZAnalysisFilter,
  type TAnalysisFilterInput,
  type TDriverRef,
  type TGroupMoments,
  type TMeasureHeadline,
  type TMeasureView,
  type TTouchpointDrilldown,
  type TTouchpointRef,
} from "./schemas";
import { bilingualLabel, enumLabel, periodLabel, siteLabel, slices } from "./slices";

// The Measure views: authorized, organization-scoped reads. Every number comes from
// aggregateObservations (sums in PostgreSQL) and the formulas of lib/stats (via measures.ts).

export async function listJourneysWithData(actor: TActor) {
  assertCan(actor, "measure:read");
  const [journeys, touchpoints, counts] = await Promise.all([
    db.journey.findMany({
      where: { organizationId: actor.organizationId, archivedAt: null },
      select: { id: true, nameKo: true, nameEn: true },
      orderBy: { createdAt: "asc" },
    }),
    db.touchpoint.findMany({
      where: { organizationId: actor.organizationId },
      select: { id: true, journeyId: true },
    }),
    // All time per touchpoint: the monthly rollup and the rows not merged yet (aggregate.ts).
    aggregateObservations(actor.organizationId, {}, ["touchpoint"]),
  ]);
  const journeyOf = new Map(touchpoints.map((t) => [t.id, t.journeyId]));
  const countOf = new Map<string, number>();
  for (const group of counts) {
    const journeyId = journeyOf.get(group.keys[0]!);
    if (journeyId) countOf.set(journeyId, (countOf.get(journeyId) ?? 0) + group.observations);
  }
  return journeys
    .map((j) => ({ ...j, observations: countOf.get(j.id) ?? 0 }))
    .sort((a, b) => b.observations - a.observations);
}

// ---------------------------------------------------------------------------------------------
// The Measure page in parts (MEASURE_READS): the first part paints the page; each other section
// streams in after it (app/(app)/measure/page.tsx). Every part authorizes and parses on its own,
// so a section can never show what its caller could not read.
// ---------------------------------------------------------------------------------------------

/** Where every read of a journey's figures starts: may the actor, does the filter parse, is the journey the organization's. */
async function journeyScope(
  actor: TActor,
  permission: TPermission,
  rawFilter: TAnalysisFilterInput,
) {
  assertCan(actor, permission);
  const filter = parseInput(ZAnalysisFilter, rawFilter);
  const organizationId = actor.organizationId;
  const journey = await db.journey.findFirst({
    where: { id: filter.journeyId, organizationId },
    select: { id: true, nameKo: true, nameEn: true },
  });
  if (!journey) throw notFound("journeyId");
  return { organizationId, filter, journey };
}

const segmentsOf = (organizationId: string) =>
  db.segment.findMany({
    where: { organizationId },
    select: { id: true, nameKo: true, nameEn: true },
    orderBy: { createdAt: "asc" },
  });
const sitesOf = (organizationId: string) =>
  db.site.findMany({
    where: { organizationId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });

/** The first part: the filter's options, the totals, and per touchpoint the ranking, the gap map and importance–performance. */
export const getMeasureHeadline = dashboardRead(readMeasureHeadline);
async function readMeasureHeadline(
  actor: TActor,
  rawFilter: TAnalysisFilterInput,
): Promise<TMeasureHeadline> {
  const { organizationId, filter, journey } = await journeyScope(actor, "measure:read", rawFilter);
  const [touchpoints, journeys, segments, sites, [totals, byTouchpoint]] = await Promise.all([
    touchpointsOf(organizationId, journey.id),
    db.journey.findMany({
      where: { organizationId, archivedAt: null },
      select: { id: true, nameKo: true, nameEn: true },
      orderBy: { createdAt: "asc" },
    }),
    segmentsOf(organizationId),
    sitesOf(organizationId),
    aggregateObservationsBySets(organizationId, filter, [
      ...MEASURE_READS.headline,
      ...MEASURE_READS.touchpoints,
    ]),
  ]);
  const measured = touchpointGroups(touchpoints, byTouchpoint);
  return {
    filter,
    journey,
    journeys,
    segments,
    sites,
    totals: measuresOf(totals[0]),
    ...rankTouchpoints(measured),
    byTouchpoint: measured
      .sort(
        (a, b) =>
          a.touchpoint.stage.position - b.touchpoint.stage.position ||
          a.touchpoint.position - b.touchpoint.position,
      )
      .map(({ group, touchpoint }) => ({
        key: touchpoint.id,
        label: { kind: "bilingual", name: touchpoint },
        measures: measuresOf(group),
        touchpoint,
      })),
  };
}

/** The loyalty drivers' fix-first ranking. */
export const getMeasureDrivers = dashboardRead(readMeasureDrivers);
async function readMeasureDrivers(
  actor: TActor,
  rawFilter: TAnalysisFilterInput,
): Promise<Pick<TMeasureView, "driverRanking">> {
  const { organizationId, filter } = await journeyScope(actor, "measure:read", rawFilter);
  const [touchpoints, [byDriver]] = await Promise.all([
    touchpointsOf(organizationId, filter.journeyId),
    aggregateObservationsBySets(organizationId, filter, MEASURE_READS.drivers),
  ]);
  const driverById = new Map(
    touchpoints.flatMap((t) => t.drivers.map((d) => [d.ref.id, d] as const)),
  );
  return {
    driverRanking: rankDrivers(
      byDriver.flatMap((group): TDriverInput[] => {
        const driver = group.keys[0] ? driverById.get(group.keys[0]) : undefined;
        return driver
          ? [{ driver: driver.ref, statedImportance: driver.statedImportance, group }]
          : [];
      }),
    ),
  };
}

/** The gap split five ways: dimension, rational vs emotional, segment, site, source. */
export const getMeasureSplits = dashboardRead(readMeasureSplits);
async function readMeasureSplits(
  actor: TActor,
  rawFilter: TAnalysisFilterInput,
): Promise<Pick<TMeasureView, "splits">> {
  const { organizationId, filter } = await journeyScope(actor, "measure:read", rawFilter);
  const [segments, sites, [dimension, kind, segment, site, source]] = await Promise.all([
    segmentsOf(organizationId),
    sitesOf(organizationId),
    aggregateObservationsBySets(organizationId, filter, [
      ...MEASURE_READS.dimension,
      ...MEASURE_READS.kind,
      ...MEASURE_READS.segment,
      ...MEASURE_READS.site,
      ...MEASURE_READS.source,
    ]),
  ]);
  return {
    splits: {
      dimension: slices(dimension, enumLabel("dimension")),
      kind: slices(kind, enumLabel("kind")),
      segment: slices(segment, bilingualLabel(segments)),
      site: slices(site, siteLabel(sites)),
      source: slices(source, enumLabel("source")),
    },
  };
}

/** Measures per stage (journey order) and per calendar month: the customer metrics' other slices. */
export const getMeasureStagesAndMonths = dashboardRead(readMeasureStagesAndMonths);
async function readMeasureStagesAndMonths(
  actor: TActor,
  rawFilter: TAnalysisFilterInput,
): Promise<Pick<TMeasureView, "bySlice">> {
  const { organizationId, filter } = await journeyScope(actor, "measure:read", rawFilter);
  const [touchpoints, [stage, month]] = await Promise.all([
    touchpointsOf(organizationId, filter.journeyId),
    aggregateObservationsBySets(organizationId, filter, [
      ...MEASURE_READS.stage,
      ...MEASURE_READS.month,
    ]),
  ]);
  const stageById = stagesOf(touchpoints);
  return {
    bySlice: {
      stage: stage
        .flatMap((group) => {
          const s = stageById.get(group.keys[0]!);
          return s ? [{ s, group }] : [];
        })
        .sort((a, b) => a.s.position - b.s.position)
        .map(({ s, group }) => ({
          key: s.id,
          label: { kind: "bilingual", name: s },
          measures: measuresOf(group),
        })),
      month: slices(month, periodLabel),
    },
  };
}

/** Stage × segment: the heat map and the emotion curve. */
export const getMeasureHeatMap = dashboardRead(readMeasureHeatMap);
async function readMeasureHeatMap(
  actor: TActor,
  rawFilter: TAnalysisFilterInput,
): Promise<Pick<TMeasureView, "stageBySegment">> {
  const { organizationId, filter } = await journeyScope(actor, "measure:read", rawFilter);
  const [touchpoints, [stageBySegment]] = await Promise.all([
    touchpointsOf(organizationId, filter.journeyId),
    aggregateObservationsBySets(organizationId, filter, MEASURE_READS.heatMap),
  ]);
  const stageById = stagesOf(touchpoints);
  return {
    stageBySegment: stageBySegment.flatMap((group) => {
      const stage = stageById.get(group.keys[0]!);
      return stage
        ? [{ stage, segmentId: group.keys[1] ?? null, measures: measuresOf(group) }]
        : [];
    }),
  };
}

const stagesOf = (touchpoints: TTouchpointRow[]) =>
  new Map(touchpoints.map((t) => [t.ref.stage.id, t.ref.stage]));

/** The per-touchpoint groups of the journey's own touchpoints, as the ranking takes them. */
const touchpointGroups = (
  touchpoints: TTouchpointRow[],
  byTouchpoint: TGroupMoments[],
): TImportanceInput[] => {
  const touchpointById = new Map(touchpoints.map((t) => [t.ref.id, t]));
  return byTouchpoint.flatMap((group) => {
    const t = touchpointById.get(group.keys[0]!);
    return t ? [{ touchpoint: t.ref, statedImportance: t.statedImportance, group }] : [];
  });
};

/** Only the fix-first ranking of a journey: one aggregation (what the Analyze page lists as priorities). */
export const getFixFirstRanking = dashboardRead(readFixFirstRanking);
async function readFixFirstRanking(
  actor: TActor,
  rawFilter: TAnalysisFilterInput,
): Promise<TMeasureView["ranking"]> {
  const { organizationId, filter } = await journeyScope(actor, "analysis:read", rawFilter);
  const [touchpoints, [byTouchpoint]] = await Promise.all([
    touchpointsOf(organizationId, filter.journeyId),
    aggregateObservationsBySets(organizationId, filter, MEASURE_READS.touchpoints),
  ]);
  return rankTouchpoints(touchpointGroups(touchpoints, byTouchpoint)).ranking;
}

// ---------------------------------------------------------------------------------------------
// A touchpoint's drill-down in parts (DRILLDOWN_READS): its totals and sites first (the headline
// cards and the filter bar), the charts after.
// ---------------------------------------------------------------------------------------------

/** Where every read of one touchpoint's figures starts: the journey's scope, and the touchpoint is the journey's. */
async function touchpointScope(
  actor: TActor,
  rawFilter: TAnalysisFilterInput,
  touchpointId: string,
) {
  assertCan(actor, "measure:read");
  const base = parseInput(ZAnalysisFilter, rawFilter);
  const organizationId = actor.organizationId;
  const touchpoint = (await touchpointsOf(organizationId, base.journeyId, touchpointId))[0];
  if (!touchpoint) throw notFound("touchpointId");
  return { organizationId, filter: { ...base, touchpointId }, touchpoint };
}

/** The drill-down's first part: the touchpoint, its totals, and the sites it was observed at. */
export const getTouchpointDrilldown = dashboardRead(readTouchpointDrilldown);
async function readTouchpointDrilldown(
  actor: TActor,
  rawFilter: TAnalysisFilterInput,
  touchpointId: string,
): Promise<
  Omit<TTouchpointDrilldown, "splits"> & { splits: Pick<TTouchpointDrilldown["splits"], "site"> }
> {
  const { organizationId, filter, touchpoint } = await touchpointScope(
    actor,
    rawFilter,
    touchpointId,
  );
  const [sites, [totals, site]] = await Promise.all([
    sitesOf(organizationId),
    aggregateObservationsBySets(organizationId, filter, [
      ...DRILLDOWN_READS.headline,
      ...DRILLDOWN_READS.site,
    ]),
  ]);
  return {
    filter,
    touchpoint: touchpoint.ref,
    totals: measuresOf(totals[0]),
    splits: { site: slices(site, siteLabel(sites)) },
  };
}

/** The drill-down's charts: its gap by segment, source, driver and week. */
export const getTouchpointDrilldownSplits = dashboardRead(readTouchpointDrilldownSplits);
async function readTouchpointDrilldownSplits(
  actor: TActor,
  rawFilter: TAnalysisFilterInput,
  touchpointId: string,
): Promise<Omit<TTouchpointDrilldown["splits"], "site">> {
  const { organizationId, filter, touchpoint } = await touchpointScope(
    actor,
    rawFilter,
    touchpointId,
  );
  const [segments, [segment, source, driver, week]] = await Promise.all([
    segmentsOf(organizationId),
    aggregateObservationsBySets(organizationId, filter, [
      ...DRILLDOWN_READS.segment,
      ...DRILLDOWN_READS.source,
      ...DRILLDOWN_READS.driver,
      ...DRILLDOWN_READS.week,
    ]),
  ]);
  return {
    segment: slices(segment, bilingualLabel(segments)),
    source: slices(source, enumLabel("source")),
    driver: slices(
      driver,
      bilingualLabel(
        touchpoint.drivers.map(({ ref: { id, nameKo, nameEn } }) => ({ id, nameKo, nameEn })),
      ),
    ),
    week: slices(week, periodLabel),
  };
}

export type TTouchpointRow = {
  ref: TTouchpointRef;
  statedImportance: number | null;
  drivers: { ref: TDriverRef; statedImportance: number | null }[];
};

/** The journey's touchpoints as the views name them, with their loyalty drivers and the importance managers stated on them. The caller has authorized. */
export async function touchpointsOf(
  organizationId: string,
  journeyId: string,
  touchpointId?: string,
): Promise<TTouchpointRow[]> {
  const rows = await db.touchpoint.findMany({
    where: { organizationId, journeyId, ...(touchpointId ? { id: touchpointId } : {}) },
    select: {
      id: true,
      nameKo: true,
      nameEn: true,
      position: true,
      isMoT: true,
      dimension: true,
      channel: true,
      stage: { select: { id: true, nameKo: true, nameEn: true, position: true } },
      loyaltyDrivers: {
        select: {
          id: true,
          nameKo: true,
          nameEn: true,
          kind: true,
          dimension: true,
          statedImportance: true,
        },
        orderBy: { position: "asc" },
      },
    },
  });
  return rows.map(({ loyaltyDrivers, ...ref }) => {
    const stated = loyaltyDrivers
      .map((d) => d.statedImportance)
      .filter((v): v is number => v !== null);
    // A touchpoint matters as much as its most important driver, when a manager said so.
    return {
      ref,
      statedImportance: stated.length ? Math.max(...stated) : null,
      drivers: loyaltyDrivers.map(({ statedImportance, ...driver }) => ({
        ref: { ...driver, touchpoint: ref },
        statedImportance,
      })),
    };
  });
}
