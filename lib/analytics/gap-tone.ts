import type { TRankReason } from "@/lib/stats/ranking";
import type { TInterval, TMean } from "./schemas";

// How a gap is coloured wherever it is shown (text, bars, heat-map cells): warm below
// expectation, cool above, neutral when the data cannot tell. Pure: unit-tested beside this file.

/** Below this many observations a gap is shown but not coloured: a few answers are noise. */
export const MIN_N_FOR_TONE = 10;

export type TGapTone = "below" | "above" | "neutral";

type TGapLike = Pick<TMean, "n" | "mean"> & { interval?: TInterval | null };

/**
 * Warm when experience falls below expectation, cool when above; neutral when there are too few
 * observations or when the 95 % interval still includes "as expected" (a −0.02 must not look bad).
 */
export function gapTone(gap: TGapLike | null | undefined, minN = MIN_N_FOR_TONE): TGapTone {
  if (!gap || gap.n < minN || gap.mean === 0) return "neutral";
  if (gap.interval && gap.interval.low <= 0 && gap.interval.high >= 0) return "neutral";
  return gap.mean < 0 ? "below" : "above";
}

type TVerdictLike = Pick<TRankReason, "verdict" | "gapInterval">;

/**
 * A ranked row's tone, from its verdict, so that colour and words agree: warm only when the row is
 * shown below expectation (BELOW_EXPECTATION); cool when it is not and its two-sided interval lies
 * wholly above 0; neutral otherwise — also when its own interval lies below 0 but the pull toward
 * the common gap leaves no shortfall (see `shortfallPulledAway`), and when too few to rank.
 */
export function rankedGapTone(reason: TVerdictLike): TGapTone {
  if (reason.verdict === "BELOW_EXPECTATION") return "below";
  if (reason.verdict === "NOT_SHOWN_BELOW" && reason.gapInterval && reason.gapInterval.low > 0)
    return "above";
  return "neutral";
}

/**
 * True when the item's own answers show a shortfall (its two-sided interval lies wholly below 0)
 * but the verdict is NOT_SHOWN_BELOW: the pull toward the common gap took the shortfall away.
 * "Why is this first?" says so, instead of "not shown to fall below expectation" beside an
 * interval that lies below it.
 */
export function shortfallPulledAway(reason: TVerdictLike): boolean {
  return (
    reason.verdict === "NOT_SHOWN_BELOW" &&
    reason.gapInterval !== null &&
    reason.gapInterval.high < 0
  );
}

/** How strongly to colour a heat-map cell, 0–1: a gap of `full` points (either way) is full colour. */
function gapIntensity(mean: number, full = 2): number {
  return Math.min(1, Math.abs(mean) / full);
}

const WARM = [217, 72, 15] as const; // --color-gap-below
const COOL = [25, 113, 194] as const; // --color-gap-above

/** A heat-map cell's background: white blended towards warm or cool by the gap's size. */
export function heatColor(gap: TGapLike | null | undefined, minN = MIN_N_FOR_TONE): string {
  const tone = gapTone(gap, minN);
  if (tone === "neutral" || !gap) return "rgb(245, 245, 245)";
  const [r, g, b] = tone === "below" ? WARM : COOL;
  // Keep a floor so that a small but real gap is still visibly tinted.
  const a = 0.12 + 0.78 * gapIntensity(gap.mean);
  const mix = (c: number) => Math.round(255 + (c - 255) * a);
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`;
}

/** Dark text on light cells, white on strong ones. */
export function heatTextIsLight(gap: TGapLike | null | undefined, minN = MIN_N_FOR_TONE): boolean {
  return gapTone(gap, minN) !== "neutral" && !!gap && gapIntensity(gap.mean) > 0.55;
}
