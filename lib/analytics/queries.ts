import "server-only";
import { db } from "@/lib/db/client";
import { dashboardRead } from "@/lib/db/read-replica";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { aggregateObservations, aggregateObservationsBySets } from "./aggregate";
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
  type TGroupKey,
  type TGroupMoments,
  type TMeasureView,
  type TSliceMeasures,
  type TTouchpointDrilldown,
  type TTouchpointRef,
} from "./schemas";

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

export const getMeasureView = dashboardRead(readMeasureView);
async function readMeasureView(
  actor: TActor,
  rawFilter: TAnalysisFilterInput,
): Promise<TMeasureView> {
  assertCan(actor, "measure:read");
  const filter = parseInput(ZAnalysisFilter, rawFilter);
  const organizationId = actor.organizationId;
  const journey = await db.journey.findFirst({
    where: { id: filter.journeyId, organizationId },
    select: { id: true, nameKo: true, nameEn: true },
  });
  if (!journey) throw notFound("journeyId");

  const [
    touchpoints,
    journeys,
    segments,
    sites,
    [
      totals,
      byTouchpoint,
      byDriver,
      dimension,
      kind,
      segment,
      site,
      source,
      stage,
      month,
      stageBySegment,
    ],
  ] = await Promise.all([
    touchpointsOf(organizationId, journey.id),
    db.journey.findMany({
      where: { organizationId, archivedAt: null },
      select: { id: true, nameKo: true, nameEn: true },
      orderBy: { createdAt: "asc" },
    }),
    db.segment.findMany({
      where: { organizationId },
      select: { id: true, nameKo: true, nameEn: true },
      orderBy: { createdAt: "asc" },
    }),
    db.site.findMany({
      where: { organizationId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    // Every slice of the page from one scan of the filtered observations.
    aggregateObservationsBySets(organizationId, filter, [
      [],
      ["touchpoint"],
      ["driver"],
      ["dimension"],
      ["kind"],
      ["segment"],
      ["site"],
      ["source"],
      ["stage"],
      ["month"],
      ["stage", "segment"],
    ]),
  ]);

  const touchpointById = new Map(touchpoints.map((t) => [t.ref.id, t]));
  const segmentById = new Map(segments.map((s) => [s.id, s]));
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const stageById = new Map(touchpoints.map((t) => [t.ref.stage.id, t.ref.stage]));
  const driverById = new Map(
    touchpoints.flatMap((t) => t.drivers.map((d) => [d.ref.id, d] as const)),
  );

  const measured = byTouchpoint.flatMap((group) => {
    const t = touchpointById.get(group.keys[0]!);
    return t ? [{ group, touchpoint: t }] : [];
  });
  const { ranking, importancePerformance, importancePerformanceCuts } = rankTouchpoints(
    measured.map(({ group, touchpoint }): TImportanceInput => ({
      touchpoint: touchpoint.ref,
      statedImportance: touchpoint.statedImportance,
      group,
    })),
  );

  const bySegment = (group: TGroupMoments): TSliceMeasures["label"] => {
    const s = group.keys[0] ? segmentById.get(group.keys[0]) : undefined;
    return s ? { kind: "bilingual", name: s } : { kind: "none" };
  };
  const bySite = (group: TGroupMoments): TSliceMeasures["label"] => {
    const s = group.keys[0] ? siteById.get(group.keys[0]) : undefined;
    return s ? { kind: "text", text: s.name } : { kind: "none" };
  };
  const driverRanking = rankDrivers(
    byDriver.flatMap((group): TDriverInput[] => {
      const driver = group.keys[0] ? driverById.get(group.keys[0]) : undefined;
      return driver
        ? [{ driver: driver.ref, statedImportance: driver.statedImportance, group }]
        : [];
    }),
  );
  const stages = stage.flatMap((group) => {
    const s = stageById.get(group.keys[0]!);
    return s ? [{ s, group }] : [];
  });

  const byEnum =
    (key: TGroupKey) =>
    (group: TGroupMoments): TSliceMeasures["label"] =>
      group.keys[0] ? { kind: "enum", group: key, value: group.keys[0] } : { kind: "none" };

  return {
    filter,
    journey,
    journeys,
    segments,
    sites,
    totals: measuresOf(totals[0]),
    ranking,
    driverRanking,
    byTouchpoint: measured
      .sort(
        (a, b) =>
          a.touchpoint.ref.stage.position - b.touchpoint.ref.stage.position ||
          a.touchpoint.ref.position - b.touchpoint.ref.position,
      )
      .map(({ group, touchpoint }) => ({
        key: touchpoint.ref.id,
        label: { kind: "bilingual", name: touchpoint.ref },
        measures: measuresOf(group),
        touchpoint: touchpoint.ref,
      })),
    splits: {
      dimension: slices(dimension, byEnum("dimension")),
      kind: slices(kind, byEnum("kind")),
      segment: slices(segment, bySegment),
      site: slices(site, bySite),
      source: slices(source, byEnum("source")),
    },
    bySlice: {
      stage: stages
        .sort((a, b) => a.s.position - b.s.position)
        .map(({ s, group }) => ({
          key: s.id,
          label: { kind: "bilingual", name: s },
          measures: measuresOf(group),
        })),
      month: slices(month, (g) => ({ kind: "text", text: g.keys[0] ?? "" })),
    },
    stageBySegment: stageBySegment.flatMap((group) => {
      const stage = stageById.get(group.keys[0]!);
      return stage
        ? [{ stage, segmentId: group.keys[1] ?? null, measures: measuresOf(group) }]
        : [];
    }),
    importancePerformance,
    importancePerformanceCuts,
  };
}

/** Only the fix-first ranking of a journey: one aggregation (what the Analyze page lists as priorities). */
export const getFixFirstRanking = dashboardRead(readFixFirstRanking);
async function readFixFirstRanking(
  actor: TActor,
  rawFilter: TAnalysisFilterInput,
): Promise<TMeasureView["ranking"]> {
  assertCan(actor, "analysis:read");
  const filter = parseInput(ZAnalysisFilter, rawFilter);
  const journey = await db.journey.findFirst({
    where: { id: filter.journeyId, organizationId: actor.organizationId },
    select: { id: true },
  });
  if (!journey) throw notFound("journeyId");
  const [touchpoints, byTouchpoint] = await Promise.all([
    touchpointsOf(actor.organizationId, filter.journeyId),
    aggregateObservations(actor.organizationId, filter, ["touchpoint"]),
  ]);
  const touchpointById = new Map(touchpoints.map((t) => [t.ref.id, t]));
  return rankTouchpoints(
    byTouchpoint.flatMap((group) => {
      const t = touchpointById.get(group.keys[0]!);
      return t ? [{ touchpoint: t.ref, statedImportance: t.statedImportance, group }] : [];
    }),
  ).ranking;
}

export const getTouchpointDrilldown = dashboardRead(readTouchpointDrilldown);
async function readTouchpointDrilldown(
  actor: TActor,
  rawFilter: TAnalysisFilterInput,
  touchpointId: string,
): Promise<TTouchpointDrilldown> {
  assertCan(actor, "measure:read");
  const base = parseInput(ZAnalysisFilter, rawFilter);
  const organizationId = actor.organizationId;
  const touchpoint = (await touchpointsOf(organizationId, base.journeyId, touchpointId))[0];
  if (!touchpoint) throw notFound("touchpointId");
  const filter = { ...base, touchpointId };
  const [segments, sites, drivers, [totals, segment, site, source, driver, week]] =
    await Promise.all([
      db.segment.findMany({
        where: { organizationId },
        select: { id: true, nameKo: true, nameEn: true },
      }),
      db.site.findMany({ where: { organizationId }, select: { id: true, name: true } }),
      db.loyaltyDriver.findMany({
        where: { organizationId, touchpointId },
        select: { id: true, nameKo: true, nameEn: true },
      }),
      aggregateObservationsBySets(organizationId, filter, [
        [],
        ["segment"],
        ["site"],
        ["source"],
        ["driver"],
        ["week"],
      ]),
    ]);
  const named = <T extends { id: string }>(
    rows: T[],
    label: (row: T) => TSliceMeasures["label"],
  ) => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    return (group: TGroupMoments): TSliceMeasures["label"] => {
      const row = group.keys[0] ? byId.get(group.keys[0]) : undefined;
      return row ? label(row) : { kind: "none" };
    };
  };
  return {
    filter,
    touchpoint: touchpoint.ref,
    totals: measuresOf(totals[0]),
    splits: {
      segment: slices(
        segment,
        named(segments, (s) => ({ kind: "bilingual", name: s })),
      ),
      site: slices(
        site,
        named(sites, (s) => ({ kind: "text", text: s.name })),
      ),
      source: slices(source, (g) =>
        g.keys[0] ? { kind: "enum", group: "source", value: g.keys[0] } : { kind: "none" },
      ),
      driver: slices(
        driver,
        named(drivers, (d) => ({ kind: "bilingual", name: d })),
      ),
      week: slices(week, (g) => ({ kind: "text", text: g.keys[0] ?? "" })),
    },
  };
}

const slices = (
  groups: TGroupMoments[],
  label: (group: TGroupMoments) => TSliceMeasures["label"],
): TSliceMeasures[] =>
  groups.map((group) => ({
    key: group.keys[0] ?? null,
    label: label(group),
    measures: measuresOf(group),
  }));

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
