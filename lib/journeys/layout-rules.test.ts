import { describe, expect, it } from "vitest";
import { isCompleteLayout, moveItem } from "./layout-rules";

const current = { stageIds: ["s1", "s2"], touchpointIds: ["t1", "t2", "t3"] };

describe("isCompleteLayout", () => {
  it("accepts every stage and touchpoint exactly once, in any order and any stage", () => {
    expect(
      isCompleteLayout(current, [
        { stageId: "s2", touchpointIds: ["t3", "t1"] },
        { stageId: "s1", touchpointIds: ["t2"] },
      ]),
    ).toBe(true);
    expect(
      isCompleteLayout(current, [
        { stageId: "s1", touchpointIds: [] },
        { stageId: "s2", touchpointIds: ["t1", "t2", "t3"] },
      ]),
    ).toBe(true);
  });

  it("refuses a missing, duplicated or foreign item", () => {
    expect(isCompleteLayout(current, [{ stageId: "s1", touchpointIds: ["t1", "t2", "t3"] }])).toBe(
      false,
    );
    expect(
      isCompleteLayout(current, [
        { stageId: "s1", touchpointIds: ["t1", "t1"] },
        { stageId: "s2", touchpointIds: ["t2", "t3"] },
      ]),
    ).toBe(false);
    expect(
      isCompleteLayout(current, [
        { stageId: "s1", touchpointIds: ["t1", "t2"] },
        { stageId: "s2", touchpointIds: ["t3", "t9"] },
      ]),
    ).toBe(false);
    expect(
      isCompleteLayout(current, [
        { stageId: "s1", touchpointIds: ["t1", "t2", "t3"] },
        { stageId: "s1", touchpointIds: [] },
      ]),
    ).toBe(false);
  });
});

describe("moveItem", () => {
  it("moves an item and keeps the others in order", () => {
    expect(moveItem(["a", "b", "c", "d"], 0, 2)).toEqual(["b", "c", "a", "d"]);
    expect(moveItem(["a", "b", "c", "d"], 3, 1)).toEqual(["a", "d", "b", "c"]);
  });

  it("leaves the list as it is for a move out of range", () => {
    expect(moveItem(["a", "b"], 1, 2)).toEqual(["a", "b"]);
    expect(moveItem(["a", "b"], -1, 0)).toEqual(["a", "b"]);
  });
});
