import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validationMessageKey } from "@/lib/validation";
import { checkObservation } from "./check-observation";
import { COMMENT_MAX_LENGTH, ID_MAX_LENGTH, CLIENT_ID_MAX_LENGTH } from "./limits";
import { ZObservationInput } from "./schemas";

// The form's check and the server's schema must accept and refuse the same entries,
// with the same message at the same field: an entry the form lets into the offline queue and the
// server then refuses would wait on the phone as a failure no one can fix.

const HOUR = 60 * 60 * 1000;
const now = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

const valid = {
  touchpointId: "tp-1",
  driverId: null,
  segmentId: "seg-1",
  siteId: "site-1",
  source: "FRONTLINE",
  observedAt: iso(now - HOUR),
  expectationScore: 5,
  experiencedScore: 4,
  emotionalScore: null,
  nps: null,
  comment: "",
};
const without = (key: keyof typeof valid) =>
  Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key));

/** [what, input, whether the server accepts it] */
const CASES: [string, unknown, boolean][] = [
  ["a frontline entry", valid, true],
  [
    "a call with the customer's words and no expectation",
    { ...valid, source: "VOC_CALL", expectationScore: null, comment: "너무 오래 기다렸어요" },
    true,
  ],
  [
    "every score, csat and ces too",
    { ...valid, emotionalScore: 6, nps: 10, csat: 5, ces: 1 },
    true,
  ],
  [
    "only the required fields",
    { touchpointId: "tp-1", source: "SURVEY", observedAt: iso(now), nps: 0 },
    true,
  ],
  ["a client id", { ...valid, clientId: "device-1:2026/11@x.y" }, true],
  ["a client id with a space", { ...valid, clientId: "device 1" }, false],
  ["an empty client id", { ...valid, clientId: "  " }, false],
  [
    "a client id over the limit",
    { ...valid, clientId: "c".repeat(CLIENT_ID_MAX_LENGTH + 1) },
    false,
  ],
  ["observedAt as a Date", { ...valid, observedAt: new Date(now - HOUR) }, true],
  ["observedAt with an offset", { ...valid, observedAt: "2026-01-05T09:30:00+09:00" }, true],
  ["observedAt without an offset", { ...valid, observedAt: "2026-01-05T09:30:00" }, false],
  ["observedAt as a day", { ...valid, observedAt: "2026-01-05" }, false],
  ["observedAt before 2000", { ...valid, observedAt: "1999-12-31T23:59:59Z" }, false],
  ["observedAt two days ahead", { ...valid, observedAt: iso(now + 48 * HOUR) }, false],
  ["observedAt an hour ahead (a device's clock)", { ...valid, observedAt: iso(now + HOUR) }, true],
  ["observedAt an invalid Date", { ...valid, observedAt: new Date("no date") }, false],
  ["observedAt missing", without("observedAt"), false],
  ["observedAt a number", { ...valid, observedAt: now }, false],
  ["no touchpoint", without("touchpointId"), false],
  ["an empty touchpoint", { ...valid, touchpointId: "" }, false],
  ["a touchpoint of spaces", { ...valid, touchpointId: "   " }, false],
  ["a touchpoint at the limit", { ...valid, touchpointId: "t".repeat(ID_MAX_LENGTH) }, true],
  ["a touchpoint over the limit", { ...valid, touchpointId: "t".repeat(ID_MAX_LENGTH + 1) }, false],
  ["a touchpoint id as a number", { ...valid, touchpointId: 7 }, false],
  ["an empty driver", { ...valid, driverId: "" }, false],
  ["a driver left out", without("driverId"), true],
  ["a site over the limit", { ...valid, siteId: "s".repeat(ID_MAX_LENGTH + 1) }, false],
  ["an unknown source", { ...valid, source: "EMAIL" }, false],
  ["no source", without("source"), false],
  ["an expectation of 0", { ...valid, expectationScore: 0 }, false],
  ["an expectation of 8", { ...valid, expectationScore: 8 }, false],
  ["a half-point experience", { ...valid, experiencedScore: 4.5 }, true],
  ["a score as text", { ...valid, experiencedScore: "4" }, false],
  ["a score NaN", { ...valid, experiencedScore: Number.NaN }, false],
  ["a score Infinity", { ...valid, emotionalScore: Number.POSITIVE_INFINITY }, false],
  ["an NPS of 11", { ...valid, nps: 11 }, false],
  ["an NPS of -1", { ...valid, nps: -1 }, false],
  ["a half-point NPS", { ...valid, nps: 7.5 }, false],
  ["a CSAT of 6", { ...valid, csat: 6 }, false],
  ["a CES of 0", { ...valid, ces: 0 }, false],
  ["an expectation alone", { ...valid, experiencedScore: null }, false],
  ["no score at all", { ...without("experiencedScore"), expectationScore: null }, false],
  ["only an NPS", { ...valid, experiencedScore: undefined, nps: 9 }, true],
  ["a comment at the limit", { ...valid, comment: "a".repeat(COMMENT_MAX_LENGTH) }, true],
  ["a comment over the limit", { ...valid, comment: "a".repeat(COMMENT_MAX_LENGTH + 1) }, false],
  [
    "a comment at the limit once trimmed",
    { ...valid, comment: ` ${"a".repeat(COMMENT_MAX_LENGTH)}  ` },
    true,
  ],
  ["a comment left out", without("comment"), true],
  ["a comment null", { ...valid, comment: null }, false],
  ["an unknown field", { ...valid, rating: 5 }, false],
  [
    "several problems at once",
    { ...valid, touchpointId: "", source: "EMAIL", nps: 12, extra: 1 },
    false,
  ],
  ["null", null, false],
  ["a string", "observation", false],
  ["an array", [valid], false],
];

/** The server's refusals, each as its field and message key. */
function serverIssues(input: unknown) {
  const parsed = ZObservationInput.safeParse(input, { error: validationMessageKey });
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

describe("checkObservation mirrors the server's ZObservationInput", () => {
  it.each(CASES)("%s", (_, input, isAccepted) => {
    const server = serverIssues(input);
    expect(server.length === 0).toBe(isAccepted);
    expect(checkObservation(input)).toEqual(server);
  });

  it("agrees on entries assembled from valid and invalid values of every field", () => {
    const field = (...values: unknown[]) => fc.constantFrom(...values);
    // Any field may be left out.
    const entry = fc.record(
      {
        clientId: field("c-1", "", " c d ", "c".repeat(CLIENT_ID_MAX_LENGTH + 1), null, 5),
        touchpointId: field("tp-1", "", " x ", "t".repeat(ID_MAX_LENGTH + 1), null, 3),
        driverId: field("d-1", "", null, {}),
        segmentId: field("s-1", "  ", null),
        siteId: field("site-1", "s".repeat(ID_MAX_LENGTH + 1), null),
        source: field("FRONTLINE", "VOC_CALL", "email", null),
        observedAt: field(
          iso(now),
          "2026-01-05",
          "2024-02-29T23:59:59.123+09:00",
          "2025-02-29T10:00:00Z",
          "2026-01-05T10:00:00+0900",
          "1990-01-01T00:00:00Z",
          iso(now + 72 * HOUR),
          new Date(now),
          new Date(Number.NaN),
          null,
        ),
        expectationScore: field(1, 7, 0, 3.5, null, "4"),
        experiencedScore: field(1, 7, 8, null, Number.NaN),
        emotionalScore: field(2, -1, null),
        nps: field(0, 10, 11, 7.5, null, 2 ** 60),
        csat: field(5, 6, null),
        ces: field(1, 0, null),
        comment: field("", "  ", "a".repeat(COMMENT_MAX_LENGTH + 1), null, 1),
        unknown: field(1, undefined),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(entry, (input) => {
        expect(checkObservation(input)).toEqual(serverIssues(input));
      }),
      { numRuns: 2000 },
    );
  });
});
