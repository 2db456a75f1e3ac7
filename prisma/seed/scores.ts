import type { TObservationSource } from "@/lib/observations/limits";
import { CES_SCALE, CSAT_SCALE, NPS_SCALE, SCORE_SCALE } from "@/lib/observations/scale";
import { QUESTION_RATES } from "./demo-traffic";
import type { TRandom } from "./random";

// One observation's scores, as both generators draw them (the demo's 5,000 and seed:large's
// millions): the same formulas and the same order of random draws, so each stays deterministic.

export type TDrawnScores = {
  gap: number;
  expectationScore: number;
  experiencedScore: number;
  emotionalScore: number;
  nps: number | null;
  csat: number | null;
  ces: number | null;
};

export function drawScores(
  random: TRandom,
  input: {
    meanGap: number;
    gapSd: number;
    expectationLevel: number;
    source: TObservationSource;
    asksEffort: boolean;
  },
): TDrawnScores {
  // The gap first, then an expectation that leaves room for it: clamping the experience instead would bias the mean gap.
  const gap = clamp(Math.round(random.normal(input.meanGap, input.gapSd)), -5, 4);
  const expectationScore = clamp(
    Math.round(random.normal(input.expectationLevel, 0.7)),
    Math.max(SCORE_SCALE.min, SCORE_SCALE.min - gap),
    Math.min(SCORE_SCALE.max, SCORE_SCALE.max - gap),
  );
  const experiencedScore = expectationScore + gap;
  const emotionalScore = clamp(
    Math.round(random.normal(experiencedScore, 0.8)),
    SCORE_SCALE.min,
    SCORE_SCALE.max,
  );

  const rates = QUESTION_RATES[input.source];
  // NPS follows the gap (what key-driver analysis should find) and the feeling; CSAT and CES (higher = easier) follow the gap too.
  const nps = random.chance(rates.nps)
    ? clamp(
        Math.round(random.normal(8.3 + 1.1 * gap + 0.3 * (emotionalScore - 5), 1.5)),
        NPS_SCALE.min,
        NPS_SCALE.max,
      )
    : null;
  const csat = random.chance(rates.csat)
    ? clamp(
        Math.round(random.normal(4 + 0.55 * gap + 0.2 * (experiencedScore - 5), 0.6)),
        CSAT_SCALE.min,
        CSAT_SCALE.max,
      )
    : null;
  const ces =
    input.asksEffort && random.chance(rates.ces)
      ? clamp(Math.round(random.normal(5.2 + 0.6 * gap, 0.9)), CES_SCALE.min, CES_SCALE.max)
      : null;
  return { gap, expectationScore, experiencedScore, emotionalScore, nps, csat, ces };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
