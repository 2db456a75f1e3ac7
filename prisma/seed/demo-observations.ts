import type { TChannel, TDimension } from "@/lib/journeys/document";
import type { TObservationSource } from "@/lib/observations/limits";
import type { TObservationInput } from "@/lib/observations/schemas";
import { DECOY_PHRASES, pickComment, PLANTED_PROBLEM_PHRASES, type TTone } from "./demo-comments";
import { DEMO_EXPECTATIONS } from "./demo-expectations";
import {
  DEMO_PILOT,
  DEMO_PILOT_SURVEY_STORES,
  DEMO_PILOT_SURVEYS_PER_STORE_PER_DAY,
  KST_OFFSET_MS,
  koreanDayNumber,
  plantedGapShift,
} from "./demo-pilot";
import {
  CALL_CENTRE_SITE,
  commentThemes,
  isServiceTouchpoint,
  LAST_ACQUISITION_STAGE,
  QUESTION_RATES,
  segmentProfile,
  siteKind,
  SOURCES_BY_CHANNEL,
  type TSiteKind,
  stageTraffic,
  STORE_SITES,
  TIME_PATTERNS,
} from "./demo-traffic";
import { createRandom, type TRandom } from "./random";
import { drawScores } from "./scores";

// Realistic observations for the SK Telecom demo journey, with a planted problem whose answer is
// known: the fix-first ranking, the gap by segment and the comment themes must find it; and the
// fix tried on it, rolled out and relapsing (demo-pilot.ts), which pilots and control charts must
// find. Pure and deterministic (same input and seed, same rows), so unit, integration and browser
// tests can name what they will see. Every score is on the shared scales of lib/observations/scale.ts.

export const DEMO_SKT_TEMPLATE = "skt-mobile-lifecycle";
export const DEMO_CLIENT_ID_PREFIX = "demo:skt:";

/** The planted problem: customers wait for a plan consultation and leave not understanding it; first-time customers most. */
export const PLANTED_MOT = {
  templateKey: DEMO_SKT_TEMPLATE,
  nameKo: "사용 패턴에 맞는 요금제 추천",
  nameEn: "Plan recommendation based on my usage",
  /** The mean gap before the fix (and at the control store during the pilot). */
  meanGap: -1.6,
  worstSegmentNameEn: "First-time customer",
  /** The driver that falls furthest below expectation there. */
  worstDriverNameEn: "Easy-to-follow explanation",
} as const;

/** The decoy: a terrible mean gap on only three observations. A fix-first ranking must not put it first. */
export const DECOY_TOUCHPOINT = {
  templateKey: DEMO_SKT_TEMPLATE,
  nameKo: "보증금·과납금 환급",
  nameEn: "Refund of deposit and overpayments",
  count: 3,
  meanGap: -4,
} as const;

/** Share of the programme's observations at the planted MOT: 650 of 5,000 (the pilot's surveys come on top). */
const PLANTED_SHARE = 0.13;
/** The quietest touchpoint still gets a handful. */
const MIN_PER_TOUCHPOINT = 5;
/** Observations fall in the last 120 days. */
export const DEMO_DAYS = 120;
/** The programme's observations over the 120 days (generateDemoObservations). */
export const DEMO_OBSERVATION_COUNT = 5000;
/** The pilot's extra surveys at the planted MOT: from the pilot's first day to yesterday, at each of its six stores. */
export const DEMO_PILOT_SURVEY_COUNT =
  DEMO_PILOT.startDaysAgo * DEMO_PILOT_SURVEY_STORES.length * DEMO_PILOT_SURVEYS_PER_STORE_PER_DAY;
/** Every seeded observation of the journey: what the Measure page's headline counts on a fresh start. */
export const DEMO_SKT_OBSERVATION_TOTAL = DEMO_OBSERVATION_COUNT + DEMO_PILOT_SURVEY_COUNT;
const PILOT_SURVEY_CLIENT_ID_PREFIX = `${DEMO_CLIENT_ID_PREFIX}pilot:`;
const DAY_MS = 86_400_000;

export type TDemoTouchpoint = {
  id: string;
  nameEn: string;
  /** Position of its stage in the journey, from 0. */
  stagePosition: number;
  isMoT: boolean;
  dimension: TDimension;
  channel: TChannel;
  drivers: { id: string; nameEn: string }[];
};
export type TDemoGeneratorInput = {
  touchpoints: TDemoTouchpoint[];
  /** Matched to DEMO_SEGMENTS by English name; others get an even share. */
  segments: { id: string; nameEn: string }[];
  /** Matched by code (GANGNAM, JAMSIL, CALLCENTER). */
  sites: { id: string; code: string }[];
  count: number;
  seed: number;
  now: Date;
};

type TTouchpointProfile = {
  baseGap: number;
  expectationLevel: number;
  driverShifts: Map<string, number>;
};

export function generateDemoObservations(input: TDemoGeneratorInput): TObservationInput[] {
  const random = createRandom(input.seed);
  const counts = allocateCounts(random, input.touchpoints, input.count);
  const context = { ...input, random, siteIds: new Map(input.sites.map((s) => [s.code, s.id])) };
  const rows: TObservationInput[] = [];
  for (const touchpoint of input.touchpoints) {
    const count = counts.get(touchpoint.id) ?? 0;
    if (touchpoint.nameEn === DECOY_TOUCHPOINT.nameEn) {
      rows.push(...decoyRows(context, touchpoint, count));
      continue;
    }
    const profile = touchpointProfile(random, touchpoint);
    for (let i = 0; i < count; i += 1) rows.push(observationAt(context, touchpoint, profile));
  }
  return rows.map((row, index) => ({ clientId: `${DEMO_CLIENT_ID_PREFIX}${index + 1}`, ...row }));
}

/**
 * Observations per touchpoint: the planted MOT a fixed share, the decoy exactly three, the rest
 * by stage traffic (early stages see more customers), MOTs more (surveys target them) and a
 * random spread — from a handful to several hundred.
 */
function allocateCounts(
  random: TRandom,
  touchpoints: TDemoTouchpoint[],
  total: number,
): Map<string, number> {
  const counts = new Map<string, number>();
  const planted = touchpoints.find((t) => t.nameEn === PLANTED_MOT.nameEn);
  const decoy = touchpoints.find((t) => t.nameEn === DECOY_TOUCHPOINT.nameEn);
  if (planted) counts.set(planted.id, Math.round(total * PLANTED_SHARE));
  if (decoy) counts.set(decoy.id, DECOY_TOUCHPOINT.count);
  const others = touchpoints.filter((t) => t !== planted && t !== decoy);
  const budget =
    total - [...counts.values()].reduce((a, b) => a + b, 0) - MIN_PER_TOUCHPOINT * others.length;
  const weights = others.map(
    (t) => stageTraffic(t.stagePosition) * (t.isMoT ? 1.6 : 1) * Math.exp(random.normal(0, 0.35)),
  );
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  // Largest remainder, so the counts add up to the total exactly.
  const shares = weights.map((w) => (Math.max(0, budget) * w) / totalWeight);
  const floors = shares.map(Math.floor);
  let left = Math.max(0, budget) - floors.reduce((a, b) => a + b, 0);
  const byRemainder = shares
    .map((share, i) => [share - floors[i]!, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    floors[i]! += 1;
  }
  others.forEach((t, i) => counts.set(t.id, MIN_PER_TOUCHPOINT + floors[i]!));
  return counts;
}

/** Most touchpoints meet expectations give or take a little (−0.5…+0.3); MOTs are expected more of. */
function touchpointProfile(random: TRandom, touchpoint: TDemoTouchpoint): TTouchpointProfile {
  const isPlanted = touchpoint.nameEn === PLANTED_MOT.nameEn;
  const baseGap = isPlanted ? PLANTED_MOT.meanGap : -0.5 + 0.8 * random.float();
  const expectationLevel = random.normal(touchpoint.isMoT ? 5.6 : 4.9, 0.3);
  // Drivers differ a little, centred so they move no touchpoint's mean; at the planted MOT the explanation is the worst.
  const raw = touchpoint.drivers.map((d) =>
    isPlanted ? (d.nameEn === PLANTED_MOT.worstDriverNameEn ? -0.4 : 0.2) : random.normal(0, 0.2),
  );
  const mean = raw.length ? raw.reduce((a, b) => a + b, 0) / raw.length : 0;
  return {
    baseGap,
    expectationLevel,
    driverShifts: new Map(touchpoint.drivers.map((d, i) => [d.id, raw[i]! - mean])),
  };
}

type TContext = TDemoGeneratorInput & { random: TRandom; siteIds: Map<string, string> };
/** Where and when an observation was made; `daysAgo` counts local days back from today. */
type TPlacement = {
  source: TObservationSource;
  siteCode: string | null;
  observedAt: Date;
  daysAgo: number;
};

function observationAt(
  context: TContext,
  touchpoint: TDemoTouchpoint,
  profile: TTouchpointProfile,
  place?: () => TPlacement,
): TObservationInput {
  const { random } = context;
  const isPlanted = touchpoint.nameEn === PLANTED_MOT.nameEn;
  const segment = pickSegment(context, touchpoint.stagePosition);
  const segmentShape = segmentProfile(segment?.nameEn);
  const driver =
    touchpoint.drivers.length && random.chance(0.85) ? random.pick(touchpoint.drivers) : null;
  const { source, siteCode, observedAt, daysAgo } = place
    ? place()
    : placeAnywhere(context, touchpoint);

  // At the planted MOT the gap follows the fix's timeline (demo-pilot.ts): better at the pilot store during the pilot, everywhere after the rollout, worse in the relapse.
  const meanGap = isPlanted
    ? segmentShape.plantedGap + plantedGapShift(daysAgo, siteCode)
    : profile.baseGap + segmentShape.gapShift;
  const driverShift = driver ? profile.driverShifts.get(driver.id)! : 0;
  const level = expectedLevel(touchpoint.nameEn, segment?.nameEn) ?? profile.expectationLevel;
  const { gap, expectationScore, experiencedScore, emotionalScore, nps, csat, ces } = drawScores(
    random,
    {
      meanGap: meanGap + driverShift,
      gapSd: isPlanted ? 1.1 : 0.9,
      expectationLevel: level,
      source,
      asksEffort: isServiceTouchpoint(touchpoint),
    },
  );
  const rates = QUESTION_RATES[source];
  const comment = random.chance(isPlanted ? Math.max(rates.comment, 0.45) : rates.comment)
    ? commentFor(random, touchpoint, gap, isPlanted)
    : "";

  return {
    touchpointId: touchpoint.id,
    driverId: driver?.id ?? null,
    segmentId: segment?.id ?? null,
    siteId: siteCode ? (context.siteIds.get(siteCode) ?? null) : null,
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

/** How customers tell us about this touchpoint, which site it names, and when (any day of the last DEMO_DAYS). */
function placeAnywhere(context: TContext, touchpoint: TDemoTouchpoint): TPlacement {
  const { random } = context;
  const source = random.choose(SOURCES_BY_CHANNEL[touchpoint.channel]);
  const kind = siteKind(touchpoint.channel, source, random.float());
  const siteCode =
    kind === "STORE"
      ? random.choose(STORE_SITES)
      : kind === "CALL_CENTRE"
        ? CALL_CENTRE_SITE
        : null;
  return { source, siteCode, ...observedAt(context, siteCode === null ? "NONE" : kind) };
}

/**
 * The pilot's extra surveys at the planted MOT: a fixed number a day at each of the pilot's two
 * stores, from the pilot's first day to yesterday (today is still under way), after the 5,000.
 * Their own random stream, so the 5,000 do not depend on them; client ids of their own.
 */
export function generateDemoPilotSurveys(input: TDemoGeneratorInput): TObservationInput[] {
  const planted = input.touchpoints.find((t) => t.nameEn === PLANTED_MOT.nameEn);
  if (!planted) return [];
  const random = createRandom(input.seed + 1);
  const context: TContext = {
    ...input,
    random,
    siteIds: new Map(input.sites.map((s) => [s.code, s.id])),
  };
  const profile = touchpointProfile(random, planted);
  const rows: TObservationInput[] = [];
  for (let daysAgo = DEMO_PILOT.startDaysAgo; daysAgo >= 1; daysAgo -= 1) {
    for (const siteCode of DEMO_PILOT_SURVEY_STORES) {
      for (let i = 0; i < DEMO_PILOT_SURVEYS_PER_STORE_PER_DAY; i += 1) {
        rows.push(
          observationAt(context, planted, profile, () => ({
            source: "SURVEY",
            siteCode,
            daysAgo,
            observedAt: timeOnDay(context, koreanDayNumber(input.now) - daysAgo, "STORE"),
          })),
        );
      }
    }
  }
  return rows.map((row, index) => ({
    clientId: `${PILOT_SURVEY_CLIENT_ID_PREFIX}${index + 1}`,
    ...row,
  }));
}

/** Three angry customers whose refund came late or short: gaps −2, −4 and −6 (mean −4). */
function decoyRows(
  context: TContext,
  touchpoint: TDemoTouchpoint,
  count: number,
): TObservationInput[] {
  const repeat =
    context.segments.find((s) => s.nameEn === "Repeat customer") ?? context.segments[0];
  const scores = [
    { expectationScore: 5, experiencedScore: 3, emotionalScore: 2, nps: 3, source: "SURVEY" },
    { expectationScore: 6, experiencedScore: 2, emotionalScore: 1, nps: 1, source: "VOC_CALL" },
    { expectationScore: 7, experiencedScore: 1, emotionalScore: 1, nps: 0, source: "SNS" },
  ] as const;
  return scores.slice(0, count).map((score, i) => ({
    ...score,
    touchpointId: touchpoint.id,
    driverId: touchpoint.drivers[0]?.id ?? null,
    segmentId: repeat?.id ?? null,
    siteId: score.source === "VOC_CALL" ? (context.siteIds.get(CALL_CENTRE_SITE) ?? null) : null,
    observedAt: observedAt(context, score.source === "VOC_CALL" ? "CALL_CENTRE" : "NONE")
      .observedAt,
    csat: 1,
    ces: null,
    comment: DECOY_PHRASES[i % DECOY_PHRASES.length]!,
  }));
}

/** Acquisition stages see many first-time customers, later ones mostly existing subscribers; a few rows name no segment. */
type TSegmentRef = TDemoGeneratorInput["segments"][number];

function pickSegment(context: TContext, stagePosition: number): TSegmentRef | null {
  if (context.segments.length === 0 || context.random.chance(0.04)) return null;
  const acquisition = stagePosition <= LAST_ACQUISITION_STAGE;
  return context.random.choose(
    context.segments.map(
      (s) =>
        [
          s,
          acquisition
            ? segmentProfile(s.nameEn).acquisitionShare
            : segmentProfile(s.nameEn).laterShare,
        ] as const,
    ),
  );
}

const expectedLevels = new Map(
  DEMO_EXPECTATIONS.map((e) => [`${e.touchpointNameEn}\u0000${e.segmentNameEn}`, e.expectedLevel]),
);
const expectedLevel = (touchpointNameEn: string, segmentNameEn: string | undefined) =>
  segmentNameEn === undefined
    ? undefined
    : expectedLevels.get(`${touchpointNameEn}\u0000${segmentNameEn}`);

/** A moment in the last DEMO_DAYS days, on the weekdays and hours (Korean time) that the site is busy, never after `now`. */
function observedAt(context: TContext, kind: TSiteKind): { observedAt: Date; daysAgo: number } {
  const { random, now } = context;
  const pattern = TIME_PATTERNS[kind];
  const today = koreanDayNumber(now);
  let day: number;
  do day = today - random.int(0, DEMO_DAYS - 1);
  while (!random.chance(pattern.weekdays[(day + 4) % 7]!)); // day 0 (1970-01-01) was a Thursday
  const time = timeOnDay(context, day, kind);
  return time > now
    ? { observedAt: new Date(time.getTime() - 7 * DAY_MS), daysAgo: today - day + 7 }
    : { observedAt: time, daysAgo: today - day };
}

/** A moment of a local day (days since 1970-01-01 in Korea), at an hour the site is busy. */
function timeOnDay({ random }: TContext, day: number, kind: TSiteKind): Date {
  return new Date(
    day * DAY_MS +
      random.choose(TIME_PATTERNS[kind].hours) * 3_600_000 +
      random.int(0, 3599) * 1000 -
      KST_OFFSET_MS,
  );
}

function commentFor(
  random: TRandom,
  touchpoint: TDemoTouchpoint,
  gap: number,
  isPlanted: boolean,
): string {
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
  if (isPlanted) {
    if (tone !== "NEGATIVE") return random.pick(PLANTED_PROBLEM_PHRASES.OTHER);
    if (random.chance(0.8)) return random.pick(PLANTED_PROBLEM_PHRASES.NEGATIVE);
  }
  const themes = commentThemes(touchpoint);
  // The first theme is the touchpoint's own subject; the others come up less often.
  const theme = random.chance(0.6) ? themes[0]! : random.pick(themes);
  return pickComment(random, theme, tone);
}
