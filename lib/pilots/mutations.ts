import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { conflict, invalid, notFound } from "@/lib/errors";
import { ensureControlChartUnchecked } from "@/lib/control/mutations";
import { addDays, localDayOf, startOfLocalDay } from "@/lib/dates/local-days";
import { parseInput } from "@/lib/validation";
import { loadPhaseFacts } from "@/lib/projects/facts";
import { assertOpenProject, writeProjectHistory } from "@/lib/projects/projects";
import { phaseMoveProblem } from "@/lib/projects/rules";
import { decisionDaysProblem } from "./decision-rules";
import { isRetrospective, planPilot, planSitesOf } from "./planning";
import { getPilot } from "./queries";
import { readPilotBaseline } from "./results";
import {
  ZPilotCreateInput,
  ZPilotDecisionInput,
  ZPilotDeleteInput,
  type TPilotCreateInput,
  type TPilotDecisionInput,
  type TPilotDecisionResult,
  type TPilotDeleteInput,
} from "./schemas";

// Pilots (Improve): planned with a power analysis, judged by a test, decided by a manager. Each
// change is an entry of the project's history (entityType "ImprovementProject").

/** A control chart's limits come from the days right after a rollout: this many, from the rollout day. */
export const CONTROL_BASELINE_DAYS = 14;

/** Pilots belong to the Improve phase (and to Control, for a further round on a rolled-out fix). */
const PILOT_PHASES = ["IMPROVE", "CONTROL"];

/**
 * Plans a pilot on one of the project's touchpoints. The observations each group needs are
 * computed here from the touchpoint's observations before the pilot's first day (the same
 * functions the form runs live), so the stored plan cannot be made up, nor read from the pilot's
 * own data. A pilot over days already past is allowed and marked retrospective.
 */
export async function createPilot(
  actor: TActor,
  input: TPilotCreateInput,
): Promise<{ id: string; plannedPerGroup: number | null }> {
  assertCan(actor, "project:write");
  const p = parseInput(ZPilotCreateInput, input);
  const touchpoint = await db.projectTouchpoint.findFirst({
    where: {
      organizationId: actor.organizationId,
      projectId: p.projectId,
      touchpointId: p.touchpointId,
    },
    select: { touchpoint: { select: { journeyId: true } } },
  });
  const baseline = touchpoint
    ? await readPilotBaseline(
        actor.organizationId,
        touchpoint.touchpoint.journeyId,
        p.touchpointId,
        p.startDay,
      )
    : null;
  // A control-site pilot plans for the site-adjusted test over its chosen sites (planning.ts).
  const plan = baseline
    ? planPilot(
        p.metric,
        baseline.totals,
        p.targetEffect,
        planSitesOf(baseline, p.design, p.pilotSiteIds, p.controlSiteIds),
      )
    : null;
  if (plan && "problem" in plan && plan.problem === "EFFECT_OUT_OF_RANGE")
    throw invalid({ targetEffect: ["improve.errors.effectTooLarge"] });
  const plannedPerGroup = plan && "perGroup" in plan ? plan.perGroup : null;

  return db.$transaction(async (tx) => {
    const project = await assertOpenProject(tx, actor, p.projectId);
    if (!PILOT_PHASES.includes(project.phase))
      throw invalid({ form: ["improve.errors.pilotNeedsImprove"] });
    if (!touchpoint) {
      const exists = await tx.touchpoint.findFirst({
        where: { id: p.touchpointId, organizationId: actor.organizationId },
        select: { id: true },
      });
      if (!exists) throw notFound("touchpointId");
      throw invalid({ touchpointId: ["improve.errors.touchpointNotInProject"] });
    }
    const siteIds = [...p.pilotSiteIds, ...(p.design === "CONTROL_SITES" ? p.controlSiteIds : [])];
    const found = await tx.site.count({
      where: { id: { in: siteIds }, organizationId: actor.organizationId },
    });
    if (found !== siteIds.length) throw notFound("pilotSiteIds");
    const isBeforeAfter = p.design === "BEFORE_AFTER";
    const today = localDayOf(new Date());
    const pilot = await tx.pilot.create({
      data: {
        organizationId: actor.organizationId,
        projectId: p.projectId,
        touchpointId: p.touchpointId,
        name: p.name,
        metric: p.metric,
        targetEffect: p.targetEffect,
        startsAt: startOfLocalDay(p.startDay),
        endsAt: startOfLocalDay(p.endDay),
        baselineStartsAt: isBeforeAfter ? startOfLocalDay(p.baselineStartDay!) : null,
        baselineEndsAt: isBeforeAfter ? startOfLocalDay(p.baselineEndDay!) : null,
        plannedPerGroup,
        isExploratory: p.isExploratory,
        status: today < p.startDay ? "PLANNED" : "RUNNING",
        sites: {
          create: [
            ...p.pilotSiteIds.map((siteId) => ({
              organizationId: actor.organizationId,
              siteId,
              group: "PILOT" as const,
            })),
            ...(isBeforeAfter
              ? []
              : p.controlSiteIds.map((siteId) => ({
                  organizationId: actor.organizationId,
                  siteId,
                  group: "CONTROL" as const,
                }))),
          ],
        },
      },
      select: { id: true },
    });
    await writeProjectHistory(tx, actor, p.projectId, "pilot.create", {
      pilotId: pilot.id,
      name: p.name,
      metric: p.metric,
      targetEffect: p.targetEffect,
      design: p.design,
      startDay: p.startDay,
      endDay: p.endDay,
      baselineFrom: baseline?.from ?? null,
      baselineTo: baseline?.to ?? null,
      plannedPerGroup,
      planProblem: plan && "problem" in plan ? plan.problem : null,
      plannedDesignEffect:
        plan && "perGroup" in plan ? (plan.clustering?.designEffect ?? null) : null,
      isExploratory: p.isExploratory,
      isRetrospective: isRetrospective(p.startDay, today),
    });
    return { id: pilot.id, plannedPerGroup };
  });
}

/**
 * Records the manager's decision, once: a second ROLLOUT or NO_ROLLOUT is refused (EXTEND keeps
 * the pilot open and may be followed by a final decision). Rolling out against the evidence
 * needs a note saying why. ROLLOUT sets up the control chart of the pilot's touchpoint, its
 * limits from the CONTROL_BASELINE_DAYS days from the rollout day, and moves the project to
 * Control when the gate allows it (rules.ts, on the facts as they are after the decision); when
 * it does not, the decision stands and the project stays in Improve until the gate is met.
 */
export async function decidePilot(
  actor: TActor,
  input: TPilotDecisionInput,
): Promise<TPilotDecisionResult> {
  assertCan(actor, "project:write");
  const d = parseInput(ZPilotDecisionInput, input);
  // The verdict as the manager saw it; read outside the transaction (aggregations only read).
  const pilot = await getPilot(actor, d.pilotId);
  const today = localDayOf(new Date());
  const rolloutDay = d.decision === "ROLLOUT" ? (d.rolloutDay ?? pilot.defaultRolloutDay) : null;
  const dayProblem = decisionDaysProblem({
    decision: d.decision,
    startDay: pilot.startDay,
    endDay: pilot.endDay,
    today,
    extendToDay: d.extendToDay,
    rolloutDay,
  });
  if (dayProblem) throw invalid(dayProblem);
  if (d.decision === "ROLLOUT" && pilot.outcome.verdict !== "IMPROVED" && d.note === "")
    throw invalid({ note: ["improve.errors.noteAgainstEvidence"] });

  return db.$transaction(async (tx) => {
    const project = await assertOpenProject(tx, actor, pilot.projectId);
    if (d.decision === "ROLLOUT" && !PILOT_PHASES.includes(project.phase))
      throw invalid({ decision: ["improve.errors.pilotNeedsImprove"] });
    const decidedAt = new Date();
    // The guard and the write are one statement: of two managers deciding at once, one wins.
    const { count } = await tx.pilot.updateMany({
      where: {
        id: pilot.id,
        organizationId: actor.organizationId,
        OR: [{ decision: null }, { decision: "EXTEND" }],
      },
      data: {
        decision: d.decision,
        decisionNote: d.note,
        decidedById: actor.id,
        decidedAt,
        status: d.decision === "EXTEND" ? "RUNNING" : "COMPLETED",
        ...(d.decision === "EXTEND" ? { endsAt: startOfLocalDay(d.extendToDay!) } : {}),
        ...(rolloutDay ? { rolloutAt: startOfLocalDay(rolloutDay) } : {}),
      },
    });
    if (count === 0) throw conflict("improve.errors.alreadyDecided");
    const { outcome } = pilot;
    await writeProjectHistory(tx, actor, pilot.projectId, "pilot.decide", {
      pilotId: pilot.id,
      name: pilot.name,
      decision: d.decision,
      note: d.note,
      verdict: outcome.verdict,
      difference: outcome.difference?.value ?? null,
      pValue: outcome.difference?.pValue ?? null,
      pilotN: outcome.pilot.n,
      controlN: outcome.control.n,
      rolloutDay,
      extendToDay: d.extendToDay,
    });
    if (d.decision !== "ROLLOUT" || !rolloutDay)
      return { decision: d.decision, controlChartId: null, heldInImprove: null };

    // The same gate a manual move passes, on the facts as they are now (this rollout included).
    let heldInImprove: string | null = null;
    if (project.phase !== "CONTROL") {
      const facts = (await loadPhaseFacts(tx, actor.organizationId, pilot.projectId))!;
      heldInImprove = phaseMoveProblem({
        from: project.phase,
        to: "CONTROL",
        status: project.status,
        facts,
      });
      if (!heldInImprove) {
        // Bumping the version makes an editor who loaded the project before the rollout reload.
        await tx.improvementProject.update({
          where: { id: pilot.projectId },
          data: { phase: "CONTROL", version: { increment: 1 } },
        });
        await writeProjectHistory(tx, actor, pilot.projectId, "project.phase", {
          from: project.phase,
          to: "CONTROL",
          pilotId: pilot.id,
        });
      }
    }
    // The rollout takes effect whatever the phase: the chart watches the touchpoint from its day on.
    const chart = await ensureControlChartUnchecked(tx, {
      organizationId: actor.organizationId,
      projectId: pilot.projectId,
      touchpointId: pilot.touchpoint.id,
      // Control charts watch means and shares; an NPS pilot's touchpoint is watched on its mean experience.
      metric: pilot.metric === "CSAT" ? "CSAT" : "MEAN_EXPERIENCE",
      baselineFrom: startOfLocalDay(rolloutDay),
      baselineTo: startOfLocalDay(addDays(rolloutDay, CONTROL_BASELINE_DAYS - 1)),
      createdById: actor.id,
    });
    await writeProjectHistory(tx, actor, pilot.projectId, "control.chart", {
      controlChartId: chart.id,
      touchpointId: pilot.touchpoint.id,
      baselineFrom: rolloutDay,
      baselineTo: addDays(rolloutDay, CONTROL_BASELINE_DAYS - 1),
    });
    return { decision: d.decision, controlChartId: chart.id, heldInImprove };
  });
}

/** A pilot nobody has decided on yet can be withdrawn. */
export async function deletePilot(
  actor: TActor,
  input: TPilotDeleteInput,
): Promise<{ projectId: string }> {
  assertCan(actor, "project:write");
  const { pilotId } = parseInput(ZPilotDeleteInput, input);
  return db.$transaction(async (tx) => {
    const pilot = await tx.pilot.findFirst({
      where: { id: pilotId, organizationId: actor.organizationId },
      select: { projectId: true, name: true, decision: true },
    });
    if (!pilot) throw notFound("pilotId");
    await assertOpenProject(tx, actor, pilot.projectId);
    const { count } = await tx.pilot.deleteMany({
      where: { id: pilotId, organizationId: actor.organizationId, decision: null },
    });
    if (count === 0) throw conflict("improve.errors.decidedPilotKept");
    await writeProjectHistory(tx, actor, pilot.projectId, "pilot.delete", {
      pilotId,
      name: pilot.name,
    });
    return { projectId: pilot.projectId };
  });
}
