import type { TObservationSource } from "@/lib/observations/limits";
import { pickComment, PLANTED_PROBLEM_PHRASES, type TTone } from "@/prisma/seed/demo-comments";
import { PLANTED_MOT } from "@/prisma/seed/demo-observations";
import { QUESTION_RATES, siteKind } from "@/prisma/seed/demo-traffic";
import { createRandom, type TRandom } from "@/prisma/seed/random";
import { drawScores } from "@/prisma/seed/scores";
import { LARGE_BLOCK_ROWS, LARGE_SITES } from "./large-organization";
import { NO_SEGMENT_RATE, type TLargeModel, type TLargeTouchpoint } from "./model";

// The rows of the large organization, drawn one at a time from the model. Row i depends only on
// the model (seed, the year's end) and i — not on how many rows are asked for, nor in which
// ranges — so a run can stop anywhere and the next one goes on with exactly the rows that were
// missing. Scores are on the shared scales and drawn as the demo draws them: the gap first, an
// expectation that leaves room for it, then feeling, NPS, CSAT and effort following the gap.

/** One observation, with references as indexes into the model (touchpoints, their drivers, segments, sites). */
export type TLargeRow = {
  /** From 0; the client id is `large:<index + 1>`. */
  index: number;
  touchpoint: number;
  driver: number | null;
  segment: number | null;
  site: number | null;
  source: TObservationSource;
  /** Epoch milliseconds. */
  observedAt: number;
  expectationScore: number;
  experiencedScore: number;
  emotionalScore: number;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  comment: string;
};

/** Rows from..to−1, in order. */
export function generateLargeRows(model: TLargeModel, from: number, to: number): TLargeRow[] {
  const rows: TLargeRow[] = [];
  for (let block = Math.floor(from / LARGE_BLOCK_ROWS); block * LARGE_BLOCK_ROWS < to; block += 1) {
    const random = createRandom(blockSeed(model.seed, block));
    const first = block * LARGE_BLOCK_ROWS;
    const end = Math.min(to, first + LARGE_BLOCK_ROWS);
    // The rows of the block before `from` are drawn too: they move the block's random stream.
    for (let index = first; index < end; index += 1) {
      const row = drawRow(model, random, index);
      if (index >= from) rows.push(row);
    }
  }
  return rows;
}

/** A well-mixed 32-bit seed per block (murmur3's finaliser), so neighbouring blocks get unrelated streams. */
function blockSeed(seed: number, block: number): number {
  let h = Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ block;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function drawRow(model: TLargeModel, random: TRandom, index: number): TLargeRow {
  const touchpointIndex = model.drawTouchpoint(random.float());
  const t = model.touchpoints[touchpointIndex]!;
  const segment =
    random.float() < NO_SEGMENT_RATE
      ? null
      : (t.isAcquisition ? model.drawSegment.acquisition : model.drawSegment.later)(random.float());
  const driver =
    t.drivers.length && random.float() < 0.85 ? random.int(0, t.drivers.length - 1) : null;
  const source = t.sources[t.drawSource(random.float())]!;
  const kind = siteKind(t.channel, source, random.float());
  const site = kind === "NONE" ? null : model.drawSite[kind](random.float());
  const observedAt = model.calendar.draw(random, kind);

  const segmentShape = segment === null ? null : model.segments[segment]!;
  const meanGap =
    t.baseGap +
    (segmentShape ? (t.planted ? segmentShape.plantedShift : segmentShape.gapShift) : 0) +
    (site === null ? 0 : LARGE_SITES[site]!.gapShift) +
    (driver === null ? 0 : t.driverShifts[driver]!);
  const { gap, expectationScore, experiencedScore, emotionalScore, nps, csat, ces } = drawScores(
    random,
    {
      meanGap,
      gapSd: t.planted ? 1.1 : 0.9,
      expectationLevel: t.expectationLevel,
      source,
      asksEffort: t.isService,
    },
  );
  const rates = QUESTION_RATES[source];
  const comment =
    random.float() < (t.planted ? Math.max(rates.comment, 0.45) : rates.comment)
      ? commentFor(random, t, gap)
      : "";

  return {
    index,
    touchpoint: touchpointIndex,
    driver,
    segment,
    site,
    source,
    observedAt,
    expectationScore,
    experiencedScore,
    emotionalScore,
    nps,
    csat,
    ces,
    comment,
  };
}

/** As in the demo: the tone follows the gap; at SK Telecom's planted MOT customers mostly talk about the wait and the explanation. */
function commentFor(random: TRandom, t: TLargeTouchpoint, gap: number): string {
  const tone: TTone =
    gap <= -1
      ? "NEGATIVE"
      : gap >= 1
        ? "POSITIVE"
        : random.choose<TTone>([
            ["NEUTRAL", 50],
            ["POSITIVE", 35],
            ["NEGATIVE", 15],
          ]);
  // The demo's planted-problem phrases speak of a plan consultation: they fit SK Telecom's planted MOT only.
  if (t.planted?.nameEn === PLANTED_MOT.nameEn) {
    if (tone !== "NEGATIVE") return random.pick(PLANTED_PROBLEM_PHRASES.OTHER);
    if (random.chance(0.8)) return random.pick(PLANTED_PROBLEM_PHRASES.NEGATIVE);
  }
  const theme = random.chance(0.6) ? t.themes[0]! : random.pick(t.themes);
  return pickComment(random, theme, tone);
}
