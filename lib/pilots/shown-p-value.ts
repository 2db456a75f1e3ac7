import type { TPilotOutcome } from "./schemas";

// Read by client components (the pilot pages), so it imports no statistics: the browser bundle
// stays free of the distribution library (docs/SECURITY.md: the Content-Security-Policy forbids
// evaluated code, which parts of that library use).

/**
 * The p-value a page may show beside the verdict: none when a group has a single site and the
 * pilot is not exploratory. That comparison treats the answers as independent although the site
 * and the change cannot be told apart, so its p-value would read as evidence nobody may act on.
 */
export function shownPValue(outcome: TPilotOutcome): number | null {
  if (!outcome.difference || outcome.reason === "TOO_FEW_SITES") return null;
  return outcome.difference.pValue;
}
