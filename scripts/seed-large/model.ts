import type { TChannel, TDimension } from "@/lib/journeys/document";
import type { TObservationSource } from "@/lib/observations/limits";
import { findTemplate } from "@/lib/templates/catalog";
import type { TCommentTheme } from "@/prisma/seed/demo-comments";
import { PLANTED_MOT } from "@/prisma/seed/demo-observations";
import {
  commentThemes,
  isServiceTouchpoint,
  segmentProfile,
  SOURCES_BY_CHANNEL,
} from "@/prisma/seed/demo-traffic";
import { DEMO_SEGMENTS } from "@/prisma/seed/demo-users";
import { createRandom, type TRandom } from "@/prisma/seed/random";
import { createLargeCalendar, type TLargeCalendar } from "./calendar";
import {
  LARGE_JOURNEYS,
  LARGE_PLANTED_PROBLEMS,
  LARGE_SEED,
  LARGE_SITES,
  type TLargePlantedProblem,
  type TLargeSite,
} from "./large-organization";
import { createWeightedTable } from "./weighted-table";

// The static picture the rows are drawn from, built once: every touchpoint of the four journeys
// with its share of the traffic (early stages busier, MOTs surveyed more), its own level of
// expectation and mean gap, how customers report on it, and what they talk about. Built from the
// templates themselves, not from the database, so that row i is the same row on every machine.

/** The first third of a journey's stages is acquisition (SK Telecom: awareness to the welcome, stages 0–9 of 29). */
const ACQUISITION_SHARE = 1 / 3;
/** The planted MOT is surveyed more than its traffic alone would say: someone suspects a problem there. */
const PLANTED_SURVEY_BOOST = 2.5;
/** Rows that name no segment (a survey that did not ask). */
export const NO_SEGMENT_RATE = 0.04;

export type TLargeTouchpoint = {
  journey: number;
  templateKey: string;
  nameEn: string;
  stagePosition: number;
  isAcquisition: boolean;
  isMoT: boolean;
  dimension: TDimension;
  channel: TChannel;
  /** Driver names (English), in the template's order. */
  drivers: string[];
  planted: TLargePlantedProblem | null;
  /** Mean gap before segment, site and driver differences. */
  baseGap: number;
  expectationLevel: number;
  /** Per driver, added to the mean gap; they sum to zero, so drivers move no touchpoint's mean. */
  driverShifts: number[];
  sources: TObservationSource[];
  drawSource: (u: number) => number;
  themes: TCommentTheme[];
  /** Customer effort is asked here (prisma/seed/demo-traffic.ts). */
  isService: boolean;
};

type TLargeSegment = { nameEn: string; gapShift: number; plantedShift: number };

export type TLargeModel = {
  seed: number;
  endsAt: Date;
  touchpoints: TLargeTouchpoint[];
  drawTouchpoint: (u: number) => number;
  segments: TLargeSegment[];
  drawSegment: { acquisition: (u: number) => number; later: (u: number) => number };
  sites: readonly TLargeSite[];
  drawSite: { STORE: (u: number) => number; CALL_CENTRE: (u: number) => number };
  calendar: TLargeCalendar;
};

export function createLargeModel({
  seed = LARGE_SEED,
  endsAt,
}: {
  seed?: number;
  endsAt: Date;
}): TLargeModel {
  const random = createRandom(seed);
  const touchpoints: TLargeTouchpoint[] = [];
  const weights: number[] = [];
  LARGE_JOURNEYS.forEach(({ templateKey, share, stageDecay }, journey) => {
    const template = findTemplate(templateKey);
    if (!template) throw new Error(`Unknown template ${templateKey}`);
    const planted = LARGE_PLANTED_PROBLEMS.find((p) => p.templateKey === templateKey)!;
    const lastStage = Math.max(1, template.journey.stages.length - 1);
    const journeyWeights: number[] = [];
    template.journey.stages.forEach((stage, stagePosition) => {
      for (const t of stage.touchpoints ?? []) {
        const isPlanted = t.nameEn === planted.nameEn;
        const shape = {
          nameEn: t.nameEn!,
          channel: t.channel ?? "OTHER",
          dimension: t.dimension ?? "PRODUCT_SERVICE",
          isMoT: t.isMoT ?? false,
        };
        const drivers = (t.drivers ?? []).map((d) => d.nameEn!);
        const sources = SOURCES_BY_CHANNEL[shape.channel];
        touchpoints.push({
          journey,
          templateKey,
          stagePosition,
          isAcquisition: stagePosition / lastStage <= ACQUISITION_SHARE,
          ...shape,
          drivers,
          planted: isPlanted ? planted : null,
          ...gapProfile(random, shape.isMoT, drivers, isPlanted ? planted : null),
          // The segments' shifts at the planted MOT do not average to zero over a stage's mix of customers: take it out, so the MOT's mean is the planted one.
          ...(isPlanted
            ? {
                baseGap:
                  planted.meanGap -
                  meanPlantedShift(stagePosition / lastStage <= ACQUISITION_SHARE),
              }
            : {}),
          sources: sources.map(([source]) => source),
          drawSource: createWeightedTable(sources.map(([, weight]) => weight)),
          themes: commentThemes(shape),
          isService: isServiceTouchpoint(shape),
        });
        const traffic =
          Math.exp(-stageDecay * (stagePosition / lastStage)) *
          (shape.isMoT ? 1.6 : 1) *
          Math.exp(random.normal(0, 0.35));
        journeyWeights.push(traffic * (isPlanted ? PLANTED_SURVEY_BOOST : 1));
      }
    });
    const total = journeyWeights.reduce((a, b) => a + b, 0);
    weights.push(...journeyWeights.map((w) => (share * w) / total));
  });

  const segments = DEMO_SEGMENTS.map(({ nameEn }) => {
    const profile = segmentProfile(nameEn);
    return {
      nameEn,
      gapShift: profile.gapShift,
      plantedShift: profile.plantedGap - PLANTED_MOT.meanGap,
    };
  });
  const siteTable = (kind: TLargeSite["kind"]) =>
    createWeightedTable(LARGE_SITES.map((s) => (s.kind === kind ? s.weight : 0)));
  return {
    seed,
    endsAt,
    touchpoints,
    drawTouchpoint: createWeightedTable(weights),
    segments,
    drawSegment: {
      acquisition: createWeightedTable(
        DEMO_SEGMENTS.map((s) => segmentProfile(s.nameEn).acquisitionShare),
      ),
      later: createWeightedTable(DEMO_SEGMENTS.map((s) => segmentProfile(s.nameEn).laterShare)),
    },
    sites: LARGE_SITES,
    drawSite: { STORE: siteTable("STORE"), CALL_CENTRE: siteTable("CALL_CENTRE") },
    calendar: createLargeCalendar(endsAt),
  };
}

/** The segments' planted shifts weighted by the share of customers each segment has in those stages (rows with no segment shift nothing). */
function meanPlantedShift(isAcquisition: boolean): number {
  const shares = DEMO_SEGMENTS.map((s) =>
    isAcquisition ? segmentProfile(s.nameEn).acquisitionShare : segmentProfile(s.nameEn).laterShare,
  );
  const total = shares.reduce((a, b) => a + b, 0);
  const shift = DEMO_SEGMENTS.reduce(
    (sum, s, i) =>
      sum + (shares[i]! / total) * (segmentProfile(s.nameEn).plantedGap - PLANTED_MOT.meanGap),
    0,
  );
  return (1 - NO_SEGMENT_RATE) * shift;
}

/** As in the demo: most touchpoints meet expectations give or take a little (−0.5…+0.3), MOTs are expected more of. */
function gapProfile(
  random: TRandom,
  isMoT: boolean,
  drivers: string[],
  planted: TLargePlantedProblem | null,
) {
  const baseGap = planted ? planted.meanGap : -0.5 + 0.8 * random.float();
  const expectationLevel = random.normal(isMoT ? 5.6 : 4.9, 0.3);
  const raw = drivers.map((name) =>
    planted ? (name === planted.worstDriverNameEn ? -0.4 : 0.2) : random.normal(0, 0.2),
  );
  const mean = raw.length ? raw.reduce((a, b) => a + b, 0) / raw.length : 0;
  return { baseGap, expectationLevel, driverShifts: raw.map((shift) => shift - mean) };
}
