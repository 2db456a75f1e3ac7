// The one scale that expectations and experienced scores share (a 7-point scale, as in
// SERVQUAL-style gap surveys), so that gap = experienced − expectation is meaningful.
export const SCORE_SCALE = { min: 1, max: 7 } as const;

/** The standard scales of the other questions (PRODUCT.md, "Measures"). */
export const NPS_SCALE = { min: 0, max: 10 } as const;
export const CSAT_SCALE = { min: 1, max: 5 } as const;
export const CES_SCALE = { min: 1, max: 7 } as const;

// The cut-points of the standard measures, in one place: the SQL that counts them (rollups,
// the raw aggregation) and the follow-up rule read these, so a cut can never differ between them.

/** NPS answers 9–10 are promoters (Reichheld 2003). */
export const NPS_PROMOTER_MIN = 9;
/** NPS answers 0–6 are detractors; 7–8 are passives. */
export const NPS_DETRACTOR_MAX = 6;
/** CSAT counts the top two boxes of the 1–5 scale (4 and 5) as satisfied. */
export const CSAT_TOP_TWO_MIN = 4;
