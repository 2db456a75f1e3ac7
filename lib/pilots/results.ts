import "server-only";
import { aggregateObservations, aggregateObservationsBySets } from "@/lib/analytics/aggregate";
import { localDayOf } from "@/lib/dates/local-days";
import { EMPTY_SUMS, groupFigure, pilotOutcome, sumGroups, type TSiteStructure } from "./outcome";
import { baselineWindow, planPilot, planSitesOf } from "./planning";
import type {
  TGroupFigure,
  TGroupSums,
  TInfeasiblePlan,
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
  /** The plan's inputs, to tell an infeasible plan from a missing one when plannedPerGroup is null. */
  targetEffect: number;
  plannedOn: string;
  isExploratory: boolean;
  /** The local day the result is read on (where a future pilot's baseline stops). */
  today: string;
};

export type TPilotFigures = {
  outcome: TPilotOutcome;
  bySite: { siteId: string; figure: TGroupFigure }[];
};

type TSiteRows = Awaited<ReturnType<typeof aggregateObservations>>;

/** Each row's site with its sums (rows without a site dropped). */
const bySiteOf = (rows: TSiteRows) =>
  new Map(
    rows.flatMap((g) => (typeof g.keys[0] === "string" ? [[g.keys[0], sumGroups([g])]] : [])),
  );

/**
 * The pilot group against its comparison: the control sites over the same days, or (before/after)
 * the pilot sites over their baseline days. Both come per site from the one aggregation: a
 * control-site pilot is compared site-adjusted, with the ICC from its sites during the pilot (and
 * their days before it, baselineWindow, as the fallback); a before/after pilot also against the
 * other sites over the same two periods (difference in differences, one change per site). Per
 * site, the pilot window's figures as well.
 */
export async function computePilotFigures(frame: TPilotFrame): Promise<TPilotFigures> {
  const base = { journeyId: frame.journeyId, touchpointId: frame.touchpointId };
  const isBeforeAfter = frame.baselineStartDay !== null && frame.baselineEndDay !== null;
  const ownSites = [...frame.pilotSiteIds, ...frame.controlSiteIds];
  const before = isBeforeAfter
    ? { from: frame.baselineStartDay!, to: frame.baselineEndDay! }
    : baselineWindow(frame.startDay, frame.today);
  // A before/after pilot reads every site: the others are its difference in differences.
  const siteIds = isBeforeAfter ? undefined : ownSites;
  const periods = [{ from: frame.startDay, to: frame.endDay }, before];
  const [[windowRows, beforeRows], [windowWeeks, beforeWeeks]] = await Promise.all([
    Promise.all(
      periods.map((period) =>
        aggregateObservations(
          frame.organizationId,
          { ...base, ...period, ...(siteIds && { siteIds }) },
          ["site"],
        ),
      ),
    ),
    // A before/after pilot compares its sites with themselves: the weeks are its clusters.
    isBeforeAfter
      ? Promise.all(
          periods.map((period) =>
            aggregateObservations(
              frame.organizationId,
              { ...base, ...period, siteIds: frame.pilotSiteIds },
              ["week"],
            ),
          ),
        )
      : [[], []],
  ]);
  const during = bySiteOf(windowRows!);
  const earlier = bySiteOf(beforeRows!);
  const sitesIn = (sums: Map<string, TGroupSums>, ids: readonly string[]) =>
    ids.map((id) => sums.get(id) ?? EMPTY_SUMS);
  const pilot = sumGroups(sitesIn(during, frame.pilotSiteIds));
  let control: TGroupSums;
  let sites: TSiteStructure;
  if (isBeforeAfter) {
    control = sumGroups(sitesIn(earlier, frame.pilotSiteIds));
    // Every site's two periods: the site-level difference in differences keeps the sites with
    // answers of the metric in both (lib/stats/difference-tests.ts, siteDifferenceInDifferences).
    const periodsOf = (ids: readonly string[]) =>
      ids.map((id) => ({
        before: earlier.get(id) ?? EMPTY_SUMS,
        after: during.get(id) ?? EMPTY_SUMS,
      }));
    const otherIds = [...new Set([...during.keys(), ...earlier.keys()])].filter(
      (id) => !frame.pilotSiteIds.includes(id),
    );
    sites = {
      design: "BEFORE_AFTER",
      pilotSites: periodsOf(frame.pilotSiteIds),
      otherSites: periodsOf(otherIds),
      weeks: {
        before: beforeWeeks!.map((week) => sumGroups([week])),
        after: windowWeeks!.map((week) => sumGroups([week])),
      },
    };
  } else {
    control = sumGroups(sitesIn(during, frame.controlSiteIds));
    sites = {
      design: "CONTROL_SITES",
      isExploratory: frame.isExploratory,
      pilotSites: sitesIn(during, frame.pilotSiteIds),
      controlSites: sitesIn(during, frame.controlSiteIds),
      baselineSites: sitesIn(earlier, ownSites),
    };
  }
  return {
    outcome: pilotOutcome({
      metric: frame.metric,
      pilot,
      control,
      plannedPerGroup: frame.plannedPerGroup,
      sites,
      infeasiblePlan:
        frame.plannedPerGroup === null && !isBeforeAfter ? await infeasiblePlanOf(frame) : null,
    }),
    bySite: [...during].flatMap(([siteId, sums]) =>
      ownSites.includes(siteId) ? [{ siteId, figure: groupFigure(frame.metric, sums) }] : [],
    ),
  };
}

/**
 * Why a control-site pilot has no planned sample: the plan is made again from its inputs as they
 * were on the day it was planned (the same baseline window, the same sites and target), and says
 * whether no number of answers was enough at these sites. Not stored: the plan's inputs are, and
 * the plan is a pure function of them (late answers inside that window can move it, as they move
 * every figure here). null when the plan had no baseline or is feasible now.
 */
async function infeasiblePlanOf(frame: TPilotFrame): Promise<TInfeasiblePlan | null> {
  const baseline = await readPilotBaseline(
    frame.organizationId,
    frame.journeyId,
    frame.touchpointId,
    frame.startDay,
    frame.plannedOn,
  );
  const plan = planPilot(
    frame.metric,
    baseline.totals,
    frame.targetEffect,
    planSitesOf(baseline, "CONTROL_SITES", frame.pilotSiteIds, frame.controlSiteIds),
  );
  return "problem" in plan && plan.problem === "TOO_FEW_SITES"
    ? { minSitesPerGroup: plan.minSitesPerGroup }
    : null;
}

/**
 * A touchpoint's baseline for a pilot starting on `startDay`, read on the local day `today`
 * (baselineWindow: the BASELINE_DAYS before it, Korea time), in total and per site: what the power
 * analysis plans from and how fast each site collects answers.
 */
export async function readPilotBaseline(
  organizationId: string,
  journeyId: string,
  touchpointId: string,
  startDay: string,
  today: string = localDayOf(new Date()),
): Promise<TPilotBaseline> {
  const { from, to } = baselineWindow(startDay, today);
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
