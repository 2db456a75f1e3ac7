import { describe, expect, it } from "vitest";
import { ZClientId } from "@/lib/observations/schemas";
import { createClientIdSequence, fingerprintRow } from "./client-id";

const row = {
  touchpointId: "tp1",
  driverId: null,
  segmentId: "seg1",
  siteId: null,
  source: "SURVEY" as const,
  observedAt: new Date("2026-11-20T00:00:00Z"),
  expectationScore: 6,
  experiencedScore: 4,
  emotionalScore: null,
  nps: 7,
  csat: null,
  ces: null,
  comment: "줄이 길었어요",
};

const FILE = "a".repeat(64);

describe("the clientId of an imported row", () => {
  it("is the same for the same row in another run (a re-import adds nothing)", () => {
    const first = createClientIdSequence()(fingerprintRow(row, null, FILE));
    const again = createClientIdSequence()(
      fingerprintRow({ ...row, observedAt: new Date(row.observedAt) }, null, FILE),
    );
    expect(again).toBe(first);
    expect(ZClientId.safeParse(first).success).toBe(true);
    expect(first).toMatch(/^import:[0-9a-f]{32}:1$/);
  });

  it("differs when any stored value or the response id differs", () => {
    const base = fingerprintRow(row, null, FILE);
    for (const changed of [
      { nps: 8 },
      { comment: "줄이 길었어요!" },
      { observedAt: new Date("2026-11-20T00:00:01Z") },
      { segmentId: null },
      { csat: 4 },
    ]) {
      expect(fingerprintRow({ ...row, ...changed }, null, FILE), JSON.stringify(changed)).not.toBe(
        base,
      );
    }
    expect(fingerprintRow(row, "R-1", FILE)).not.toBe(base);
    expect(fingerprintRow(row, "R-1", FILE)).not.toBe(fingerprintRow(row, "R-2", FILE));
  });

  it("without a response id, tells the same answers in two different files apart (two exports are two sets of customers)", () => {
    expect(fingerprintRow(row, null, FILE)).not.toBe(fingerprintRow(row, null, "b".repeat(64)));
    // With a response id, the file does not matter: a corrected copy is recognised row by row.
    expect(fingerprintRow(row, "R-1", FILE)).toBe(fingerprintRow(row, "R-1", "b".repeat(64)));
  });

  it("numbers identical rows of one file by occurrence, and counts again in the next file", () => {
    const next = createClientIdSequence();
    const fingerprint = fingerprintRow(row, null, FILE);
    const other = fingerprintRow({ ...row, nps: 9 }, null, FILE);
    const ids = [next(fingerprint), next(other), next(fingerprint), next(fingerprint)];
    expect(ids.map((id) => id.split(":")[2])).toEqual(["1", "1", "2", "3"]);
    expect(new Set(ids).size).toBe(4);
    const rerun = createClientIdSequence();
    expect([rerun(fingerprint), rerun(other), rerun(fingerprint), rerun(fingerprint)]).toEqual(ids);
  });
});
