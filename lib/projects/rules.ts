import { PHASES, type TPhase, type TPhaseFacts, type TProjectStatus } from "./schemas";

// The gates of DMAIC: a project moves one phase at a time, forward only when the phase it leaves
// has produced what the next one needs (PRODUCT.md, "DMAIC"), back whenever the team must redo
// work (a pilot that did not convince, a relapse seen by the control chart). Pure: the page
// shows the same checklist that the mutation enforces.

/** What must be true to enter a phase from the one before it. */
export type TRequirement = { key: TRequirementKey; isMet: boolean };
type TRequirementKey =
  "problem" | "target" | "owner" | "observations" | "cause" | "chosenOption" | "action" | "rollout";

export function requirementsToEnter(phase: TPhase, facts: TPhaseFacts): TRequirement[] {
  switch (phase) {
    case "DEFINE":
      return [];
    // Define -> Measure: the project's charter (what goes wrong, how much better, who answers for it).
    case "MEASURE":
      return [
        { key: "problem", isMet: facts.hasProblem },
        { key: "target", isMet: facts.hasTarget },
        { key: "owner", isMet: facts.hasOwner },
      ];
    // Measure -> Analyze: a gap measured on customers' answers, not on opinion.
    case "ANALYZE":
      return [{ key: "observations", isMet: facts.observationCount > 0 }];
    // Analyze -> Improve: why it fails and what will be done about it.
    case "IMPROVE":
      return [
        { key: "cause", isMet: facts.causeCount > 0 },
        { key: "chosenOption", isMet: facts.hasChosenOption },
      ];
    // Improve -> Control: a plan, and a rollout decided on a pilot's evidence.
    case "CONTROL":
      return [
        { key: "action", isMet: facts.actionCount > 0 },
        { key: "rollout", isMet: facts.hasRollout },
      ];
  }
}

const phaseIndex = (phase: TPhase): number => PHASES.indexOf(phase);

/**
 * Why a project may not move from `from` to `to` (a message key), or null when it may.
 * Only active projects move; one phase at a time; forward only through the gate.
 */
export function phaseMoveProblem(input: {
  from: TPhase;
  to: TPhase;
  status: TProjectStatus;
  facts: TPhaseFacts;
}): string | null {
  const { from, to, status, facts } = input;
  if (status !== "ACTIVE") return "improve.errors.projectNotActive";
  const step = phaseIndex(to) - phaseIndex(from);
  if (step === 0) return "improve.errors.samePhase";
  if (Math.abs(step) > 1) return "improve.errors.onePhaseAtATime";
  if (step < 0) return null;
  const unmet = requirementsToEnter(to, facts).find((r) => !r.isMet);
  return unmet ? `improve.errors.requirement.${unmet.key}` : null;
}

/**
 * Why a project may not take `to` as its status, or null. Done means controlled: only a project
 * in Control can be closed as done; a closed project can be reopened.
 */
export function statusChangeProblem(input: {
  phase: TPhase;
  from: TProjectStatus;
  to: TProjectStatus;
}): string | null {
  if (input.from === input.to) return "improve.errors.sameStatus";
  if (input.to === "DONE" && input.phase !== "CONTROL") return "improve.errors.doneNeedsControl";
  return null;
}

/** Closed projects (done, cancelled) take no new plan, pilot or phase move until reopened. */
export const isClosed = (status: TProjectStatus): boolean =>
  status === "DONE" || status === "CANCELLED";
