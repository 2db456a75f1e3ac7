import type { TChannel, TDimension } from "@/lib/journeys/document";
import type { TObservationSource } from "@/lib/observations/limits";
import type { TCommentTheme } from "./demo-comments";

// Who passes a touchpoint of the demo journey, how they tell us and when: the static tables the
// demo generator draws from. Weights are relative; hours are Korean local time.

type TWeights<T> = readonly (readonly [T, number])[];

/** How customers of a segment spread over the journey, and how their experience differs. */
export type TSegmentProfile = {
  /** Share of customers in the acquisition stages (awareness to the welcome after sign-up). */
  acquisitionShare: number;
  /** Share in the later stages (billing, use, service, termination): mostly existing customers. */
  laterShare: number;
  /** Added to every touchpoint's mean gap: first-time customers expect more than they get. */
  gapShift: number;
  /** Mean gap at the planted MOT; the three weighted by their shares come to about −1.6. */
  plantedGap: number;
};

const SEGMENT_PROFILES: Readonly<Record<string, TSegmentProfile>> = {
  "First-time customer": {
    acquisitionShare: 0.42,
    laterShare: 0.15,
    gapShift: -0.15,
    plantedGap: -2.2,
  },
  "Repeat customer": { acquisitionShare: 0.38, laterShare: 0.63, gapShift: 0.05, plantedGap: -1.2 },
  "Early adopter": { acquisitionShare: 0.2, laterShare: 0.22, gapShift: -0.1, plantedGap: -1.3 },
};
const OTHER_SEGMENT: TSegmentProfile = {
  acquisitionShare: 0.2,
  laterShare: 0.2,
  gapShift: 0,
  plantedGap: -1.6,
};
export const segmentProfile = (nameEn: string | undefined): TSegmentProfile =>
  (nameEn && SEGMENT_PROFILES[nameEn]) || OTHER_SEGMENT;

/** Stages 0–9 (awareness to the welcome after sign-up) are acquisition; later ones are a subscriber's life. */
export const LAST_ACQUISITION_STAGE = 9;

/** Relative traffic of a stage: everyone becomes aware, few terminate and fewer come back after. */
export const stageTraffic = (stagePosition: number) => Math.exp(-stagePosition / 7);

const SURVEY_LED: TWeights<TObservationSource> = [
  ["SURVEY", 62],
  ["FRONTLINE", 10],
  ["VOC_CALL", 12],
  ["SNS", 16],
];
export const SOURCES_BY_CHANNEL: Readonly<Record<TChannel, TWeights<TObservationSource>>> = {
  IN_PERSON: [
    ["SURVEY", 40],
    ["FRONTLINE", 42],
    ["MYSTERY_SHOPPER", 12],
    ["SNS", 3],
    ["VOC_CALL", 3],
  ],
  KIOSK: [
    ["SURVEY", 40],
    ["FRONTLINE", 45],
    ["MYSTERY_SHOPPER", 12],
    ["SNS", 3],
  ],
  PHONE: [
    ["SURVEY", 40],
    ["VOC_CALL", 45],
    ["FRONTLINE", 10],
    ["SNS", 5],
  ],
  CHAT: [
    ["SURVEY", 50],
    ["VOC_CALL", 25],
    ["FRONTLINE", 15],
    ["SNS", 10],
  ],
  WEB: SURVEY_LED,
  APP: SURVEY_LED,
  EMAIL: SURVEY_LED,
  MAIL: SURVEY_LED,
  SNS: [
    ["SNS", 60],
    ["SURVEY", 40],
  ],
  OTHER: [
    ["SURVEY", 55],
    ["FRONTLINE", 20],
    ["VOC_CALL", 12],
    ["SNS", 13],
  ],
};

/** Which questions a source asks: the gap (expectation and experience) always, the rest on part of the rows. */
export const QUESTION_RATES: Readonly<
  Record<TObservationSource, { nps: number; csat: number; ces: number; comment: number }>
> = {
  SURVEY: { nps: 0.7, csat: 0.45, ces: 0.6, comment: 0.15 },
  FRONTLINE: { nps: 0.15, csat: 0.2, ces: 0.3, comment: 0.15 },
  VOC_CALL: { nps: 0.25, csat: 0.4, ces: 0.6, comment: 0.5 },
  MYSTERY_SHOPPER: { nps: 0, csat: 0.3, ces: 0.6, comment: 0.4 },
  SNS: { nps: 0.1, csat: 0, ces: 0, comment: 1 },
  INTERVIEW: { nps: 0.5, csat: 0.5, ces: 0.5, comment: 1 },
};

/** Customer effort is asked where a customer gets something done with the company's people or machines. */
export const isServiceTouchpoint = (t: { dimension: TDimension; channel: TChannel }) =>
  t.dimension === "FRONTLINE_STAFF" ||
  t.channel === "PHONE" ||
  t.channel === "CHAT" ||
  t.channel === "KIOSK";

export type TSiteKind = "STORE" | "CALL_CENTRE" | "NONE";
/** The demo sites by code (demo-users.ts): six stores, the busiest Gangnam; phone and chat go to the call centre. */
export const STORE_SITES: TWeights<string> = [
  ["GANGNAM", 22],
  ["JAMSIL", 18],
  ["HONGDAE", 16],
  ["SINCHON", 14],
  ["BUNDANG", 16],
  ["ILSAN", 14],
];
export const CALL_CENTRE_SITE = "CALLCENTER";

export function siteKind(channel: TChannel, source: TObservationSource, coin: number): TSiteKind {
  if (source === "VOC_CALL" || channel === "PHONE" || channel === "CHAT") return "CALL_CENTRE";
  if (channel === "IN_PERSON" || channel === "KIOSK") return "STORE";
  if (source === "FRONTLINE") return coin < 0.7 ? "STORE" : "CALL_CENTRE";
  // A survey about a bill or the network names the customer's home store half of the time; SNS posts name none.
  return source === "SURVEY" && coin < 0.5 ? "STORE" : "NONE";
}

/** Weekday (Sunday first) and hour weights: stores peak at lunch and after work and on Saturdays, the call centre keeps office hours. */
export const TIME_PATTERNS: Readonly<
  Record<TSiteKind, { weekdays: readonly number[]; hours: TWeights<number> }>
> = {
  STORE: {
    weekdays: [0.6, 0.8, 0.75, 0.75, 0.8, 0.9, 1],
    hours: hoursFrom(10, [3, 5, 7, 6, 5, 5, 6, 8, 8, 6, 3]),
  },
  CALL_CENTRE: {
    weekdays: [0.3, 1, 0.9, 0.9, 0.9, 0.85, 0.4],
    hours: hoursFrom(9, [6, 8, 8, 5, 6, 7, 6, 5, 3]),
  },
  NONE: {
    weekdays: [0.9, 1, 1, 1, 1, 1, 0.9],
    hours: hoursFrom(7, [2, 3, 4, 4, 5, 6, 5, 4, 4, 4, 5, 6, 8, 9, 9, 7, 4]),
  },
};

function hoursFrom(first: number, weights: number[]): TWeights<number> {
  return weights.map((weight, i) => [first + i, weight] as const);
}

/** What customers talk about at a touchpoint, from its name, channel and dimension (first listed is the likeliest). */
export function commentThemes(t: {
  nameEn: string;
  channel: TChannel;
  dimension: TDimension;
}): TCommentTheme[] {
  const themes: TCommentTheme[] = [];
  const name = t.nameEn.toLowerCase();
  if (
    /bill|charge|fee|price|pay|instal|refund|discount|subsid|points|debit|balance|offer|deal|benefit/.test(
      name,
    )
  )
    themes.push("PRICE");
  if (/call quality|reception|dropped|data|internet|texts|abroad|first call/.test(name))
    themes.push("NETWORK");
  if (/wait|queue/.test(name)) themes.push("WAITING");
  if (/complaint|repair|lost|outcome|cancel|agent|found phone/.test(name))
    themes.push("RESOLUTION");
  if (t.channel === "WEB" || t.channel === "APP" || t.channel === "CHAT") themes.push("DIGITAL");
  if (t.dimension === "FRONTLINE_STAFF") themes.push("STAFF", "CLARITY");
  if (t.dimension === "MARKETING_COMMUNICATION") themes.push("CLARITY");
  if (t.channel === "IN_PERSON" || t.channel === "KIOSK") themes.push("WAITING", "CLEANLINESS");
  if (t.channel === "PHONE") themes.push("WAITING", "RESOLUTION");
  return themes.length ? [...new Set(themes)] : ["CLARITY"];
}
