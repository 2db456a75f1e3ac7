import { DEFAULT_IMPORTANCE, deriveImportance } from "@/lib/stats/correlation";
import { meanCuts, quadrantOf } from "@/lib/stats/quadrants";
import { ces, csat, nps } from "@/lib/stats/proportions";
import { rankItems, type TImportanceSource, type TRanked } from "@/lib/stats/ranking";
import { summarizeMean, type TMeanSummary } from "@/lib/stats/summary";
import type {
  TDriverRef,
  TGroupMoments,
  TMean,
  TMeasures,
  TMeasureView,
  TRankedDriver,
  TRankedTouchpoint,
  TTouchpointRef,
} from "./schemas";

// From the sums PostgreSQL returns to what the views show: pure, so it is tested without a database.

const EMPTY: TMeasures = {
  observations: 0,
  gap: null,
  expectation: null,
  experience: null,
  emotional: null,
  csat: null,
  nps: null,
  ces: null,
};

const asMean = (summary: TMeanSummary | null): TMean | null =>
  summary ? { n: summary.n, mean: summary.mean, interval: summary.interval } : null;
const meanOf = ({ n, sum }: { n: number; sum: number }) => (n > 0 ? sum / n : null);

export function measuresOf(group: TGroupMoments | undefined): TMeasures {
  if (!group) return EMPTY;
  return {
    observations: group.observations,
    gap: asMean(summarizeMean(group.gap)),
    expectation: meanOf(group.expectation),
    // Next to a gap, the experience of the same rows; without one, every experienced score.
    experience:
      group.expectation.n > 0
        ? group.expectation.pairedExperienceSum / group.expectation.n
        : meanOf(group.experience),
    emotional: asMean(summarizeMean(group.emotional)),
    csat: csat(group.csat.topTwoBox, group.csat.n),
    nps: nps(group.nps),
    ces: asMean(ces(group.ces)),
  };
}

/** Anything the fix-first formula ranks — a touchpoint, a loyalty driver — as its sums and the importance a manager stated. */
export type TMeasuredItem = { id: string; statedImportance: number | null; group: TGroupMoments };

/**
 * How much each item matters: the importance a manager stated, else the one derived from the
 * experience–NPS correlation of its own observations (key-driver analysis). An item with too few
 * answers to derive one gets the mean of the importances derived for its peers in the same
 * ranking (the default only when none has one), so that thin data never weighs more than
 * measured data (docs/METHODS.md).
 */
export function importancesOf(
  items: readonly Pick<TMeasuredItem, "id" | "statedImportance" | "group">[],
): Map<string, { importance: number; importanceSource: TImportanceSource }> {
  const own = items.map((item) => ({
    id: item.id,
    ...(item.statedImportance !== null
      ? { importance: item.statedImportance, importanceSource: "STATED" as TImportanceSource }
      : deriveImportance(
          item.group.experienceNpsCorrelation.r,
          item.group.experienceNpsCorrelation.n,
        )),
  }));
  const derived = own.filter((x) => x.importanceSource === "DERIVED").map((x) => x.importance);
  const fallback = derived.length
    ? derived.reduce((sum, x) => sum + x, 0) / derived.length
    : DEFAULT_IMPORTANCE;
  return new Map(
    own.map(({ id, importance, importanceSource }) => [
      id,
      { importance: importanceSource === "DEFAULT" ? fallback : importance, importanceSource },
    ]),
  );
}

/**
 * The fix-first ranking of any items from their sums (docs/METHODS.md, "Fix-first score"), each
 * with the reason for its place. Items without a single gap are left out; reach is an item's
 * observations.
 */
export function rankMeasuredItems(items: readonly TMeasuredItem[]): TRanked[] {
  const importance = importancesOf(items);
  return rankItems(
    items
      .filter((item) => item.group.gap.n > 0)
      .map((item) => ({
        id: item.id,
        gap: item.group.gap,
        reach: item.group.observations,
        ...importance.get(item.id)!,
      })),
  );
}

export type TImportanceInput = {
  touchpoint: TTouchpointRef;
  statedImportance: number | null;
  group: TGroupMoments;
};

/**
 * The fix-first ranking and the importance–performance points of a journey's touchpoints.
 * A touchpoint's stated importance is its most important driver's (queries.ts).
 */
export function rankTouchpoints(
  inputs: TImportanceInput[],
): Pick<TMeasureView, "ranking" | "importancePerformance" | "importancePerformanceCuts"> {
  const byId = new Map(inputs.map((x) => [x.touchpoint.id, x.touchpoint]));
  const importance = importancesOf(
    inputs.map((x) => ({
      id: x.touchpoint.id,
      statedImportance: x.statedImportance,
      group: x.group,
    })),
  );
  const points = inputs.flatMap((x) => {
    const performance = meanOf(x.group.experience);
    return performance === null
      ? []
      : [
          {
            touchpoint: x.touchpoint,
            importance: importance.get(x.touchpoint.id)!.importance,
            performance,
          },
        ];
  });
  const cuts = meanCuts(points) ?? { importance: DEFAULT_IMPORTANCE, performance: 0 };
  const quadrantOfTouchpoint = new Map(
    points.map((p) => [p.touchpoint.id, quadrantOf(p.importance, p.performance, cuts)]),
  );

  const ranking: TRankedTouchpoint[] = rankMeasuredItems(
    inputs.map((x) => ({
      id: x.touchpoint.id,
      statedImportance: x.statedImportance,
      group: x.group,
    })),
  ).map(({ rank, id, reason }) => ({
    rank,
    touchpoint: byId.get(id)!,
    quadrant: quadrantOfTouchpoint.get(id) ?? "LOW_PRIORITY",
    reason,
  }));
  return {
    ranking,
    importancePerformance: points.map((p) => ({
      ...p,
      quadrant: quadrantOfTouchpoint.get(p.touchpoint.id)!,
    })),
    importancePerformanceCuts: cuts,
  };
}

export type TDriverInput = {
  driver: TDriverRef;
  statedImportance: number | null;
  group: TGroupMoments;
};

/** The fix-first ranking of a journey's loyalty drivers: the touchpoints' formula on each driver's own observations. */
export function rankDrivers(inputs: TDriverInput[]): TRankedDriver[] {
  const byId = new Map(inputs.map((x) => [x.driver.id, x]));
  return rankMeasuredItems(
    inputs.map((x) => ({ id: x.driver.id, statedImportance: x.statedImportance, group: x.group })),
  ).map(({ rank, id, reason }) => {
    const input = byId.get(id)!;
    return { rank, driver: input.driver, reason, measures: measuresOf(input.group) };
  });
}
