import Papa from "papaparse";
import { spreadsheetCell } from "@/lib/exports/spreadsheet-cell";
import type { TAnalysisFilter, TAnalysisFilterInput, TInterval, TMean } from "./schemas";

// Pure helpers the Measure views share: the URL <-> filter mapping, how a gap is coloured, and
// the CSV every chart exports. No React, no Next: unit-tested beside this file.

/** Below this many observations a gap is shown but not coloured: a few answers are noise. */
export const MIN_N_FOR_TONE = 10;

export type TGapTone = "below" | "above" | "neutral";

type TGapLike = Pick<TMean, "n" | "mean"> & { interval?: TInterval | null };

/**
 * Warm when experience falls below expectation, cool when above; neutral when there are too few
 * observations or when the 95 % interval still includes "as expected" (a −0.02 must not look bad).
 */
export function gapTone(gap: TGapLike | null | undefined, minN = MIN_N_FOR_TONE): TGapTone {
  if (!gap || gap.n < minN || gap.mean === 0) return "neutral";
  if (gap.interval && gap.interval.low <= 0 && gap.interval.high >= 0) return "neutral";
  return gap.mean < 0 ? "below" : "above";
}

/** How strongly to colour a heat-map cell, 0–1: a gap of `full` points (either way) is full colour. */
function gapIntensity(mean: number, full = 2): number {
  return Math.min(1, Math.abs(mean) / full);
}

const WARM = [217, 72, 15] as const; // --color-gap-below
const COOL = [25, 113, 194] as const; // --color-gap-above

/** A heat-map cell's background: white blended towards warm or cool by the gap's size. */
export function heatColor(gap: TGapLike | null | undefined, minN = MIN_N_FOR_TONE): string {
  const tone = gapTone(gap, minN);
  if (tone === "neutral" || !gap) return "rgb(245, 245, 245)";
  const [r, g, b] = tone === "below" ? WARM : COOL;
  // Keep a floor so that a small but real gap is still visibly tinted.
  const a = 0.12 + 0.78 * gapIntensity(gap.mean);
  const mix = (c: number) => Math.round(255 + (c - 255) * a);
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`;
}

/** Dark text on light cells, white on strong ones. */
export function heatTextIsLight(gap: TGapLike | null | undefined, minN = MIN_N_FOR_TONE): boolean {
  return gapTone(gap, minN) !== "neutral" && !!gap && gapIntensity(gap.mean) > 0.55;
}

/** Error-bar offsets (below, above the mean) for recharts' ErrorBar; zero when there is no interval. */
export function errorOffsets(mean: number, interval: TInterval | null): [number, number] {
  if (!interval) return [0, 0];
  return [Math.max(0, mean - interval.low), Math.max(0, interval.high - mean)];
}

/**
 * Below this many answers a CSAT, NPS or CES is shown but marked indicative: the interval is wide,
 * and NPS's Wald interval (docs/METHODS.md) is also too narrow there.
 */
export const MIN_N_FOR_FIRM_METRIC = 30;

/** True when a metric rests on answers, but on fewer than MIN_N_FOR_FIRM_METRIC. */
export function isIndicative(n: number, minN = MIN_N_FOR_FIRM_METRIC): boolean {
  return n > 0 && n < minN;
}

// ---------------------------------------------------------------------------------------------
// Numbers in the reader's language.
// ---------------------------------------------------------------------------------------------

/** A number with a fixed count of decimals ("−" for a missing value is the caller's choice). */
export function formatNumber(value: number, locale: string, digits = 2): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A signed number, "+0.42" / "−1.30": a gap reads better with its sign. */
export function formatSigned(value: number, locale: string, digits = 2): string {
  const rounded = Number(value.toFixed(digits));
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: rounded === 0 ? "never" : "always",
  }).format(rounded);
}

/** 0.137 -> "14 %" in English, "14%" in Korean (Intl decides). */
export function formatPercent(share: number, locale: string, digits = 0): string {
  return new Intl.NumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(share);
}

/** A period key "2026-11-01" (first day of a month, already in the reporting time zone; formatted as is) -> "Nov 2026" / "2026년 11월". */
export function formatMonth(isoDay: string, locale: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(date);
}

export function formatInteger(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

// ---------------------------------------------------------------------------------------------
// The filter in the URL. Short, readable parameter names: ?journey=…&segment=…&mot=1
// ---------------------------------------------------------------------------------------------

const PARAMS = {
  journeyId: "journey",
  from: "from",
  to: "to",
  segmentId: "segment",
  siteId: "site",
  source: "source",
  dimension: "dimension",
  kind: "kind",
  motOnly: "mot",
} as const satisfies Record<keyof TAnalysisFilterInput, string>;

export type TSearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) || undefined;

/** The URL's search params as filter input (the schema drops what does not parse). Null without a journey. */
export function filterInputFromSearchParams(params: TSearchParams): TAnalysisFilterInput | null {
  const journeyId = first(params[PARAMS.journeyId]);
  if (!journeyId) return null;
  const input: Record<string, string> = { journeyId };
  for (const [field, name] of Object.entries(PARAMS)) {
    const value = first(params[name]);
    if (field !== "journeyId" && value) input[field] = value;
  }
  return input as TAnalysisFilterInput;
}

/** The filter as a query string ("?journey=…"), leaving out what is not set; `patch` overrides fields. */
export function searchStringOf(
  filter: Partial<TAnalysisFilter>,
  patch: Partial<Record<keyof typeof PARAMS, string | boolean | undefined>> = {},
): string {
  const merged: Record<string, unknown> = { ...filter, ...patch };
  const params = new URLSearchParams();
  for (const [field, name] of Object.entries(PARAMS)) {
    const value = merged[field];
    if (value === undefined || value === null || value === "" || value === false) continue;
    params.set(name, value === true ? "1" : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

// ---------------------------------------------------------------------------------------------
// CSV: what a chart's table view shows, as a file a spreadsheet opens safely.
// ---------------------------------------------------------------------------------------------

export type TCell = string | number | null;

/** A table as CSV: UTF-8 BOM (Excel reads Korean), CRLF, numbers to `digits` places, formula-like cells escaped. */
export function tableToCsv(header: string[], rows: TCell[][], digits = 4): string {
  // Numbers too: a plain number passes as it is, a non-finite one ("-Infinity") is text.
  const cell = (value: TCell) =>
    value === null
      ? ""
      : spreadsheetCell(typeof value === "number" ? String(Number(value.toFixed(digits))) : value);
  return (
    "\uFEFF" +
    Papa.unparse(
      { fields: header.map(spreadsheetCell), data: rows.map((row) => row.map(cell)) },
      { newline: "\r\n" },
    ) +
    "\r\n"
  );
}

/** A file name for an export: the chart's slug and the date, ASCII only. */
export function csvFileName(slug: string, date: Date): string {
  const safe =
    slug
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "export";
  return `moments-${safe}-${date.toISOString().slice(0, 10)}.csv`;
}
