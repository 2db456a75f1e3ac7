import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MIN_ANSWERS_TO_RANK, rankItems, type TRankInput } from "@/lib/stats/ranking";
import type { TMoments } from "@/lib/stats/summary";
import { PURE_RUNS } from "./arbitraries";

// The Measure page promises: "A handful of answers cannot put a touchpoint on top." Stated
// precisely, on any journey, whatever its size (the busiest touchpoint from 10 to 10,000 answers),
// its gaps, spreads and importances:
//   1. a touchpoint with fewer than MIN_ANSWERS_TO_RANK (10) answers is not ranked — verdict
//      TOO_FEW_OBSERVATIONS, score 0 — and stands below every touchpoint with 10 answers or more;
//   2. pulling thin means toward the common one only ever tempers a shortfall: no ranked touchpoint
//      shows a larger shortfall than its own answers give, and its estimate lies between its mean
//      gap and the common one.
// Before issue #17 the protection rested on the reach weight relative to the busiest touchpoint,
// so it vanished on a journey with little data: three answers at −2.7 topped a 50-answer journey.

/** mulberry32: the same journey for the same seed. */
function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n whole-number gaps around trueGap with the given spread, clamped to the 1–7 scale's −6..6. */
function gapMoments(n: number, trueGap: number, sd: number, random: () => number): TMoments {
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const gap = Math.max(-6, Math.min(6, Math.round(trueGap + sd * z)));
    sum += gap;
    sumSquares += gap * gap;
  }
  return { n, sum, sumSquares };
}

const touchpoint = fc.record({
  /** log10 of its answers relative to the busiest: 0 = as busy, −4 = a ten-thousandth. */
  shareLog: fc.double({ min: -4, max: 0, noNaN: true }),
  trueGap: fc.double({ min: -3, max: 1, noNaN: true }),
  sd: fc.double({ min: 0, max: 2, noNaN: true }),
  importance: fc.double({ min: 0, max: 1, noNaN: true }),
  importanceSource: fc.constantFrom("STATED", "DERIVED", "DEFAULT" as const),
});

const journey = fc
  .record({
    seed: fc.integer(),
    busiestLog: fc.double({ min: 1, max: 4, noNaN: true }),
    touchpoints: fc.array(touchpoint, { minLength: 2, maxLength: 12 }),
  })
  .map(({ seed, busiestLog, touchpoints }): TRankInput[] => {
    const random = seededRandom(seed);
    const busiest = Math.round(10 ** busiestLog);
    return touchpoints.map((t, i) => {
      // The first touchpoint is the busiest; the others from 1 answer up to as many.
      const n = i === 0 ? busiest : Math.max(1, Math.round(busiest * 10 ** t.shareLog));
      return {
        id: `tp-${i}`,
        gap: gapMoments(n, t.trueGap, t.sd, random),
        importance: t.importance,
        importanceSource: t.importanceSource,
        reach: n,
      };
    });
  });

describe("the fix-first promise on generated journeys (busiest touchpoint 10–10,000 answers)", () => {
  it("never ranks a touchpoint with fewer than 10 answers above one with 10 or more", () => {
    fc.assert(
      fc.property(journey, (items) => {
        const ranked = rankItems(items);
        const few = ranked.filter((r) => r.reason.n < MIN_ANSWERS_TO_RANK);
        const enough = ranked.filter((r) => r.reason.n >= MIN_ANSWERS_TO_RANK);
        for (const r of few)
          expect(r.reason).toMatchObject({
            verdict: "TOO_FEW_OBSERVATIONS",
            score: 0,
            shortfallBound: 0,
          });
        const lowestEnough = Math.max(0, ...enough.map((r) => r.rank));
        const highestFew = Math.min(Infinity, ...few.map((r) => r.rank));
        expect(highestFew).toBeGreaterThan(lowestEnough);
        // The busiest touchpoint has 10 answers or more, so the top is never a handful.
        expect(ranked[0]!.reason.n).toBeGreaterThanOrEqual(MIN_ANSWERS_TO_RANK);
      }),
      { numRuns: PURE_RUNS },
    );
  });

  it("lets the common mean temper a shortfall, never create or enlarge one", () => {
    fc.assert(
      fc.property(journey, (items) => {
        const own = new Map(rankItems(items, { shrink: false }).map((r) => [r.id, r.reason]));
        for (const { id, reason } of rankItems(items)) {
          expect(reason.shortfallBound).toBeLessThanOrEqual(own.get(id)!.shortfallBound + 1e-12);
          if (reason.gapEstimate === null || reason.meanGap === null) continue;
          const ends = [reason.meanGap, reason.commonGap ?? reason.meanGap];
          expect(reason.gapEstimate).toBeGreaterThanOrEqual(Math.min(...ends) - 1e-12);
          expect(reason.gapEstimate).toBeLessThanOrEqual(Math.max(...ends) + 1e-12);
        }
      }),
      { numRuns: PURE_RUNS },
    );
  });
});
