// The one scale that expectations and experienced scores share (a 7-point scale, as in
// SERVQUAL-style gap surveys), so that gap = experienced − expectation is meaningful.
export const SCORE_SCALE = { min: 1, max: 7 } as const;

/** The standard scales of the other questions (PRODUCT.md, "Measures"). */
export const NPS_SCALE = { min: 0, max: 10 } as const;
export const CSAT_SCALE = { min: 1, max: 5 } as const;
export const CES_SCALE = { min: 1, max: 7 } as const;
