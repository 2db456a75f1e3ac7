import { csat } from "@/lib/stats/proportions";
import { summarizeMean, type TInterval, type TMoments } from "@/lib/stats/summary";

// How far a project has come against its targets: the touchpoints' mean gap and CSAT before the
// work began, against the same since the rollout. Pure; the sums come from the one aggregation.

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
  /** Null until a pilot's rollout has taken effect. */
  after: TPeriodFigures | null;
  /** after − before mean gap (positive: the gap closed); null without both. */
  gapClosed: number | null;
  /** after − before CSAT in percentage points. */
  csatChange: number | null;
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

/** The change between the periods and whether each target is met (on the point estimates; n is shown beside them). */
export function targetProgress(input: {
  before: TPeriodFigures;
  after: TPeriodFigures | null;
  targetGapClosed: number | null;
  targetCsatChange: number | null;
}): TTargetProgress {
  const { before, after } = input;
  const gapClosed = before.gap && after?.gap ? after.gap.mean - before.gap.mean : null;
  const csatChange = before.csat && after?.csat ? after.csat.value - before.csat.value : null;
  return {
    before,
    after,
    gapClosed,
    csatChange,
    isGapMet:
      input.targetGapClosed === null || gapClosed === null
        ? null
        : gapClosed >= input.targetGapClosed,
    isCsatMet:
      input.targetCsatChange === null || csatChange === null
        ? null
        : csatChange >= input.targetCsatChange,
  };
}
