import { describe, expect, it } from "vitest";
import { moveStage, placeTouchpoint, sameLayout, stepTouchpoint } from "./layout-moves";

const layout = [
  { stageId: "s1", touchpointIds: ["a", "b"] },
  { stageId: "s2", touchpointIds: [] },
  { stageId: "s3", touchpointIds: ["c"] },
];

describe("layout moves", () => {
  it("moves a stage left or right and not past the ends", () => {
    expect(moveStage(layout, "s1", 1).map((s) => s.stageId)).toEqual(["s2", "s1", "s3"]);
    expect(moveStage(layout, "s1", -1).map((s) => s.stageId)).toEqual(["s1", "s2", "s3"]);
  });

  it("steps a touchpoint within its stage, then on into the neighbouring stage, empty ones included", () => {
    expect(stepTouchpoint(layout, "a", 1)[0]?.touchpointIds).toEqual(["b", "a"]);
    const intoEmpty = stepTouchpoint(layout, "b", 1);
    expect(intoEmpty.map((s) => s.touchpointIds)).toEqual([["a"], ["b"], ["c"]]);
    expect(stepTouchpoint(layout, "c", -1).map((s) => s.touchpointIds)).toEqual([
      ["a", "b"],
      ["c"],
      [],
    ]);
    expect(sameLayout(stepTouchpoint(layout, "a", -1), layout)).toBe(true);
    expect(sameLayout(stepTouchpoint(layout, "c", 1), layout)).toBe(true);
  });

  it("places a touchpoint in another stage at an index, clamped", () => {
    expect(placeTouchpoint(layout, "a", "s3", 0).map((s) => s.touchpointIds)).toEqual([
      ["b"],
      [],
      ["a", "c"],
    ]);
    expect(placeTouchpoint(layout, "a", "s3", 99).map((s) => s.touchpointIds)).toEqual([
      ["b"],
      [],
      ["c", "a"],
    ]);
  });
});
