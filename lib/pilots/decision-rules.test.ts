import { describe, expect, it } from "vitest";
import { decisionDaysProblem, MAX_ROLLOUT_LEAD_DAYS } from "./decision-rules";
import { MAX_PILOT_DAYS } from "./schemas";

const pilot = {
  startDay: "2026-03-01",
  endDay: "2026-03-14",
  today: "2026-03-20",
  extendToDay: null,
  rolloutDay: null,
};

describe("the days a pilot decision names", () => {
  it("extends a pilot to at most MAX_PILOT_DAYS from its first day", () => {
    // 2026-03-01 + 365 days = 2027-03-01: the 366th day is the last allowed.
    expect(MAX_PILOT_DAYS).toBe(366);
    expect(
      decisionDaysProblem({ ...pilot, decision: "EXTEND", extendToDay: "2027-03-01" }),
    ).toBeNull();
    expect(
      decisionDaysProblem({ ...pilot, decision: "EXTEND", extendToDay: "2027-03-02" }),
    ).toEqual({ extendToDay: ["improve.errors.extendTooLong"] });
    expect(
      decisionDaysProblem({ ...pilot, decision: "EXTEND", extendToDay: "9999-12-31" }),
    ).toEqual({ extendToDay: ["improve.errors.extendTooLong"] });
    expect(
      decisionDaysProblem({ ...pilot, decision: "EXTEND", extendToDay: "2026-03-14" }),
    ).toEqual({ extendToDay: ["improve.errors.extendAfterEnd"] });
  });

  it("rolls out between the pilot's first day and MAX_ROLLOUT_LEAD_DAYS from today", () => {
    expect(MAX_ROLLOUT_LEAD_DAYS).toBe(30);
    expect(
      decisionDaysProblem({ ...pilot, decision: "ROLLOUT", rolloutDay: "2026-03-01" }),
    ).toBeNull();
    expect(
      decisionDaysProblem({ ...pilot, decision: "ROLLOUT", rolloutDay: "2026-04-19" }),
    ).toBeNull();
    expect(
      decisionDaysProblem({ ...pilot, decision: "ROLLOUT", rolloutDay: "2026-04-20" }),
    ).toEqual({ rolloutDay: ["improve.errors.rolloutTooLate"] });
    expect(
      decisionDaysProblem({ ...pilot, decision: "ROLLOUT", rolloutDay: "2026-02-28" }),
    ).toEqual({ rolloutDay: ["improve.errors.rolloutBeforeStart"] });
  });

  it("takes no decision before the pilot's first day", () => {
    expect(decisionDaysProblem({ ...pilot, today: "2026-02-28", decision: "NO_ROLLOUT" })).toEqual({
      decision: ["improve.errors.pilotNotStarted"],
    });
    expect(decisionDaysProblem({ ...pilot, decision: "NO_ROLLOUT" })).toBeNull();
  });
});
