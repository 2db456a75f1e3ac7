import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/permissions";
import { recordObservations } from "@/lib/observations/mutations";
import type { TObservationInput } from "@/lib/observations/schemas";
import { MAX_ROLLOUT_LEAD_DAYS } from "@/lib/pilots/decision-rules";
import {
  CONTROL_BASELINE_DAYS,
  createPilot,
  decidePilot,
  deletePilot,
} from "@/lib/pilots/mutations";
import { MAX_PILOT_DAYS } from "@/lib/pilots/schemas";
import {
  getPilot,
  getPilotBaseline,
  getPilotPlanning,
  listPilotsWithResults,
  listProjectPilots,
} from "@/lib/pilots/queries";
import { chooseOption, openAnalysis, saveCause, saveOption } from "@/lib/projects/analysis";
import { listProjectHistory } from "@/lib/projects/history";
import { addDays, localDayOf, mondayOf, startOfLocalDay } from "@/lib/dates/local-days";
import { moveProjectPhase, setProjectStatus } from "@/lib/projects/projects";
import { reopenProject } from "@/lib/control/mutations";
import { listControlAlerts } from "@/lib/control/queries";
import { saveActionItem } from "@/lib/projects/action-items";
import { getTargetProgress } from "@/lib/projects/progress";
import { seedDemoOrganization } from "@/prisma/seed/demo-organization";
import { PLANTED_MOT } from "@/prisma/seed/demo-observations";
import { DEMO_PILOT, demoPilotDates } from "@/prisma/seed/demo-pilot";
import { sampleSizeForMeans } from "@/lib/stats/power";
import { momentsOf, type TMoments } from "@/lib/stats/summary";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import { appError, buildJourney, type TFixture } from "./helpers/journey-fixture";
import { countLoggedChanges } from "./helpers/audit";

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
let f: TFixture;
let projectId: string;
let gangnam: string;
let jamsil: string;
let callCentre: string;
let theirSite: string;

const today = localDayOf(new Date());
const daysAgo = (n: number) => addDays(today, -n);
/** The pilot window: 20 to 10 days ago (inclusive). */
const window = { startDay: daysAgo(20), endDay: daysAgo(10) };
/** Noon (Korea time) of a local day. */
const noonOf = (day: string) => new Date(startOfLocalDay(day).getTime() + 12 * 3_600_000);

async function observe(
  siteId: string,
  day: string,
  experiencedScores: number[],
  extra: Partial<TObservationInput> = {},
) {
  await recordObservations(cast.a.manager, {
    observations: experiencedScores.map((experiencedScore) => ({
      touchpointId: f.mot,
      siteId,
      source: "SURVEY" as const,
      observedAt: noonOf(day),
      experiencedScore,
      ...extra,
    })),
  });
}

/** A project on the fixture's MOT, walked to Improve through the real gates. */
async function projectInImprove(actor: TActor): Promise<string> {
  const { projectId: id } = await openAnalysis(actor, { touchpointId: f.mot });
  await saveCause(actor, {
    projectId: id,
    dimension: "FRONTLINE_STAFF",
    description: "피크 시간 인력 부족",
    frequency: 5,
  });
  const option = await saveOption(actor, {
    projectId: id,
    description: "피크 시간 상담 인력 추가",
  });
  await chooseOption(actor, { projectId: id, optionId: option.id });
  const { version } = await db.improvementProject.findUniqueOrThrow({
    where: { id },
    select: { version: true },
  });
  await moveProjectPhase(actor, { projectId: id, version, phase: "IMPROVE" });
  return id;
}

beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
  f = await buildJourney(cast.a.manager);
  const org = cast.a.organization.id;
  ({ id: gangnam } = await db.site.create({
    data: { organizationId: org, code: "GANGNAM", name: "강남점" },
  }));
  ({ id: jamsil } = await db.site.create({
    data: { organizationId: org, code: "JAMSIL", name: "잠실점" },
  }));
  ({ id: callCentre } = await db.site.create({
    data: { organizationId: org, code: "CALLCENTER", name: "고객센터" },
  }));
  ({ id: theirSite } = await db.site.create({
    data: { organizationId: cast.b.organization.id, code: "GANGNAM", name: "Their store" },
  }));
  projectId = await projectInImprove(cast.a.manager);

  // Inside the window: the pilot store half 6s and half 5s (mean 5.5), the control store half 5s and 4s (mean 4.5), 30 each.
  for (let i = 0; i < 15; i += 1) {
    await observe(gangnam, addDays(window.startDay, i % 11), [6, 5]);
    await observe(jamsil, addDays(window.startDay, i % 11), [5, 4]);
  }
  // Before the window (50 to 36 days ago): both stores half 3s and half 5s, 30 each, the pilot's baseline.
  for (let i = 0; i < 15; i += 1) {
    await observe(gangnam, daysAgo(50 - i), [3, 5]);
    await observe(jamsil, daysAgo(50 - i), [3, 5]);
  }
  // What the pilot must not count: another site in the window, the stores outside the window, another touchpoint.
  await observe(callCentre, window.startDay, [1, 1, 1, 1]);
  await observe(gangnam, daysAgo(21), [1, 1]);
  await observe(jamsil, daysAgo(9), [7, 7]);
  await recordObservations(cast.a.manager, {
    observations: [
      {
        touchpointId: f.plain,
        siteId: gangnam,
        source: "SURVEY",
        observedAt: noonOf(window.startDay),
        experiencedScore: 1,
      },
    ],
  });
});

const sdOf = ({ n, sum, sumSquares }: TMoments) =>
  Math.sqrt((sumSquares - (sum * sum) / n) / (n - 1));
const versionOf = async (id: string) =>
  (await db.improvementProject.findUniqueOrThrow({ where: { id }, select: { version: true } }))
    .version;
const planAction = (id: string) =>
  saveActionItem(cast.a.manager, {
    projectId: id,
    dimension: "FRONTLINE_STAFF",
    description: "피크 시간 상담 인력 2인 배치",
  });

const pilotInput = (overrides: Record<string, unknown> = {}) => ({
  projectId,
  touchpointId: f.mot,
  name: "강남점 피크 시간 2인 상담",
  metric: "MEAN_EXPERIENCE" as const,
  // The 90 days before the window (3s, 5s and two 1s) have an sd of about 1.13: 1.2 points need about 14 per group, fewer than the 30 each store has.
  targetEffect: 1.2,
  design: "CONTROL_SITES" as const,
  ...window,
  pilotSiteIds: [gangnam],
  controlSiteIds: [jamsil],
  // One store against one: a verdict only as an exploratory pilot (the test below without it gets none).
  isExploratory: true,
  ...overrides,
});

/** Every row a pilot change could touch, and the audit trail. */
async function pilotSnapshot() {
  const byId = { orderBy: { id: "asc" as const } };
  const [pilots, pilotSites, projects, charts, auditLogs] = await Promise.all([
    db.pilot.findMany(byId),
    db.pilotSite.findMany({ orderBy: [{ pilotId: "asc" }, { siteId: "asc" }] }),
    db.improvementProject.findMany(byId),
    db.controlChart.findMany(byId),
    countLoggedChanges(),
  ]);
  return { pilots, pilotSites, projects, charts, auditLogs };
}

async function expectRefusedUnchanged(
  action: () => Promise<unknown>,
  expected: Record<string, unknown>,
) {
  const before = await pilotSnapshot();
  await expect(action()).rejects.toMatchObject(expected);
  expect(await pilotSnapshot()).toEqual(before);
}

describe("pilots: plan, result, verdict, decision", () => {
  it("plans from the touchpoint's 90 days before the pilot, never from the pilot's own days, and marks a plan made afterwards retrospective", async () => {
    // Outside every baseline below: 111 days ago.
    await observe(gangnam, daysAgo(111), [7, 7, 7]);
    // The form's default, a pilot from tomorrow, plans from the 90 days up to today: the window's answers included.
    const planning = await getPilotPlanning(cast.a.executive, projectId);
    const upToToday = planning.touchpoints[0]!.baseline;
    expect(upToToday).toMatchObject({
      from: daysAgo(89),
      to: today,
      totals: { observations: 128, experience: { n: 128 } },
    });
    expect(upToToday.bySite.find((s) => s.siteId === gangnam)!.sums.experience.n).toBe(62);
    expect(planning.sites.map((s) => s.code).sort()).toEqual(["CALLCENTER", "GANGNAM", "JAMSIL"]);

    // This pilot ran 20 to 10 days ago: it plans from the 90 days before its first day (110 to 21 days ago), none of its own answers.
    const before = await getPilotBaseline(cast.a.manager, {
      projectId,
      touchpointId: f.mot,
      startDay: window.startDay,
    });
    const preWindow = [...Array.from({ length: 30 }, () => [3, 5]).flat(), 1, 1];
    expect(before).toMatchObject({
      from: daysAgo(110),
      to: daysAgo(21),
      totals: { observations: 62, experience: momentsOf(preWindow) },
    });
    const { id, plannedPerGroup } = await createPilot(cast.a.manager, pilotInput());
    expect(plannedPerGroup).toBe(
      sampleSizeForMeans({ sd: sdOf(momentsOf(preWindow)), effect: 1.2 }),
    );
    // Planned from the days up to today, the pilot's own answers would have set its sample.
    expect(plannedPerGroup).not.toBe(
      sampleSizeForMeans({ sd: sdOf(upToToday.totals.experience), effect: 1.2 }),
    );
    expect(plannedPerGroup).toBeLessThanOrEqual(30);
    expect(await db.pilot.findUniqueOrThrow({ where: { id } })).toMatchObject({
      plannedPerGroup,
      status: "RUNNING",
      startsAt: startOfLocalDay(window.startDay),
      endsAt: startOfLocalDay(window.endDay),
    });
    // Its plan came after its data: retrospective, on the page and in the history.
    expect(await getPilot(cast.a.executive, id)).toMatchObject({
      plannedOn: today,
      isRetrospective: true,
      outcome: { plannedPerGroup },
    });
    expect((await listProjectHistory(cast.a.executive, projectId))[0]).toMatchObject({
      action: "pilot.create",
      details: {
        pilotId: id,
        plannedPerGroup,
        baselineFrom: daysAgo(110),
        baselineTo: daysAgo(21),
        isRetrospective: true,
      },
    });

    // A pilot from tomorrow is planned before its data, on the baseline the form showed.
    const ahead = await createPilot(
      cast.a.manager,
      pilotInput({ name: "내일부터", startDay: addDays(today, 1), endDay: addDays(today, 28) }),
    );
    expect(ahead.plannedPerGroup).toBe(
      sampleSizeForMeans({ sd: sdOf(upToToday.totals.experience), effect: 1.2 }),
    );
    expect(await getPilot(cast.a.manager, ahead.id)).toMatchObject({
      isRetrospective: false,
      stage: "PLANNED",
    });
    // The form's baseline is the project's touchpoints' only.
    await expect(
      getPilotBaseline(cast.a.manager, { projectId, touchpointId: f.plain, startDay: today }),
    ).rejects.toMatchObject(appError("NOT_FOUND"));
    await expect(
      getPilotBaseline(cast.b.manager, { projectId, touchpointId: f.mot, startDay: today }),
    ).rejects.toMatchObject(appError("NOT_FOUND"));
    await expect(
      getPilotBaseline(cast.a.frontline, { projectId, touchpointId: f.mot, startDay: today }),
    ).rejects.toMatchObject(appError("FORBIDDEN"));
  });

  it("says the sample was not planned when the days before the pilot hold no baseline", async () => {
    const { id, plannedPerGroup } = await createPilot(
      cast.a.manager,
      pilotInput({ metric: "NPS", targetEffect: 20 }),
    );
    expect(plannedPerGroup).toBeNull();
    expect((await getPilot(cast.a.manager, id)).outcome).toMatchObject({
      plannedPerGroup: null,
      infeasiblePlan: null,
    });
  });

  it("counts only the sites that answered, and tells an infeasible plan from a missing one (review findings 2 and 7)", async () => {
    // Before the pilot the call centre answered 6s and 7s while the stores answered 3s and 5s: the
    // sites differ so much (ICC of all three sites over the baseline ≈ 0.6) that two sites a group
    // can never detect 1.2 points (Hemming et al. 2011: k ≤ nᵢ·ρ), whatever the number of answers.
    for (let i = 0; i < 10; i += 1) await observe(callCentre, daysAgo(50 - i), [6, 7]);
    const { id: silent } = await db.site.create({
      data: { organizationId: cast.a.organization.id, code: "SILENT", name: "무응답점" },
    });
    const { id, plannedPerGroup } = await createPilot(
      cast.a.manager,
      pilotInput({
        name: "두 지점 대 두 지점",
        pilotSiteIds: [gangnam, silent],
        controlSiteIds: [jamsil, callCentre],
        isExploratory: false,
      }),
    );
    expect(plannedPerGroup).toBeNull();
    expect((await listProjectHistory(cast.a.executive, projectId))[0]).toMatchObject({
      action: "pilot.create",
      details: { pilotId: id, plannedPerGroup: null, planProblem: "TOO_FEW_SITES" },
    });
    const { outcome } = await getPilot(cast.a.manager, id);
    // Two pilot sites configured, one answered: a one-site group, no verdict, no site-adjusted
    // test on 1 df. The plan is said to be infeasible, not missing.
    expect(outcome).toMatchObject({
      sitesWithAnswers: { pilot: 1, control: 2 },
      verdict: "NOT_ENOUGH_DATA",
      reason: "TOO_FEW_SITES",
      treatsAnswersAsIndependent: true,
      clustering: null,
      plannedPerGroup: null,
    });
    expect(outcome.infeasiblePlan).not.toBeNull();
  });

  it("reports the difference with its interval and p-value (Welch), and calls it improved — on a data set with a known answer", async () => {
    const { id } = await createPilot(cast.a.manager, pilotInput());
    const pilot = await getPilot(cast.a.executive, id);
    expect(pilot).toMatchObject({
      design: "CONTROL_SITES",
      stage: "ENDED",
      defaultRolloutDay: daysAgo(9),
      decision: null,
    });
    expect(pilot.sites.map((s) => [s.code, s.group])).toEqual([
      ["JAMSIL", "CONTROL"],
      ["GANGNAM", "PILOT"],
    ]);
    const { outcome } = pilot;
    expect(outcome.pilot).toMatchObject({ n: 30, value: 5.5 });
    expect(outcome.control).toMatchObject({ n: 30, value: 4.5 });
    // SE = √(2 · (7.5/29) / 30) = 0.13131; t = 7.616 on 58 df; CI 1 ± 2.00172 · SE.
    expect(outcome.difference!.value).toBeCloseTo(1, 10);
    expect(outcome.difference!.statistic).toBeCloseTo(7.6158, 3);
    expect(outcome.difference!.df).toBeCloseTo(58, 6);
    expect(outcome.difference!.interval.low).toBeCloseTo(0.7372, 3);
    expect(outcome.difference!.interval.high).toBeCloseTo(1.2628, 3);
    expect(outcome.difference!.pValue).toBeLessThan(1e-9);
    expect(outcome).toMatchObject({ test: "WELCH_T", verdict: "IMPROVED", reason: "SIGNIFICANT" });
    expect(pilot.bySite.map((s) => [s.site.code, s.figure.n, s.figure.value])).toEqual(
      expect.arrayContaining([
        ["GANGNAM", 30, 5.5],
        ["JAMSIL", 30, 4.5],
      ]),
    );
    expect(pilot.bySite).toHaveLength(2);
    expect(outcome).toMatchObject({ isExploratory: true, clustering: null });
  });

  it("gives one store against one no verdict unless the manager marked the pilot exploratory", async () => {
    const { id } = await createPilot(
      cast.a.manager,
      pilotInput({ name: "한 지점 대 한 지점", isExploratory: false }),
    );
    expect(await db.pilot.findUniqueOrThrow({ where: { id } })).toMatchObject({
      isExploratory: false,
    });
    const { outcome } = await getPilot(cast.a.manager, id);
    expect(outcome).toMatchObject({
      verdict: "NOT_ENOUGH_DATA",
      reason: "TOO_FEW_SITES",
      isExploratory: false,
    });
    // The difference is still shown: the two stores' answers, as they are.
    expect(outcome.difference!.value).toBeCloseTo(1, 10);
  });

  it("refuses a verdict on a two-day window: not enough data", async () => {
    const { id } = await createPilot(
      cast.a.manager,
      pilotInput({
        name: "이틀 시범",
        startDay: window.startDay,
        endDay: addDays(window.startDay, 1),
      }),
    );
    const { outcome } = await getPilot(cast.a.manager, id);
    expect(outcome.pilot.n).toBeLessThan(10);
    expect(outcome).toMatchObject({ verdict: "NOT_ENOUGH_DATA", reason: "TOO_FEW_OBSERVATIONS" });
    // Rolling out against the evidence needs a reason on record.
    await expectRefusedUnchanged(
      () => decidePilot(cast.a.manager, { pilotId: id, decision: "ROLLOUT" }),
      { code: "VALIDATION", fieldErrors: { note: ["improve.errors.noteAgainstEvidence"] } },
    );
    await decidePilot(cast.a.manager, { pilotId: id, decision: "NO_ROLLOUT", note: "표본 부족" });
    expect(await db.controlChart.count()).toBe(0);
  });

  it("compares the pilot sites with their own earlier period (before/after) and CSAT in percentage points", async () => {
    // Before: 40 answers at Gangnam, 10 satisfied (25 %); during: the window's 30 Gangnam answers get CSAT 5 on 24 (80 %).
    await recordObservations(cast.a.manager, {
      observations: Array.from({ length: 40 }, (_, i) => ({
        touchpointId: f.mot,
        siteId: gangnam,
        source: "SURVEY" as const,
        observedAt: noonOf(daysAgo(40 + (i % 10))),
        csat: i < 10 ? 5 : 2,
      })),
    });
    await recordObservations(cast.a.manager, {
      observations: Array.from({ length: 30 }, (_, i) => ({
        touchpointId: f.mot,
        siteId: gangnam,
        source: "SURVEY" as const,
        observedAt: noonOf(addDays(window.startDay, i % 11)),
        csat: i < 24 ? 5 : 3,
      })),
    });
    // Jamsil, which did not run the pilot: 20 answers before (5 satisfied, 25 %), 20 during (10, 50 %).
    await recordObservations(cast.a.manager, {
      observations: Array.from({ length: 40 }, (_, i) => ({
        touchpointId: f.mot,
        siteId: jamsil,
        source: "SURVEY" as const,
        observedAt: noonOf(i < 20 ? daysAgo(40 + (i % 10)) : addDays(window.startDay, i % 11)),
        csat: (i < 20 ? i < 5 : i < 30) ? 5 : 2,
      })),
    });
    const { id, plannedPerGroup } = await createPilot(
      cast.a.manager,
      pilotInput({
        name: "전후 비교",
        metric: "CSAT",
        targetEffect: 40,
        design: "BEFORE_AFTER",
        controlSiteIds: [],
        baselineStartDay: daysAgo(49),
        baselineEndDay: daysAgo(40),
      }),
    );
    expect(plannedPerGroup).toBeGreaterThan(10);
    const pilot = await getPilot(cast.a.manager, id);
    expect(pilot).toMatchObject({
      design: "BEFORE_AFTER",
      baselineStartDay: daysAgo(49),
      baselineEndDay: daysAgo(40),
    });
    expect(pilot.sites.map((s) => s.group)).toEqual(["PILOT"]);
    // The pilot sites against themselves: the weeks (Monday to Sunday) are the clusters, weeks
    // with answers − 2 df; how many weeks the answers' days touch depends on today's weekday.
    const weeksOf = (days: string[]) => new Set(days.map(mondayOf)).size;
    const answerWeeks =
      weeksOf(Array.from({ length: 10 }, (_, i) => daysAgo(40 + i))) +
      weeksOf(Array.from({ length: 11 }, (_, i) => addDays(window.startDay, i)));
    expect(pilot.outcome).toMatchObject({
      test: "WEEK_CLUSTERED_T",
      pilot: { n: 30, value: 80 },
      control: { n: 40, value: 25 },
      difference: { df: answerWeeks - 2 },
    });
    expect(pilot.outcome.difference!.value).toBeCloseTo(55, 10);
    // Uncontrolled: set against Jamsil, (80 − 25) − (50 − 25) = 30 pp (a worked case: the four
    // shares above). One site a side: the sites' changes cannot say how much a site moves on its
    // own, so the estimate has no interval and no p-value (one change per site, review finding 3).
    expect(pilot.outcome.clustering).toBeNull();
    const did = pilot.outcome.differenceInDifferences!;
    expect(did.value).toBeCloseTo(30, 10);
    expect(did).toMatchObject({
      pilotSites: 1,
      others: { sites: 1, before: 20, after: 20 },
      interval: null,
      pValue: null,
    });
    expect(pilot.outcome.verdict).toBe("IMPROVED");
  });

  it("records ROLLOUT once with who and when, moves the project with a plan through the gate to Control and sets up its control chart", async () => {
    await planAction(projectId);
    const { id } = await createPilot(cast.a.manager, pilotInput());
    const { version: versionBefore } = await db.improvementProject.findUniqueOrThrow({
      where: { id: projectId },
    });
    const { controlChartId, heldInImprove } = await decidePilot(cast.a.manager, {
      pilotId: id,
      decision: "ROLLOUT",
      note: "강남점 효과 확인",
    });
    expect(heldInImprove).toBeNull();

    const stored = await db.pilot.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      decision: "ROLLOUT",
      decisionNote: "강남점 효과 확인",
      decidedById: cast.a.manager.id,
      status: "COMPLETED",
      rolloutAt: startOfLocalDay(daysAgo(9)),
    });
    expect(Date.now() - stored.decidedAt!.getTime()).toBeLessThan(60_000);
    expect(
      await db.improvementProject.findUniqueOrThrow({ where: { id: projectId } }),
    ).toMatchObject({ phase: "CONTROL", version: versionBefore + 1 });
    // The chart watches the touchpoint from the rollout day: its limits come from the next 14 days.
    expect(
      await db.controlChart.findUniqueOrThrow({ where: { id: controlChartId! } }),
    ).toMatchObject({
      organizationId: cast.a.organization.id,
      projectId,
      touchpointId: f.mot,
      metric: "MEAN_EXPERIENCE",
      baselineFrom: startOfLocalDay(daysAgo(9)),
      baselineTo: startOfLocalDay(addDays(daysAgo(9), CONTROL_BASELINE_DAYS - 1)),
      createdById: cast.a.manager.id,
    });

    // Once: a second decision is refused and changes nothing.
    await expectRefusedUnchanged(
      () => decidePilot(cast.a.admin, { pilotId: id, decision: "NO_ROLLOUT" }),
      appError("CONFLICT", "improve.errors.alreadyDecided"),
    );
    await expectRefusedUnchanged(
      () => deletePilot(cast.a.manager, { pilotId: id }),
      appError("CONFLICT", "improve.errors.decidedPilotKept"),
    );

    // The audit log holds it as the project's entry, so the history shows it with the manager's name.
    const decided = await db.auditLog.findFirstOrThrow({ where: { action: "pilot.decide" } });
    expect(decided).toMatchObject({
      entityType: "ImprovementProject",
      entityId: projectId,
      actorId: cast.a.manager.id,
      organizationId: cast.a.organization.id,
    });
    const history = await listProjectHistory(cast.a.executive, projectId);
    expect(history.slice(0, 4).map((e) => e.action)).toEqual([
      "control.chart",
      "project.phase",
      "pilot.decide",
      "pilot.create",
    ]);
    expect(history[2]).toMatchObject({
      actor: { id: cast.a.manager.id, name: cast.a.manager.name },
      details: {
        decision: "ROLLOUT",
        verdict: "IMPROVED",
        pilotN: 30,
        controlN: 30,
        rolloutDay: daysAgo(9),
      },
    });
    expect((await getPilot(cast.a.executive, id)).decision).toMatchObject({
      decision: "ROLLOUT",
      decidedBy: { id: cast.a.manager.id },
      rolloutDay: daysAgo(9),
    });

    // Executives see it among the organization's pilots, with its result and decision.
    expect(await listPilotsWithResults(cast.a.executive)).toEqual([
      expect.objectContaining({
        id,
        projectId,
        metric: "MEAN_EXPERIENCE",
        stage: "COMPLETED",
        outcome: expect.objectContaining({ verdict: "IMPROVED" }),
        decision: expect.objectContaining({ decision: "ROLLOUT" }),
      }),
    ]);
  });

  it("extends a pilot, then lets the final decision follow; a CSAT rollout gets a CSAT chart on the chosen day", async () => {
    const { id } = await createPilot(
      cast.a.manager,
      pilotInput({ metric: "CSAT", targetEffect: 20 }),
    );
    await expectRefusedUnchanged(
      () =>
        decidePilot(cast.a.manager, {
          pilotId: id,
          decision: "EXTEND",
          extendToDay: window.startDay,
        }),
      { fieldErrors: { extendToDay: ["improve.errors.extendAfterEnd"] } },
    );
    // A pilot runs at most MAX_PILOT_DAYS from its first day, however it is extended.
    for (const extendToDay of [addDays(window.startDay, MAX_PILOT_DAYS), "9999-12-31"]) {
      await expectRefusedUnchanged(
        () => decidePilot(cast.a.manager, { pilotId: id, decision: "EXTEND", extendToDay }),
        { code: "VALIDATION", fieldErrors: { extendToDay: ["improve.errors.extendTooLong"] } },
      );
    }
    await decidePilot(cast.a.manager, { pilotId: id, decision: "EXTEND", extendToDay: daysAgo(5) });
    expect(await getPilot(cast.a.manager, id)).toMatchObject({
      endDay: daysAgo(5),
      stage: "ENDED",
      decision: { decision: "EXTEND" },
    });
    // A rollout takes effect from the pilot's first day to MAX_ROLLOUT_LEAD_DAYS from today.
    const note = "CSAT 응답은 적지만 평균 경험이 좋아짐";
    await expectRefusedUnchanged(
      () =>
        decidePilot(cast.a.manager, {
          pilotId: id,
          decision: "ROLLOUT",
          note,
          rolloutDay: addDays(today, MAX_ROLLOUT_LEAD_DAYS + 1),
        }),
      { fieldErrors: { rolloutDay: ["improve.errors.rolloutTooLate"] } },
    );
    await expectRefusedUnchanged(
      () =>
        decidePilot(cast.a.manager, {
          pilotId: id,
          decision: "ROLLOUT",
          note,
          rolloutDay: "9999-12-31",
        }),
      { fieldErrors: { rolloutDay: ["improve.errors.rolloutTooLate"] } },
    );
    await expectRefusedUnchanged(
      () =>
        decidePilot(cast.a.manager, {
          pilotId: id,
          decision: "ROLLOUT",
          note,
          rolloutDay: addDays(window.startDay, -1),
        }),
      { fieldErrors: { rolloutDay: ["improve.errors.rolloutBeforeStart"] } },
    );
    await decidePilot(cast.a.manager, {
      pilotId: id,
      decision: "ROLLOUT",
      note,
      rolloutDay: daysAgo(2),
    });
    expect(await db.controlChart.findFirstOrThrow({ where: { projectId } })).toMatchObject({
      metric: "CSAT",
      baselineFrom: startOfLocalDay(daysAgo(2)),
    });
    expect((await listProjectPilots(cast.a.manager, projectId))[0]).toMatchObject({
      stage: "COMPLETED",
      decision: { decision: "ROLLOUT", rolloutDay: daysAgo(2) },
    });
  });

  it("records a rollout but keeps the project in Improve while the gate to Control is not met: no action planned, or the project on hold", async () => {
    const first = await createPilot(cast.a.manager, pilotInput());
    const version = await versionOf(projectId);
    const held = await decidePilot(cast.a.manager, {
      pilotId: first.id,
      decision: "ROLLOUT",
      note: "효과 확인",
    });
    expect(held).toMatchObject({
      decision: "ROLLOUT",
      heldInImprove: "improve.errors.requirement.action",
    });
    // The decision and the chart stand; the phase and the version do not move.
    expect(await db.pilot.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      decision: "ROLLOUT",
      status: "COMPLETED",
    });
    expect(
      await db.controlChart.findUniqueOrThrow({ where: { id: held.controlChartId! } }),
    ).toMatchObject({ projectId, touchpointId: f.mot });
    expect(
      await db.improvementProject.findUniqueOrThrow({ where: { id: projectId } }),
    ).toMatchObject({ phase: "IMPROVE", version });
    expect(
      (await listProjectHistory(cast.a.manager, projectId)).map((e) => e.action).slice(0, 3),
    ).toEqual(["control.chart", "pilot.decide", "pilot.create"]);
    // With a plan, the manager moves it through the gate: the rollout counts.
    await planAction(projectId);
    await moveProjectPhase(cast.a.manager, { projectId, version, phase: "CONTROL" });

    // On hold, a project does not change phase, rollout or not.
    const other = await projectInImprove(cast.a.manager);
    await planAction(other);
    await setProjectStatus(cast.a.manager, {
      projectId: other,
      version: await versionOf(other),
      status: "ON_HOLD",
    });
    const onHold = await createPilot(cast.a.manager, pilotInput({ projectId: other }));
    expect(
      await decidePilot(cast.a.manager, {
        pilotId: onHold.id,
        decision: "ROLLOUT",
        note: "효과 확인",
      }),
    ).toMatchObject({ heldInImprove: "improve.errors.projectNotActive" });
    expect(await db.improvementProject.findUniqueOrThrow({ where: { id: other } })).toMatchObject({
      phase: "IMPROVE",
      status: "ON_HOLD",
    });
  });

  it("counts only a rollout decided since the project last left Control: a move back needs a new one", async () => {
    await planAction(projectId);
    const first = await createPilot(cast.a.manager, pilotInput());
    await decidePilot(cast.a.manager, {
      pilotId: first.id,
      decision: "ROLLOUT",
      note: "효과 확인",
    });
    await moveProjectPhase(cast.a.manager, {
      projectId,
      version: await versionOf(projectId),
      phase: "IMPROVE",
    });
    await expect(
      moveProjectPhase(cast.a.manager, {
        projectId,
        version: await versionOf(projectId),
        phase: "CONTROL",
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { phase: ["improve.errors.requirement.rollout"] },
    });
    // A second pilot, rolled out after the move back, passes the gate again.
    const second = await createPilot(cast.a.manager, pilotInput({ name: "2차 파일럿" }));
    expect(
      await decidePilot(cast.a.manager, {
        pilotId: second.id,
        decision: "ROLLOUT",
        note: "재확인",
      }),
    ).toMatchObject({ heldInImprove: null });
    expect(
      await db.improvementProject.findUniqueOrThrow({ where: { id: projectId } }),
    ).toMatchObject({ phase: "CONTROL" });
  });

  it("answers bad plans with field errors and stores nothing", async () => {
    await expectRefusedUnchanged(
      () =>
        createPilot(
          cast.a.manager,
          pilotInput({ name: "", targetEffect: 0, endDay: daysAgo(30), controlSiteIds: [gangnam] }),
        ),
      {
        code: "VALIDATION",
        fieldErrors: {
          name: ["validation.required"],
          targetEffect: ["improve.errors.effectPositive"],
          endDay: ["improve.errors.endBeforeStart"],
          controlSiteIds: ["improve.errors.siteInBothGroups"],
        },
      },
    );
    await expectRefusedUnchanged(
      () => createPilot(cast.a.manager, pilotInput({ controlSiteIds: [] })),
      { fieldErrors: { controlSiteIds: ["improve.errors.controlSitesRequired"] } },
    );
    await expectRefusedUnchanged(
      () => createPilot(cast.a.manager, pilotInput({ isExploratory: "yes" })),
      { fieldErrors: { isExploratory: ["validation.invalidType"] } },
    );
    await expectRefusedUnchanged(
      () => createPilot(cast.a.manager, pilotInput({ targetEffect: 7 })),
      { fieldErrors: { targetEffect: ["improve.errors.effectTooLarge"] } },
    );
    await expectRefusedUnchanged(
      () =>
        createPilot(
          cast.a.manager,
          pilotInput({
            design: "BEFORE_AFTER",
            baselineStartDay: daysAgo(25),
            baselineEndDay: daysAgo(15),
          }),
        ),
      { fieldErrors: { baselineEndDay: ["improve.errors.baselineOverlaps"] } },
    );
    await expectRefusedUnchanged(
      () => createPilot(cast.a.manager, pilotInput({ touchpointId: f.plain })),
      { fieldErrors: { touchpointId: ["improve.errors.touchpointNotInProject"] } },
    );
    const { id } = await createPilot(cast.a.manager, pilotInput());
    await expectRefusedUnchanged(
      () => decidePilot(cast.a.manager, { pilotId: id, decision: "MAYBE" as never }),
      { code: "VALIDATION", fieldErrors: { decision: ["validation.invalidValue"] } },
    );
    await expectRefusedUnchanged(
      () => decidePilot(cast.a.manager, { pilotId: id, decision: "EXTEND" }),
      { fieldErrors: { extendToDay: ["validation.required"] } },
    );
  });

  it("takes pilots only once the project reaches Improve, and withdraws an undecided one", async () => {
    const { projectId: early } = await openAnalysis(cast.a.manager, { touchpointId: f.plain });
    await expectRefusedUnchanged(
      () => createPilot(cast.a.manager, pilotInput({ projectId: early, touchpointId: f.plain })),
      { fieldErrors: { form: ["improve.errors.pilotNeedsImprove"] } },
    );
    const { id } = await createPilot(cast.a.manager, pilotInput());
    await deletePilot(cast.a.manager, { pilotId: id });
    expect(await db.pilot.count()).toBe(0);
    expect((await listProjectHistory(cast.a.manager, projectId))[0]).toMatchObject({
      action: "pilot.delete",
      details: { pilotId: id },
    });
  });
});

describe("who may plan, read and decide pilots", () => {
  it("lets executives read pilots and their results but never plan or decide; frontline staff see nothing", async () => {
    const { id } = await createPilot(cast.a.manager, pilotInput());
    expect((await getPilot(cast.a.executive, id)).outcome.verdict).toBe("IMPROVED");
    expect(await listProjectPilots(cast.a.executive, projectId)).toHaveLength(1);
    for (const actor of [cast.a.executive, cast.a.frontline]) {
      await expectRefusedUnchanged(() => createPilot(actor, pilotInput()), appError("FORBIDDEN"));
      await expectRefusedUnchanged(
        () => decidePilot(actor, { pilotId: id, decision: "ROLLOUT", note: "x" }),
        appError("FORBIDDEN"),
      );
      await expectRefusedUnchanged(
        () => deletePilot(actor, { pilotId: id }),
        appError("FORBIDDEN"),
      );
    }
    for (const read of [
      () => getPilot(cast.a.frontline, id),
      () => listPilotsWithResults(cast.a.frontline),
      () => getPilotPlanning(cast.a.frontline, projectId),
    ]) {
      await expect(read()).rejects.toMatchObject(appError("FORBIDDEN"));
    }
  });

  it("answers another organization's pilots, projects, touchpoints and sites with not found", async () => {
    const { id } = await createPilot(cast.a.manager, pilotInput());
    const b = cast.b.manager;
    await expect(getPilot(b, id)).rejects.toMatchObject(appError("NOT_FOUND"));
    await expect(getPilotPlanning(b, projectId)).rejects.toMatchObject(appError("NOT_FOUND"));
    expect(await listPilotsWithResults(b)).toEqual([]);
    expect(await listProjectPilots(b, projectId)).toEqual([]);
    await expectRefusedUnchanged(
      () => decidePilot(b, { pilotId: id, decision: "ROLLOUT", note: "x" }),
      appError("NOT_FOUND"),
    );
    await expectRefusedUnchanged(() => deletePilot(b, { pilotId: id }), appError("NOT_FOUND"));
    await expectRefusedUnchanged(() => createPilot(b, pilotInput()), appError("NOT_FOUND"));
    // Our own project with their store in a group.
    await expectRefusedUnchanged(
      () => createPilot(cast.a.manager, pilotInput({ controlSiteIds: [theirSite] })),
      appError("NOT_FOUND"),
    );
  });
});

describe("the demo story the browser test walks", () => {
  it("finds the seeded pilot significant, refuses a two-day one, rolls out, and the control chart flags the relapse", async () => {
    await resetDatabase();
    await seedDemoOrganization();
    const manager = await db.user.findFirstOrThrow({
      where: { role: "MANAGER" },
      select: { id: true, organizationId: true, role: true },
    });
    const planted = await db.touchpoint.findFirstOrThrow({
      where: { nameEn: PLANTED_MOT.nameEn },
      select: { id: true },
    });
    const siteOf = async (code: string) =>
      (await db.site.findFirstOrThrow({ where: { code }, select: { id: true } })).id;
    const dates = demoPilotDates();

    const { projectId: id } = await openAnalysis(manager, { touchpointId: planted.id });
    await saveCause(manager, {
      projectId: id,
      dimension: "FRONTLINE_STAFF",
      description: "피크 시간 상담 인력 부족",
      frequency: 42,
    });
    const option = await saveOption(manager, {
      projectId: id,
      description: "피크 시간 2인 상담과 한 장짜리 요금 비교표",
    });
    await chooseOption(manager, { projectId: id, optionId: option.id });
    await moveProjectPhase(manager, {
      projectId: id,
      version: (await db.improvementProject.findUniqueOrThrow({ where: { id } })).version,
      phase: "IMPROVE",
    });
    await saveActionItem(manager, {
      projectId: id,
      dimension: "FRONTLINE_STAFF",
      description: "피크 시간 상담 인력 2인 배치",
    });

    const pilotSites = {
      pilotSiteIds: await Promise.all(DEMO_PILOT.pilotSiteCodes.map(siteOf)),
      controlSiteIds: await Promise.all(DEMO_PILOT.controlSiteCodes.map(siteOf)),
    };
    const base = {
      projectId: id,
      touchpointId: planted.id,
      metric: "MEAN_EXPERIENCE" as const,
      targetEffect: 1,
      design: "CONTROL_SITES" as const,
      ...pilotSites,
    };
    const seeded = await createPilot(manager, {
      ...base,
      name: "강남점 파일럿",
      startDay: dates.startsOn,
      endDay: dates.endsOn,
    });
    const result = await getPilot(manager, seeded.id);
    expect(result.outcome.verdict).toBe("IMPROVED");
    expect(Math.min(result.outcome.pilot.n, result.outcome.control.n)).toBeGreaterThanOrEqual(
      seeded.plannedPerGroup!,
    );
    expect(result.defaultRolloutDay).toBe(dates.rolloutOn);

    const short = await createPilot(manager, {
      ...base,
      name: "이틀 파일럿",
      startDay: dates.startsOn,
      endDay: addDays(dates.startsOn, 1),
    });
    expect((await getPilot(manager, short.id)).outcome.verdict).toBe("NOT_ENOUGH_DATA");

    await decidePilot(manager, {
      pilotId: seeded.id,
      decision: "ROLLOUT",
      note: "강남점에서 효과 확인",
    });
    expect(await db.improvementProject.findUniqueOrThrow({ where: { id } })).toMatchObject({
      phase: "CONTROL",
    });
    const alerts = await listControlAlerts(manager, { projectId: id });
    expect(alerts).toEqual([
      expect.objectContaining({
        projectId: id,
        touchpoint: expect.objectContaining({ id: planted.id }),
        metric: "MEAN_EXPERIENCE",
        direction: "DOWN",
      }),
    ]);
    expect(alerts[0]!.pointDate >= dates.relapseFrom).toBe(true);
    // In the 28 days from the rollout (they end the day before the relapse) the gap closed; the
    // window is over, so that reading is final.
    const progress = await getTargetProgress(manager, id);
    expect(progress.gapClosed).toBeGreaterThan(0);
    expect(progress).toMatchObject({
      after: { from: dates.rolloutOn, to: dates.evaluationTo },
      evaluation: { isComplete: true },
    });

    // The chart sends the project back to Improve: the rollout it relapsed from no longer opens Control.
    await reopenProject(manager, { projectId: id, chartId: alerts[0]!.chartId });
    expect(await db.improvementProject.findUniqueOrThrow({ where: { id } })).toMatchObject({
      phase: "IMPROVE",
      status: "ACTIVE",
    });
    await expect(
      moveProjectPhase(manager, {
        projectId: id,
        version: (await db.improvementProject.findUniqueOrThrow({ where: { id } })).version,
        phase: "CONTROL",
      }),
    ).rejects.toMatchObject({
      fieldErrors: { phase: ["improve.errors.requirement.rollout"] },
    });
  });
});
