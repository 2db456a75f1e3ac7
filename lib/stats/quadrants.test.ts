import { describe, expect, it } from "vitest";
import { meanCuts, quadrantOf } from "./quadrants";

describe("quadrantOf (Martilla & James 1977)", () => {
  const cuts = { importance: 0.5, performance: -0.3 };
  it("names the four quadrants", () => {
    expect(quadrantOf(0.8, -1.0, cuts)).toBe("CONCENTRATE_HERE");
    expect(quadrantOf(0.8, 0.2, cuts)).toBe("KEEP_UP_THE_GOOD_WORK");
    expect(quadrantOf(0.2, -1.0, cuts)).toBe("LOW_PRIORITY");
    expect(quadrantOf(0.2, 0.2, cuts)).toBe("POSSIBLE_OVERKILL");
  });

  it("counts a point on a cut as high", () => {
    expect(quadrantOf(0.5, -0.3, cuts)).toBe("KEEP_UP_THE_GOOD_WORK");
  });
});

describe("meanCuts", () => {
  it("cuts at the means of the points, or gives null without points", () => {
    expect(
      meanCuts([
        { importance: 0.2, performance: -1 },
        { importance: 0.8, performance: 0 },
      ]),
    ).toEqual({ importance: 0.5, performance: -0.5 });
    expect(meanCuts([])).toBeNull();
  });
});
