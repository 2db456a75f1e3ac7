import { DEFAULT_CONFIDENCE } from "@/lib/stats/distributions";
import {
  DEFAULT_IMPORTANCE,
  importancesOnOneScale,
  MIN_PAIRS_FOR_DERIVED_IMPORTANCE,
  type TImportance,
} from "@/lib/stats/importance";
import { meanCuts, quadrantOf } from "@/lib/stats/quadrants";
import { ces, csat, nps } from "@/lib/stats/proportions";
import { MIN_ANSWERS_TO_RANK, rankItems, type TRanked } from "@/lib/stats/ranking";
import { summarizeMean, type TMeanSummary } from "@/lib/stats/summary";
import type {
  TDriverRef,
  TGroupMoments,
  TMean,
  TMeasures,
  TMeasureView,
  TRankedDriver,
  TRankedTouchpoint,
  TRankingRules,
  TTouchpointRef,
} from "./schemas";

// From the sums PostgreSQL returns to what the views show: pure, so it is tested without a database.

/**
 * The numbers the ranking's words state ("fewer than 10 answers", "30 pairs", "95 %"), from the
 * constants themselves, so that the page and the code cannot drift apart.
 */
export const RANKING_RULES: TRankingRules = {
  minAnswers: MIN_ANSWERS_TO_RANK,
  minPairs: MIN_PAIRS_FOR_DERIVED_IMPORTANCE,
  confidence: DEFAULT_CONFIDENCE,
};

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
 * How much each item matters, on one 0–1 scale (lib/stats/importance.ts): the importance a manager
 * stated, else the one derived from the experience–NPS correlation of its own observations
 * (key-driver analysis) relative to the strongest such correlation of the ranking; an item whose
 * correlation is missing, thin or not shown to differ from 0 gets the mean of its peers' derived
 * importances, at most 0.5, so that a made-up importance never tops the scale (docs/METHODS.md).
 */
export function importancesOf(
  items: readonly Pick<TMeasuredItem, "id" | "statedImportance" | "group">[],
): Map<string, TImportance> {
  return importancesOnOneScale(
    items.map((item) => ({
      id: item.id,
      stated: item.statedImportance,
      r: item.group.experienceNpsCorrelation.r,
      n: item.group.experienceNpsCorrelation.n,
    })),
  );
}

/**
 * The fix-first ranking of any items from their sums (docs/METHODS.md, "Fix-first score"), each
 * with the reason for its place. Items without a single gap are left out; reach is an item's
 * observations. `importance` may be passed when the caller already has it.
 */
export function rankMeasuredItems(
  items: readonly TMeasuredItem[],
  importance: Map<string, TImportance> = importancesOf(items),
): TRanked[] {
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
 * A touchpoint's stated importance is its most important driver's (queries.ts). The chart leaves
 * out, from its points and its cuts, the touchpoints with too few answers to rank: a raw mean gap
 * on three answers would read "Concentrate here" beside "too few to rank".
 */
export function rankTouchpoints(
  inputs: TImportanceInput[],
): Pick<TMeasureView, "ranking" | "importancePerformance" | "importancePerformanceCuts"> {
  const byId = new Map(inputs.map((x) => [x.touchpoint.id, x.touchpoint]));
  const items = inputs.map((x) => ({
    id: x.touchpoint.id,
    statedImportance: x.statedImportance,
    group: x.group,
  }));
  const importance = importancesOf(items);
  // Performance is the mean gap, as in the ranking: a touchpoint is judged against what its own
  // customers expected, not on the raw experience score.
  const points = inputs.flatMap((x) => {
    const performance = meanOf(x.group.gap);
    return performance === null || x.group.gap.n < MIN_ANSWERS_TO_RANK
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

  const ranking: TRankedTouchpoint[] = rankMeasuredItems(items, importance).map(
    ({ rank, id, reason }) => ({ rank, touchpoint: byId.get(id)!, reason }),
  );
  return {
    ranking,
    importancePerformance: points.map((p) => ({
      ...p,
      quadrant: quadrantOf(p.importance, p.performance, cuts),
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
