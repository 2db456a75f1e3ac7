import { describe, expect, it } from "vitest";
import { readRecordAnswer, sendOutcomeOf } from "@/scripts/load/action-answer";

// Bodies as Next.js 16 sent them for recordObservationsAction (captured from `next start`).
const rsc = (result: unknown) =>
  `0:{"a":"$@1","q":"","i":false,"b":"IckMxy0rOzwHc9b2kN82s"}\n1:${JSON.stringify(result)}\n`;

describe("readRecordAnswer (the load script's reading of a server action's answer)", () => {
  it("reads a stored entry and a retried one", () => {
    expect(readRecordAnswer(rsc({ ok: true, data: { created: 1, duplicates: 0 } }))).toEqual({
      ok: true,
      created: 1,
      duplicates: 0,
    });
    expect(readRecordAnswer(rsc({ ok: true, data: { created: 0, duplicates: 1 } }))).toEqual({
      ok: true,
      created: 0,
      duplicates: 1,
    });
  });

  it("reads a refusal with its code", () => {
    const refused = rsc({
      ok: false,
      code: "VALIDATION",
      error: "errors.VALIDATION",
      fieldErrors: { "observations.0.touchpointId": ["errors.NOT_FOUND"] },
    });
    expect(readRecordAnswer(refused)).toEqual({ ok: false, code: "VALIDATION" });
    expect(
      readRecordAnswer(
        rsc({ ok: false, code: "INTERNAL", error: "errors.INTERNAL", fieldErrors: {} }),
      ),
    ).toEqual({ ok: false, code: "INTERNAL" });
  });

  it("counts anything else as unreadable, never as stored", () => {
    expect(readRecordAnswer("<!DOCTYPE html><html></html>")).toEqual({
      ok: false,
      code: "UNREADABLE_ANSWER",
    });
    expect(readRecordAnswer(rsc({ ok: true, data: null }))).toEqual({
      ok: false,
      code: "UNREADABLE_ANSWER",
    });
    expect(readRecordAnswer('0:{"a":"$@1"}\n1:{"ok":tr')).toEqual({
      ok: false,
      code: "UNREADABLE_ANSWER",
    });
  });
});

describe("sendOutcomeOf (a frontline send acknowledged or not)", () => {
  it("acknowledges a stored entry and a retried one", () => {
    expect(sendOutcomeOf(200, rsc({ ok: true, data: { created: 1, duplicates: 0 } }))).toEqual({
      ok: true,
    });
    expect(sendOutcomeOf(200, rsc({ ok: true, data: { created: 0, duplicates: 1 } }))).toEqual({
      ok: true,
    });
  });

  it("names what went wrong otherwise", () => {
    const stored = rsc({ ok: true, data: { created: 1, duplicates: 0 } });
    expect(sendOutcomeOf(500, stored)).toEqual({ ok: false, kind: "status 500" });
    expect(sendOutcomeOf(200, rsc({ ok: false, code: "FORBIDDEN" }))).toEqual({
      ok: false,
      kind: "action FORBIDDEN",
    });
    expect(sendOutcomeOf(200, rsc({ ok: true, data: { created: 0, duplicates: 0 } }))).toEqual({
      ok: false,
      kind: "answer without the entry",
    });
  });
});
