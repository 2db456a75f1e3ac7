import { describe, expect, it } from "vitest";
import { isClosed, phaseMoveProblem, requirementsToEnter, statusChangeProblem } from "./rules";
import type { TPhaseFacts } from "./schemas";

const NOTHING: TPhaseFacts = {
  hasProblem: false,
  hasTarget: false,
  hasOwner: false,
  observationCount: 0,
  causeCount: 0,
  hasChosenOption: false,
  actionCount: 0,
  hasRollout: false,
};
const EVERYTHING: TPhaseFacts = {
  hasProblem: true,
  hasTarget: true,
  hasOwner: true,
  observationCount: 40,
  causeCount: 2,
  hasChosenOption: true,
  actionCount: 3,
  hasRollout: true,
};

describe("the DMAIC phase gates", () => {
  it("asks for a charter to measure, data to analyze, causes and a chosen option to improve, a plan and a rollout to control", () => {
    expect(requirementsToEnter("DEFINE", NOTHING)).toEqual([]);
    expect(requirementsToEnter("MEASURE", NOTHING).map((r) => r.key)).toEqual([
      "problem",
      "target",
      "owner",
    ]);
    expect(requirementsToEnter("ANALYZE", NOTHING).map((r) => r.key)).toEqual(["observations"]);
    expect(requirementsToEnter("IMPROVE", NOTHING).map((r) => r.key)).toEqual([
      "cause",
      "chosenOption",
    ]);
    expect(requirementsToEnter("CONTROL", NOTHING).map((r) => r.key)).toEqual([
      "action",
      "rollout",
    ]);
    expect(requirementsToEnter("IMPROVE", { ...NOTHING, causeCount: 1 })).toEqual([
      { key: "cause", isMet: true },
      { key: "chosenOption", isMet: false },
    ]);
  });

  it("moves forward one phase through a met gate, and names the first unmet requirement otherwise", () => {
    expect(
      phaseMoveProblem({ from: "DEFINE", to: "MEASURE", status: "ACTIVE", facts: EVERYTHING }),
    ).toBeNull();
    expect(
      phaseMoveProblem({
        from: "DEFINE",
        to: "MEASURE",
        status: "ACTIVE",
        facts: { ...EVERYTHING, hasTarget: false },
      }),
    ).toBe("improve.errors.requirement.target");
    expect(
      phaseMoveProblem({
        from: "ANALYZE",
        to: "IMPROVE",
        status: "ACTIVE",
        facts: { ...EVERYTHING, hasChosenOption: false },
      }),
    ).toBe("improve.errors.requirement.chosenOption");
    expect(
      phaseMoveProblem({
        from: "IMPROVE",
        to: "CONTROL",
        status: "ACTIVE",
        facts: { ...EVERYTHING, hasRollout: false },
      }),
    ).toBe("improve.errors.requirement.rollout");
  });

  it("refuses skipping a phase, staying put, and moving a project that is not active; going back is always open", () => {
    expect(
      phaseMoveProblem({ from: "DEFINE", to: "ANALYZE", status: "ACTIVE", facts: EVERYTHING }),
    ).toBe("improve.errors.onePhaseAtATime");
    expect(
      phaseMoveProblem({ from: "CONTROL", to: "ANALYZE", status: "ACTIVE", facts: EVERYTHING }),
    ).toBe("improve.errors.onePhaseAtATime");
    expect(
      phaseMoveProblem({ from: "MEASURE", to: "MEASURE", status: "ACTIVE", facts: EVERYTHING }),
    ).toBe("improve.errors.samePhase");
    expect(
      phaseMoveProblem({ from: "MEASURE", to: "ANALYZE", status: "ON_HOLD", facts: EVERYTHING }),
    ).toBe("improve.errors.projectNotActive");
    expect(
      phaseMoveProblem({ from: "CONTROL", to: "IMPROVE", status: "ACTIVE", facts: NOTHING }),
    ).toBeNull();
  });

  it("closes a project as done only from Control, and reopens a closed one", () => {
    expect(statusChangeProblem({ phase: "IMPROVE", from: "ACTIVE", to: "DONE" })).toBe(
      "improve.errors.doneNeedsControl",
    );
    expect(statusChangeProblem({ phase: "CONTROL", from: "ACTIVE", to: "DONE" })).toBeNull();
    expect(statusChangeProblem({ phase: "ANALYZE", from: "ACTIVE", to: "CANCELLED" })).toBeNull();
    expect(statusChangeProblem({ phase: "ANALYZE", from: "CANCELLED", to: "ACTIVE" })).toBeNull();
    expect(statusChangeProblem({ phase: "ANALYZE", from: "ON_HOLD", to: "ON_HOLD" })).toBe(
      "improve.errors.sameStatus",
    );
    expect([
      isClosed("DONE"),
      isClosed("CANCELLED"),
      isClosed("ACTIVE"),
      isClosed("ON_HOLD"),
    ]).toEqual([true, true, false, false]);
  });
});
