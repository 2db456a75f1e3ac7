import { csat } from "@/lib/stats/proportions";
import { summarizeMean, type TInterval, type TMoments } from "@/lib/stats/summary";
import type { TEvaluation } from "./windows";

// How far a project has come against its targets: the touchpoints' mean gap and CSAT before the
// work began, against the same in the fixed evaluation window from the rollout (windows.ts). A
// target is judged once, when that window is over; until then the change so far is shown, without
// "met" or "not met". Pure; the sums come from the one aggregation.

export type TPeriodSums = { gap: TMoments; csat: { n: number; topTwoBox: number } };
export type TPeriodFigures = {
  from: string;
  to: string;
  gap: { n: number; mean: number; interval: TInterval | null } | null;
  /** CSAT in % (top-2-box share). */
  csat: { n: number; value: number; interval: TInterval } | null;
};

export type TTargetProgress = {
  before: TPeriodFigures;
  /** Null until a pilot's rollout has taken effect; else the evaluation window as far as it has run. */
  after: TPeriodFigures | null;
  evaluation: TEvaluation | null;
  /** after − before mean gap (positive: the gap closed); null without both. */
  gapClosed: number | null;
  /** after − before CSAT in percentage points. */
  csatChange: number | null;
  /** Null without a target, without answers in either window, or while the evaluation window runs. */
  isGapMet: boolean | null;
  isCsatMet: boolean | null;
};

export function periodFigures(from: string, to: string, sums: TPeriodSums): TPeriodFigures {
  const gap = summarizeMean(sums.gap);
  return {
    from,
    to,
    gap: gap && { n: gap.n, mean: gap.mean, interval: gap.interval },
    csat: csat(sums.csat.topTwoBox, sums.csat.n),
  };
}

/**
 * The change between the periods and, once the evaluation window is over, whether each target is
 * met (on the point estimates; n is shown beside them).
 */
export function targetProgress(input: {
  before: TPeriodFigures;
  after: TPeriodFigures | null;
  evaluation: TEvaluation | null;
  targetGapClosed: number | null;
  targetCsatChange: number | null;
}): TTargetProgress {
  const { before, after, evaluation } = input;
  const gapClosed = before.gap && after?.gap ? after.gap.mean - before.gap.mean : null;
  const csatChange = before.csat && after?.csat ? after.csat.value - before.csat.value : null;
  const isJudged = evaluation?.isComplete === true;
  const isMet = (change: number | null, target: number | null) =>
    !isJudged || target === null || change === null ? null : change >= target;
  return {
    before,
    after,
    evaluation,
    gapClosed,
    csatChange,
    isGapMet: isMet(gapClosed, input.targetGapClosed),
    isCsatMet: isMet(csatChange, input.targetCsatChange),
  };
}
