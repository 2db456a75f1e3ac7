import { describe, expect, it } from "vitest";
import { daysInclusive } from "@/lib/dates/local-days";
import { BASELINE_DAYS } from "@/lib/pilots/planning";
import {
  analysisWindow,
  BEFORE_DAYS,
  beforeWindow,
  EVALUATION_DAYS,
  evaluationWindow,
  firstContactDay,
} from "./windows";

describe("the windows a project's change is judged on", () => {
  it("count 'before' as the 90 days before the project's first pilot, the days its plan read", () => {
    // Hand-worked: a first pilot starting 2026-03-01 has before = 2025-12-01 to 2026-02-28,
    // December (31) + January (31) + February 2026 (28) = 90 days, the last one the day before.
    expect(BEFORE_DAYS).toBe(BASELINE_DAYS);
    expect(beforeWindow("2026-03-01")).toEqual({ from: "2025-12-01", to: "2026-02-28" });
    expect(daysInclusive("2025-12-01", "2026-02-28")).toBe(90);
    // The earliest pilot counts, whatever order the pilots come in; without one, the project's start.
    expect(firstContactDay(["2026-05-04", "2026-03-01", "2026-04-01"], "2026-01-15")).toBe(
      "2026-03-01",
    );
    expect(firstContactDay([], "2026-01-15")).toBe("2026-01-15");
  });

  it("fix the 'after' at 28 days from the rollout day, judged from the day after the last", () => {
    // Rollout 2026-03-29: the window is 2026-03-29 … 2026-04-25 (3 days of March + 25 of April = 28).
    expect(EVALUATION_DAYS).toBe(28);
    expect(evaluationWindow("2026-03-29", "2026-03-28")).toBeNull();
    expect(evaluationWindow("2026-03-29", "2026-03-29")).toEqual({
      observed: { from: "2026-03-29", to: "2026-03-29" },
      evaluation: { to: "2026-04-25", isComplete: false, verdictDay: "2026-04-26" },
    });
    // On its last day the window is not complete yet: that day's answers are still coming in.
    expect(evaluationWindow("2026-03-29", "2026-04-25")).toEqual({
      observed: { from: "2026-03-29", to: "2026-04-25" },
      evaluation: { to: "2026-04-25", isComplete: false, verdictDay: "2026-04-26" },
    });
    // From then on the window stays where it is, however long ago the rollout was.
    for (const today of ["2026-04-26", "2026-06-30", "2027-03-29"]) {
      expect(evaluationWindow("2026-03-29", today)).toEqual({
        observed: { from: "2026-03-29", to: "2026-04-25" },
        evaluation: { to: "2026-04-25", isComplete: true, verdictDay: "2026-04-26" },
      });
    }
  });
});

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
