import type { TAnalysisFilter, TAnalysisFilterInput } from "./schemas";

// The Measure filter in the URL, both ways. Short, readable parameter names:
// ?journey=…&segment=…&mot=1 — the schema (ZAnalysisFilter) still decides what is valid.

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
