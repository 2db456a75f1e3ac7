import { DEFAULT_IMPORTANCE, deriveImportance } from "@/lib/stats/correlation";
import { meanCuts, quadrantOf } from "@/lib/stats/quadrants";
import { ces, csat, nps } from "@/lib/stats/proportions";
import { rankFixFirst } from "@/lib/stats/ranking";
import { summarizeMean, type TMeanSummary } from "@/lib/stats/summary";
import type { TFixFirstItem, TGroupMoments, TMean, TMeasures, TMeasureView, TTouchpointRef } from "./schemas";

// From the sums PostgreSQL returns to what the views show: pure, so it is tested without a database.

const EMPTY: TMeasures = { observations: 0, gap: null, expectation: null, experience: null, emotional: null, csat: null, nps: null, ces: null };

const asMean = (summary: TMeanSummary | null): TMean | null => (summary ? { n: summary.n, mean: summary.mean, interval: summary.interval } : null);
const meanOf = ({ n, sum }: { n: number; sum: number }) => (n > 0 ? sum / n : null);

export function measuresOf(group: TGroupMoments | undefined): TMeasures {
  if (!group) return EMPTY;
  return {
    observations: group.observations,
    gap: asMean(summarizeMean(group.gap)),
    expectation: meanOf(group.expectation),
    experience: meanOf(group.experience),
    emotional: asMean(summarizeMean(group.emotional)),
    csat: csat(group.csat.topTwoBox, group.csat.n),
    nps: nps(group.nps),
    ces: asMean(ces(group.ces)),
  };
}

export type TImportanceInput = { touchpoint: TTouchpointRef; statedImportance: number | null; group: TGroupMoments };

/**
 * The fix-first ranking and the importance–performance points of a journey's touchpoints.
 * Importance is the one a manager stated, else derived from the experience–NPS correlation
 * (key-driver analysis), else a default (docs/METHODS.md).
 */
export function rankTouchpoints(inputs: TImportanceInput[]): Pick<TMeasureView, "ranking" | "importancePerformance" | "importancePerformanceCuts"> {
  const withImportance = inputs.map(({ touchpoint, statedImportance, group }) => {
    const { importance, importanceSource } =
      statedImportance !== null ? { importance: statedImportance, importanceSource: "STATED" as const } : deriveImportance(group.experienceNpsCorrelation.r, group.experienceNpsCorrelation.n);
    return { touchpoint, group, importance, importanceSource };
  });
  const byId = new Map(withImportance.map((x) => [x.touchpoint.id, x]));

  const ranked = rankFixFirst(
    withImportance
      .filter((x) => x.group.gap.n > 0)
      .map((x) => ({ id: x.touchpoint.id, gap: x.group.gap, importance: x.importance, importanceSource: x.importanceSource, reach: x.group.observations })),
  );

  const points = withImportance.flatMap((x) => {
    const performance = meanOf(x.group.experience);
    return performance === null ? [] : [{ touchpoint: x.touchpoint, importance: x.importance, performance }];
  });
  const cuts = meanCuts(points) ?? { importance: DEFAULT_IMPORTANCE, performance: 0 };
  const quadrantOfTouchpoint = new Map(points.map((p) => [p.touchpoint.id, quadrantOf(p.importance, p.performance, cuts)]));

  const ranking: TFixFirstItem[] = ranked.map((r) => ({
    rank: r.rank,
    touchpoint: byId.get(r.id)!.touchpoint,
    quadrant: quadrantOfTouchpoint.get(r.id) ?? "LOW_PRIORITY",
    reason: {
      meanGap: r.meanGap,
      gapInterval: r.gapInterval,
      n: r.gap.n,
      shortfallBound: r.shortfallBound,
      importance: r.importance,
      importanceSource: r.importanceSource,
      reachShare: r.reachShare,
      reachWeight: r.why.reachWeight,
      verdict: r.why.verdict,
      score: r.score,
    },
  }));
  return {
    ranking,
    importancePerformance: points.map((p) => ({ ...p, quadrant: quadrantOfTouchpoint.get(p.touchpoint.id)! })),
    importancePerformanceCuts: cuts,
  };
}
