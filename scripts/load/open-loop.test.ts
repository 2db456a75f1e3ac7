import { describe, expect, it } from "vitest";
import { openLoopSchedule, runOpenLoop } from "./open-loop";

describe("openLoopSchedule", () => {
  it("gives each actor one turn every period from its own phase, 40 a second for 200 every 5 s", () => {
    const phases = [0, 0.25, 0.5, 0.999];
    let draw = 0;
    const schedule = openLoopSchedule(200, 5000, 60_000, () => phases[draw++ % phases.length]!);
    expect(schedule).toHaveLength(200 * 12);
    expect(schedule.length / 60).toBe(40);
    expect(schedule.every((s) => s.atMs >= 0 && s.atMs < 60_000)).toBe(true);
    expect(schedule.map((s) => s.atMs)).toEqual(schedule.map((s) => s.atMs).sort((a, b) => a - b));
    const ofActor = (actor: number) => schedule.filter((s) => s.actor === actor);
    expect(ofActor(1).map((s) => s.atMs)).toEqual(
      Array.from({ length: 12 }, (_, turn) => 1250 + turn * 5000),
    );
    expect(ofActor(1).map((s) => s.turn)).toEqual(Array.from({ length: 12 }, (_, turn) => turn));
    // The phases spread the actors over the period instead of all at once.
    expect(new Set(schedule.filter((s) => s.turn === 0).map((s) => s.atMs)).size).toBe(4);
  });

  it("ends a late actor's turns before the run does", () => {
    const schedule = openLoopSchedule(1, 5000, 12_000, () => 0.6);
    expect(schedule.map((s) => s.atMs)).toEqual([3000, 8000]);
  });
});

describe("runOpenLoop", () => {
  it("sends every scheduled request and counts what failed by kind", async () => {
    const schedule = openLoopSchedule(6, 2, 2, () => 0);
    const fired: number[] = [];
    const result = await runOpenLoop("sends", schedule, 1, async ({ actor }) => {
      fired.push(actor);
      if (actor === 4) throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
      return actor % 2 ? { ok: false, kind: "status 500" } : { ok: true };
    });
    expect(fired.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(result).toMatchObject({
      name: "sends",
      requests: 6,
      errors: 4,
      errorKinds: { "status 500": 3, "connection error ECONNRESET": 1 },
      perSecond: 6,
    });
  });
});
