// The plain-language verdict on a pilot. It refuses to name a winner on too little data, and
// it does not let anyone stop a pilot early because the numbers look good today ("peeking"
// inflates false positives far above α: Armitage, McPherson & Rowe 1969).
import type { TDifferenceTest } from "./difference-tests";
import { DEFAULT_ALPHA } from "./power";

export type TPilotVerdict = "IMPROVED" | "WORSENED" | "NO_CLEAR_DIFFERENCE" | "NOT_ENOUGH_DATA";
export type TPilotVerdictReason =
  | "TOO_FEW_SITES"
  | "TOO_FEW_OBSERVATIONS"
  | "BELOW_PLANNED_SAMPLE"
  | "SIGNIFICANT"
  | "NOT_SIGNIFICANT";

/**
 * Sites each group needs for a verdict. With one site per group, whatever that site's staff,
 * location and customers do differently is indistinguishable from the change: no test on its
 * answers can tell them apart, however many there are.
 */
export const MIN_SITES_PER_GROUP = 2;

/**
 * The floor even without a plan. Below about 10 answers per group the large-sample approximations
 * behind every test here stop holding: Welch's t on a bounded 1–7 scale, and the z-tests, whose
 * normal approximation wants roughly ≥ 5 expected answers in each category. The planned sample
 * from the power analysis is the real guard; this only stops a verdict from 3 answers when no
 * plan exists.
 */
export const MIN_OBSERVATIONS_PER_GROUP = 10;

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

export function pilotVerdict(input: {
  test: TDifferenceTest | null;
  pilotN: number;
  controlN: number;
  /** From the power analysis when the pilot was planned; null when unknown. */
  requiredPerGroup: number | null;
  alpha?: number;
  /**
   * Sites in each group, when the groups are different sites (a pilot with control sites);
   * omitted when the site structure is unknown or does not apply (before/after).
   */
  sitesPerGroup?: { pilot: number; control: number };
  /** Marked by the manager: a one-site comparison is read as a first look, not a verdict on the change. */
  isExploratory?: boolean;
}): { verdict: TPilotVerdict; reason: TPilotVerdictReason } {
  const alpha = input.alpha ?? DEFAULT_ALPHA;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  assertCount("pilotN", input.pilotN);
  assertCount("controlN", input.controlN);
  if (input.requiredPerGroup !== null) assertCount("requiredPerGroup", input.requiredPerGroup);

  const sites = input.sitesPerGroup;
  if (
    sites &&
    Math.min(sites.pilot, sites.control) < MIN_SITES_PER_GROUP &&
    !(input.isExploratory ?? false)
  ) {
    return { verdict: "NOT_ENOUGH_DATA", reason: "TOO_FEW_SITES" };
  }
  const smaller = Math.min(input.pilotN, input.controlN);
  // A null test with enough answers means no spread at all in either group (every answer the
  // same): nothing can be tested, so it is treated as too little information.
  if (smaller < MIN_OBSERVATIONS_PER_GROUP || input.test === null) {
    return { verdict: "NOT_ENOUGH_DATA", reason: "TOO_FEW_OBSERVATIONS" };
  }
  if (input.requiredPerGroup !== null && smaller < input.requiredPerGroup) {
    return { verdict: "NOT_ENOUGH_DATA", reason: "BELOW_PLANNED_SAMPLE" };
  }
  if (input.test.pValue < alpha && input.test.difference !== 0) {
    return { verdict: input.test.difference > 0 ? "IMPROVED" : "WORSENED", reason: "SIGNIFICANT" };
  }
  return { verdict: "NO_CLEAR_DIFFERENCE", reason: "NOT_SIGNIFICANT" };
}
