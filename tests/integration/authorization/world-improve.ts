import { db } from "@/lib/db/client";
import { createControlChart } from "@/lib/control/mutations";
import { recordObservations } from "@/lib/observations/mutations";
import { createPilot } from "@/lib/pilots/mutations";
import { saveActionItem } from "@/lib/projects/action-items";
import { openAnalysis } from "@/lib/projects/analysis";
import { addDays, localDayOf, startOfLocalDay } from "@/lib/dates/local-days";
import { createProject } from "@/lib/projects/projects";
import { savePromise } from "@/lib/promises/mutations";
import { freshTouchpoint, type TOrg } from "./world";

// Fresh Improve, Control and service-promise objects for the access table, made through the
// domain functions by the organization's own manager. Where a phase gate stands between a new
// project and the state a call needs, the fixture sets the phase directly: the gates have their
// own tests (improve.int.test.ts); here only who may act matters.

let sequence = 0;
const next = (label: string) => `${label} ${++sequence}`;
const today = () => localDayOf(new Date());
export const dayFromToday = (offset: number) => addDays(today(), offset);

/** A project in Define with its charter filled in (so it may move on to Measure). */
export async function freshProject(org: TOrg) {
  const { id } = await createProject(org.users.MANAGER, {
    title: next("Project"),
    problem: "Customers wait too long",
    targetGapClosed: 1,
    touchpointIds: [org.journey.mot],
  });
  return { projectId: id, version: 1 };
}

export async function freshActionItem(org: TOrg) {
  const { projectId } = await freshProject(org);
  const { id } = await saveActionItem(org.users.MANAGER, {
    projectId,
    dimension: "PRODUCT_SERVICE",
    description: next("Action"),
  });
  return { projectId, actionItemId: id };
}

/** A project in Improve on a touchpoint of its own: where pilots are run. */
export async function freshImprovingProject(org: TOrg) {
  const { touchpointId } = await freshTouchpoint(org);
  const { projectId } = await openAnalysis(org.users.MANAGER, { touchpointId });
  await db.improvementProject.update({ where: { id: projectId }, data: { phase: "IMPROVE" } });
  return { projectId, touchpointId };
}

/** A before/after pilot that ran from ten days ago to yesterday, undecided. */
export function pilotInput(org: TOrg, target: { projectId: string; touchpointId: string }) {
  return {
    ...target,
    name: next("Pilot"),
    metric: "MEAN_EXPERIENCE" as const,
    targetEffect: 0.5,
    design: "BEFORE_AFTER" as const,
    startDay: dayFromToday(-10),
    endDay: dayFromToday(-1),
    pilotSiteIds: [org.siteId],
    baselineStartDay: dayFromToday(-30),
    baselineEndDay: dayFromToday(-20),
  };
}

export async function freshPilot(org: TOrg) {
  const { id } = await createPilot(
    org.users.MANAGER,
    pilotInput(org, await freshImprovingProject(org)),
  );
  return { pilotId: id };
}

export const chartInput = (touchpointId: string) => ({
  touchpointId,
  metric: "MEAN_EXPERIENCE" as const,
  subgroup: "DAY" as const,
  baselineFrom: dayFromToday(-60),
  baselineTo: dayFromToday(-31),
});

export async function freshControlChart(org: TOrg) {
  const { touchpointId } = await freshTouchpoint(org);
  const { id } = await createControlChart(org.users.MANAGER, chartInput(touchpointId));
  return { chartId: id, touchpointId };
}

// Eight answers a day in control for the baseline, then three relapsed days: a 3-sigma drop today.
const IN_CONTROL = [
  [4, 5, 6, 5, 4, 6, 5, 5],
  [5, 6, 6, 5, 5, 6, 5, 6],
  [4, 5, 5, 5, 4, 6, 5, 4],
  [4, 4, 5, 5, 4, 6, 5, 4],
];
const RELAPSED = [2, 3, 3, 2, 3, 3, 2, 3];
const noonOf = (day: string) => new Date(startOfLocalDay(day).getTime() + 12 * 3_600_000);

/** A finished project whose control chart alerts today: it may be reopened. */
export async function freshRelapsedProject(org: TOrg) {
  const { touchpointId } = await freshTouchpoint(org);
  const observations = [];
  for (let offset = -60; offset <= 0; offset += 1) {
    const scores = offset > -3 ? RELAPSED : IN_CONTROL[(offset + 60) % IN_CONTROL.length]!;
    for (const score of scores)
      observations.push({
        touchpointId,
        source: "SURVEY" as const,
        observedAt: noonOf(dayFromToday(offset)),
        experiencedScore: score,
      });
  }
  await recordObservations(org.users.MANAGER, { observations });
  const { projectId } = await openAnalysis(org.users.MANAGER, { touchpointId });
  await db.improvementProject.update({
    where: { id: projectId },
    data: { phase: "CONTROL", status: "DONE" },
  });
  const { id: chartId } = await createControlChart(org.users.MANAGER, {
    ...chartInput(touchpointId),
    projectId,
  });
  return { projectId, chartId };
}

export const PROMISE_CHECKLIST = [
  "Greets the customer by name",
  "Explains the plan in plain words",
];

export async function freshPromise(org: TOrg) {
  const { id } = await savePromise(org.users.MANAGER, {
    titleEn: next("Promise"),
    checklistItems: PROMISE_CHECKLIST,
    auditEveryDays: 7,
  });
  return { promiseId: id };
}
