import type { z } from "zod";
import en from "@/lib/i18n/messages/en.json";
import type { TObservationProblem } from "@/lib/observations/schemas";
import type { TApiProblemDetail } from "./http";

// Validation problems as the API names them: { index, field, message } in English. The UI shows
// the same problems through message keys in the user's language; machines get plain English,
// the limit that was crossed and the example of a valid value.

/** Enough to fix a batch; a batch with thousands of problems is not listed in full. */
export const MAX_DETAILS = 500;

const DATETIME =
  "Expected an ISO 8601 date-time with a time-zone offset, e.g. 2026-11-25T09:30:00+09:00.";
const NOUNS: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  object: "an object",
  array: "an array",
  boolean: "true or false",
  date: "a date-time",
};
const REFERENCES: Record<string, string> = {
  touchpointId: "No touchpoint with this id in your organization.",
  driverId: "No loyalty driver with this id at this touchpoint in your organization.",
  segmentId: "No segment with this id in your organization.",
  siteId: "No site with this id in your organization.",
};

/** The English text of a message key of the UI ("validation.noScore"), or null when there is none. */
export function englishMessage(key: string): string | null {
  const text = key
    .split(".")
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined,
      en,
    );
  return typeof text === "string" ? text : null;
}

/**
 * Where an issue sits: ["observations", 3, "nps"] is item 3's field nps; ["observations", 3] the
 * item itself (field ""); ["observations"] the batch (index null); [] the body itself.
 */
function locate(path: PropertyKey[]): { index: number | null; field: string } {
  if (path[0] === "observations" && typeof path[1] === "number")
    return { index: path[1], field: path.slice(2).map(String).join(".") };
  return { index: null, field: path.map(String).join(".") };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const limit = (word: "most" | "least", bound: number | bigint | Date, origin: string) => {
    const plural = Number(bound) === 1 ? "" : "s";
    if (origin === "string") return `At ${word} ${bound} character${plural}.`;
    if (origin === "array") return `At ${word} ${bound} item${plural}.`;
    return `Must be at ${word} ${bound}.`;
  };
  switch (issue.code) {
    case "invalid_type":
      return "input" in issue && issue.input === undefined
        ? "Required."
        : `Expected ${NOUNS[issue.expected] ?? issue.expected}.`;
    case "too_big":
      return limit("most", issue.maximum, issue.origin);
    case "too_small":
      return limit("least", issue.minimum, issue.origin);
    case "invalid_value":
      return `Expected one of: ${issue.values.map(String).join(", ")}.`;
    case "invalid_union": // the only union an item has is observedAt's (a Date in code, a string over the wire)
    case "invalid_format":
      if (issue.code === "invalid_union" || issue.format === "datetime") return DATETIME;
      return englishMessage(issue.message) ?? "Not in the expected format.";
    default:
      return englishMessage(issue.message) ?? issue.message;
  }
}

/** A zod failure of the request body as problem details, one per field (and per unknown field). */
export function detailsOfZodError(error: z.ZodError): TApiProblemDetail[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        ...locate([...issue.path, key]),
        message: "Unknown field.",
      }));
    }
    return [{ ...locate(issue.path), message: describeIssue(issue) }];
  });
}

/** findReferenceProblems' answer as problem details. */
export function detailsOfReferenceProblems(problems: TObservationProblem[]): TApiProblemDetail[] {
  return problems.map(({ index, field, message }) => ({
    index,
    field,
    message:
      message === "errors.NOT_FOUND"
        ? (REFERENCES[field] ?? "Not found in your organization.")
        : (englishMessage(message) ?? message),
  }));
}

/** At most MAX_DETAILS details, and a summary that says how many there were. */
export function summarizeDetails(
  details: TApiProblemDetail[],
  what: string,
): { message: string; details: TApiProblemDetail[] } {
  const count = details.length;
  const items = new Set(details.map((d) => d.index).filter((i) => i !== null)).size;
  const where = items > 0 ? ` in ${items} item${items === 1 ? "" : "s"}` : "";
  const listed = count > MAX_DETAILS ? `; the first ${MAX_DETAILS} are listed` : "";
  return {
    message: `${what}: ${count} problem${count === 1 ? "" : "s"}${where}${listed}. Nothing was stored.`,
    details: details.slice(0, MAX_DETAILS),
  };
}
