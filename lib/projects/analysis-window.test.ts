import { describe, expect, it } from "vitest";
import { analysisWindow } from "./analysis-window";

describe("analysisWindow", () => {
  it("reads the 90 days up to today while nothing has been piloted", () => {
    // 2026-09-09 … 2026-12-07 is 22 + 31 + 30 + 7 = 90 days.
    expect(analysisWindow({ today: "2026-12-07", firstPilotStart: null })).toEqual({
      from: "2026-09-09",
      to: "2026-12-07",
      basis: "LATEST",
    });
    // A pilot planned for later has not touched customers yet.
    expect(analysisWindow({ today: "2026-12-07", firstPilotStart: "2026-12-20" }).basis).toBe(
      "LATEST",
    );
  });

  it("reads the 90 days before the first pilot once one has begun: later comments describe the fix", () => {
    // First pilot on 2026-11-01: 2026-08-03 … 2026-10-31 (29 + 30 + 31 = 90 days).
    expect(analysisWindow({ today: "2026-12-07", firstPilotStart: "2026-11-01" })).toEqual({
      from: "2026-08-03",
      to: "2026-10-31",
      basis: "BEFORE_FIRST_PILOT",
    });
  });

  it("keeps the manager's own dates", () => {
    const chosen = { from: "2026-01-01", to: "2026-03-31" };
    expect(analysisWindow({ today: "2026-12-07", firstPilotStart: "2026-11-01", chosen })).toEqual({
      ...chosen,
      basis: "CHOSEN",
    });
  });
});
