// The one scale that expectations and experienced scores share (a 7-point scale, as in
// SERVQUAL-style gap surveys), so that gap = experienced − expectation is meaningful.
export const SCORE_SCALE = { min: 1, max: 7 } as const;
