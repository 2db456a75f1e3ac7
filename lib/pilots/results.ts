import "server-only";
import { aggregateObservations, aggregateObservationsBySets } from "@/lib/analytics/aggregate";
import { localDayOf } from "@/lib/dates/local-days";
import { EMPTY_SUMS, groupFigure, pilotOutcome, sumGroups, type TSiteStructure } from "./outcome";
import { answersFor, baselineWindow } from "./planning";
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
 * control-site pilot is compared site-adjusted, with the ICC from its sites over the days before
 * it (baselineWindow); a before/after pilot also against the other sites over the same two
 * periods (difference in differences). Per site, the pilot window's figures as well.
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
  const [windowRows, beforeRows] = await Promise.all(
    [{ from: frame.startDay, to: frame.endDay }, before].map((period) =>
      aggregateObservations(
        frame.organizationId,
        { ...base, ...period, ...(siteIds && { siteIds }) },
        ["site"],
      ),
    ),
  );
  const during = bySiteOf(windowRows!);
  const earlier = bySiteOf(beforeRows!);
  const sitesIn = (sums: Map<string, TGroupSums>, ids: readonly string[]) =>
    ids.map((id) => sums.get(id) ?? EMPTY_SUMS);
  const pilot = sumGroups(sitesIn(during, frame.pilotSiteIds));
  let control: TGroupSums;
  let sites: TSiteStructure;
  if (isBeforeAfter) {
    control = sumGroups(sitesIn(earlier, frame.pilotSiteIds));
    // The other sites with answers of the metric in either period.
    const isOther = (id: string) =>
      !frame.pilotSiteIds.includes(id) &&
      [during, earlier].some((sums) => answersFor(frame.metric, sums.get(id) ?? EMPTY_SUMS) > 0);
    const otherIds = [...new Set([...during.keys(), ...earlier.keys()])].filter(isOther);
    const othersBefore = sumGroups(sitesIn(earlier, otherIds));
    const othersAfter = sumGroups(sitesIn(during, otherIds));
    sites = {
      design: "BEFORE_AFTER",
      others:
        otherIds.length > 0
          ? { sites: otherIds.length, before: othersBefore, after: othersAfter }
          : null,
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
    }),
    bySite: [...during].flatMap(([siteId, sums]) =>
      ownSites.includes(siteId) ? [{ siteId, figure: groupFigure(frame.metric, sums) }] : [],
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
