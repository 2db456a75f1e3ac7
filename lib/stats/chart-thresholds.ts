// How much baseline a control chart needs, as plain numbers: the chart choice (chart-choice.ts)
// applies them, and the Control page, a client component, words them without loading statistics.

/**
 * An X-bar chart needs at least this many within-subgroup degrees of freedom ν = Σ(nᵢ − 1).
 * σ̂ from ν df has a relative standard error of about 1/√(2ν): 10 % at ν = 50. Limits set with it
 * flag an in-control point with probability P(|t_ν| > 3): 0.42 % at ν = 50 against the nominal
 * 0.27 % (one false alarm in about 240 points instead of 370); at ν = 1 it is 20 %.
 */
export const MIN_WITHIN_DF = 50;

/** Limits from fewer baseline subgroups are provisional (Montgomery §6.2; AIAG SPC manual: 20–25). */
export const MIN_BASELINE_SUBGROUPS = 20;
