import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZObservationBatch } from "@/lib/observations/schemas";
import {
  MAX_DETAILS,
  detailsOfReferenceProblems,
  detailsOfZodError,
  englishMessage,
  summarizeDetails,
} from "./problems";

const ZBody = z.object({ observations: ZObservationBatch }).strict();
const detailsOf = (body: unknown) => {
  const result = ZBody.safeParse(body, { reportInput: true });
  if (result.success) throw new Error("expected a failure");
  return detailsOfZodError(result.error);
};
const valid = {
  touchpointId: "tp",
  source: "SURVEY",
  observedAt: "2026-11-20T10:00:00+09:00",
  experiencedScore: 5,
};

describe("detailsOfZodError", () => {
  it("names the item and the field, with the limit crossed", () => {
    expect(
      detailsOf({
        observations: [
          valid,
          { ...valid, experiencedScore: 8, nps: 11, comment: "x".repeat(4001) },
        ],
      }),
    ).toEqual([
      { index: 1, field: "experiencedScore", message: "Must be at most 7." },
      { index: 1, field: "nps", message: "Must be at most 10." },
      { index: 1, field: "comment", message: "At most 4000 characters." },
    ]);
  });

  it("tells a missing field from a wrong type, and lists an enum's options", () => {
    const withoutTouchpoint: Record<string, unknown> = { ...valid };
    delete withoutTouchpoint.touchpointId;
    expect(
      detailsOf({
        observations: [withoutTouchpoint, { ...valid, touchpointId: 5, nps: 8.5, source: "FAX" }],
      }),
    ).toEqual([
      { index: 0, field: "touchpointId", message: "Required." },
      { index: 1, field: "touchpointId", message: "Expected a string." },
      {
        index: 1,
        field: "source",
        message: "Expected one of: SURVEY, FRONTLINE, MYSTERY_SHOPPER, VOC_CALL, SNS, INTERVIEW.",
      },
      { index: 1, field: "nps", message: "Expected an integer." },
    ]);
  });

  it("explains the date format, the date range and the rules in English", () => {
    expect(
      detailsOf({
        observations: [
          { ...valid, observedAt: "25/11/2026" },
          { ...valid, observedAt: "2099-01-01T00:00:00Z" },
          { ...valid, experiencedScore: null },
        ],
      }),
    ).toEqual([
      { index: 0, field: "observedAt", message: expect.stringContaining("ISO 8601") },
      { index: 1, field: "observedAt", message: englishMessage("validation.observedAtRange") },
      { index: 2, field: "experiencedScore", message: "Give at least one score." },
    ]);
  });

  it("names unknown fields one by one, in an item and at the top", () => {
    expect(detailsOf({ observations: [{ ...valid, score: 5, extra: 1 }], batch: 1 })).toEqual([
      { index: 0, field: "score", message: "Unknown field." },
      { index: 0, field: "extra", message: "Unknown field." },
      { index: null, field: "batch", message: "Unknown field." },
    ]);
  });

  it("places problems of the batch itself and of the body at index null", () => {
    expect(detailsOf({ observations: Array.from({ length: 1001 }, () => valid) })).toEqual([
      { index: null, field: "observations", message: "At most 1000 items." },
    ]);
    expect(detailsOf({ observations: [] })).toEqual([
      { index: null, field: "observations", message: "At least 1 item." },
    ]);
    expect(detailsOf([valid])).toEqual([
      { index: null, field: "", message: "Expected an object." },
    ]);
    expect(detailsOf({ observations: ["x"] })).toEqual([
      { index: 0, field: "", message: "Expected an object." },
    ]);
  });
});

describe("detailsOfReferenceProblems", () => {
  it("says which kind of reference is not the organization's", () => {
    expect(
      detailsOfReferenceProblems([
        { index: 0, field: "touchpointId", message: "errors.NOT_FOUND" },
        { index: 4, field: "segmentId", message: "errors.NOT_FOUND" },
        { index: 5, field: "touchpointId", message: "errors.archivedTouchpoint" },
      ]),
    ).toEqual([
      {
        index: 0,
        field: "touchpointId",
        message: "No touchpoint with this id in your organization.",
      },
      { index: 4, field: "segmentId", message: "No segment with this id in your organization." },
      { index: 5, field: "touchpointId", message: englishMessage("errors.archivedTouchpoint") },
    ]);
    expect(englishMessage("errors.archivedTouchpoint")).toMatch(/archived/);
  });
});

describe("summarizeDetails", () => {
  it("counts problems and items, and lists at most MAX_DETAILS", () => {
    const many = Array.from({ length: MAX_DETAILS + 10 }, (_, index) => ({
      index,
      field: "touchpointId",
      message: "x",
    }));
    const summary = summarizeDetails(many, "Unknown references");
    expect(summary.details).toHaveLength(MAX_DETAILS);
    expect(summary.message).toBe(
      `Unknown references: ${MAX_DETAILS + 10} problems in ${MAX_DETAILS + 10} items; the first ${MAX_DETAILS} are listed. Nothing was stored.`,
    );
    expect(
      summarizeDetails([{ index: null, field: "observations", message: "x" }], "Invalid").message,
    ).toBe("Invalid: 1 problem. Nothing was stored.");
  });
});
