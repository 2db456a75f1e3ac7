import {
  CLIENT_ID_MAX_LENGTH,
  CLIENT_ID_PATTERN,
  COMMENT_MAX_LENGTH,
  hasAnyScore,
  ID_MAX_LENGTH,
  isObservedAtAllowed,
  OBSERVATION_SOURCES,
} from "./limits";
import { CES_SCALE, CSAT_SCALE, NPS_SCALE, SCORE_SCALE } from "./scale";

// The frontline form's check of an entry before it goes into the offline queue: the server's
// ZObservationInput (schemas.ts) written out without zod, so that the phone downloads neither zod
// nor zod/mini (docs/SCALING.md, "The frontline's JavaScript": zod/mini still brought 18 KB of
// zod's core). Same limits (limits.ts) and the same refusals — same fields, same message keys, in
// the order zod reports them: check-observation.test.ts compares the two on a table of cases and
// on generated entries. The server parses every entry again; this only keeps off the queue an
// entry it would refuse.

export type TObservationIssue = {
  /** The top-level field, or [] for the whole entry (unknown fields). */
  path: string[];
  /** A message key, as validationMessageKey (lib/validation.ts) names zod's issues. */
  message: string;
};

type TScale = { min: number; max: number };
/** A message, and whether it stops the whole-entry rule (zod's aborting issues: wrong types and values). */
type TProblem = { message: string; isFatal: boolean };

const SHAPE = [
  "clientId",
  "touchpointId",
  "driverId",
  "segmentId",
  "siteId",
  "source",
  "observedAt",
  "expectationScore",
  "experiencedScore",
  "emotionalScore",
  "nps",
  "csat",
  "ces",
  "comment",
] as const;

// zod's z.iso.datetime({ offset: true }): a valid calendar day, seconds required, Z or ±hh:mm.
const DAY = String.raw`(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))`;
const ISO_DATETIME = new RegExp(
  String.raw`^${DAY}T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$`,
);

const fatal = (message: string): TProblem[] => [{ message, isFatal: true }];
const minor = (messages: (string | false)[]): TProblem[] =>
  messages.filter((m) => m !== false).map((message) => ({ message, isFatal: false }));
const wrongType = (value: unknown) =>
  fatal(value === undefined || value === null ? "validation.required" : "validation.invalidType");

function text(value: unknown, max: number, pattern?: RegExp): TProblem[] {
  if (typeof value !== "string") return wrongType(value);
  const trimmed = value.trim();
  return minor([
    trimmed.length < 1 && "validation.tooShort",
    trimmed.length > max && "validation.tooLong",
    pattern !== undefined && !pattern.test(trimmed) && "validation.clientId",
  ]);
}

function score(value: unknown, scale: TScale, isInteger: boolean): TProblem[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== "number" || !Number.isFinite(value)) return wrongType(value);
  if (isInteger && !Number.isInteger(value)) return wrongType(value);
  return minor([
    isInteger && value > Number.MAX_SAFE_INTEGER && "validation.tooBig",
    isInteger && value < Number.MIN_SAFE_INTEGER && "validation.tooSmall",
    value < scale.min && "validation.tooSmall",
    value > scale.max && "validation.tooBig",
  ]);
}

function observedAt(value: unknown): TProblem[] {
  const date =
    value instanceof Date && !Number.isNaN(value.getTime())
      ? value
      : typeof value === "string" && ISO_DATETIME.test(value)
        ? new Date(value)
        : null;
  if (!date) return fatal("validation.invalid");
  return minor([!isObservedAtAllowed(date) && "validation.observedAtRange"]);
}

const optional = (value: unknown, check: () => TProblem[]) => (value === undefined ? [] : check());
const nullish = (value: unknown, check: () => TProblem[]) =>
  value === undefined || value === null ? [] : check();

function fieldProblems(o: Record<string, unknown>, field: (typeof SHAPE)[number]): TProblem[] {
  const value = o[field];
  switch (field) {
    case "clientId":
      return optional(value, () => text(value, CLIENT_ID_MAX_LENGTH, CLIENT_ID_PATTERN));
    case "touchpointId":
      return text(value, ID_MAX_LENGTH);
    case "driverId":
    case "segmentId":
    case "siteId":
      return nullish(value, () => text(value, ID_MAX_LENGTH));
    case "source":
      return OBSERVATION_SOURCES.some((source) => source === value)
        ? []
        : fatal("validation.invalidValue");
    case "observedAt":
      return observedAt(value);
    case "expectationScore":
    case "experiencedScore":
    case "emotionalScore":
      return score(value, SCORE_SCALE, false);
    case "nps":
      return score(value, NPS_SCALE, true);
    case "csat":
      return score(value, CSAT_SCALE, true);
    case "ces":
      return score(value, CES_SCALE, true);
    case "comment":
      return optional(value, () =>
        typeof value === "string"
          ? minor([value.trim().length > COMMENT_MAX_LENGTH && "validation.tooLong"])
          : wrongType(value),
      );
  }
}

/** What the server's ZObservationInput would refuse in `input`, in zod's order; [] when it accepts it. */
export function checkObservation(input: unknown): TObservationIssue[] {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return wrongType(input).map(({ message }) => ({ path: [], message }));
  const o = input as Record<string, unknown>;
  const issues: TObservationIssue[] = [];
  let isStopped = false;
  for (const field of SHAPE)
    for (const { message, isFatal } of fieldProblems(o, field)) {
      issues.push({ path: [field], message });
      isStopped ||= isFatal;
    }
  if (Object.keys(o).some((key) => !(SHAPE as readonly string[]).includes(key)))
    issues.push({ path: [], message: "validation.unknownField" });
  if (!isStopped && !hasAnyScore(o))
    issues.push({ path: ["experiencedScore"], message: "validation.noScore" });
  return issues;
}
