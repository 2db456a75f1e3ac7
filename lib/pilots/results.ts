import "server-only";
import { aggregateObservations, aggregateObservationsBySets } from "@/lib/analytics/aggregate";
import { localDayOf } from "@/lib/dates/local-days";
import { groupFigure, pilotOutcome, sumGroups } from "./outcome";
import { baselineWindow } from "./planning";
import type {
  TGroupFigure,
  TGroupSums,
  TPilotBaseline,
  TPilotMetric,
  TPilotOutcome,
} from "./schemas";

// A pilot's figures come from the one aggregation (lib/analytics/aggregate.ts): the touchpoint's
// observations at the pilot's sites in its window, grouped by site, reduced in PostgreSQL to
// sums; the groups are those sums added up, and the tests of lib/stats run on them. No
// observation reaches Node. Authorization is the caller's: these trust their organizationId.

export type TPilotFrame = {
  organizationId: string;
  journeyId: string;
  touchpointId: string;
  metric: TPilotMetric;
  startDay: string;
  endDay: string;
  baselineStartDay: string | null;
  baselineEndDay: string | null;
  pilotSiteIds: string[];
  controlSiteIds: string[];
  plannedPerGroup: number | null;
};

export type TPilotFigures = {
  outcome: TPilotOutcome;
  bySite: { siteId: string; figure: TGroupFigure }[];
};

/**
 * The pilot group against its comparison: the control sites over the same days, or (before/after)
 * the pilot sites over their baseline days. Per site, the pilot window's figures as well.
 */
export async function computePilotFigures(frame: TPilotFrame): Promise<TPilotFigures> {
  const base = { journeyId: frame.journeyId, touchpointId: frame.touchpointId };
  const isBeforeAfter = frame.baselineStartDay !== null && frame.baselineEndDay !== null;
  const [windowBySite, baseline] = await Promise.all([
    aggregateObservations(
      frame.organizationId,
      {
        ...base,
        from: frame.startDay,
        to: frame.endDay,
        siteIds: [...frame.pilotSiteIds, ...frame.controlSiteIds],
      },
      ["site"],
    ),
    isBeforeAfter
      ? aggregateObservations(
          frame.organizationId,
          {
            ...base,
            from: frame.baselineStartDay!,
            to: frame.baselineEndDay!,
            siteIds: frame.pilotSiteIds,
          },
          [],
        )
      : Promise.resolve([]),
  ]);
  const groupOf = (siteIds: string[]) =>
    sumGroups(
      windowBySite.filter((g) => {
        const siteId = g.keys[0];
        return typeof siteId === "string" && siteIds.includes(siteId);
      }),
    );
  const pilot = groupOf(frame.pilotSiteIds);
  const control: TGroupSums = isBeforeAfter ? sumGroups(baseline) : groupOf(frame.controlSiteIds);
  return {
    outcome: pilotOutcome({
      metric: frame.metric,
      pilot,
      control,
      plannedPerGroup: frame.plannedPerGroup,
    }),
    bySite: windowBySite.flatMap((g) =>
      g.keys[0] ? [{ siteId: g.keys[0], figure: groupFigure(frame.metric, sumGroups([g])) }] : [],
    ),
  };
}

/**
 * A touchpoint's baseline for a pilot starting on `startDay` (baselineWindow: the BASELINE_DAYS
 * before it, Korea time), in total and per site: what the power analysis plans from and how fast
 * each site collects answers.
 */
export async function readPilotBaseline(
  organizationId: string,
  journeyId: string,
  touchpointId: string,
  startDay: string,
  now: Date = new Date(),
): Promise<TPilotBaseline> {
  const { from, to } = baselineWindow(startDay, localDayOf(now));
  const [totals, bySite] = await aggregateObservationsBySets(
    organizationId,
    { journeyId, touchpointId, from, to },
    [[], ["site"]],
  );
  return {
    touchpointId,
    from,
    to,
    totals: sumGroups(totals),
    bySite: bySite.flatMap((g) => (g.keys[0] ? [{ siteId: g.keys[0], sums: sumGroups([g]) }] : [])),
  };
}
