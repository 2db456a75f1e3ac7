import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { aggregateObservations } from "@/lib/analytics/aggregate";
import {
  createControlChart,
  deleteControlChart,
  ensureControlChartUnchecked,
  reopenProject,
  updateControlChart,
} from "@/lib/control/mutations";
import { getControlView, listControlAlerts } from "@/lib/control/queries";
import { recordObservations } from "@/lib/observations/mutations";
import { openAnalysis } from "@/lib/projects/analysis";
import { createProject } from "@/lib/projects/projects";
import { addDays, firstMondayFrom, localDayOf, startOfLocalDay } from "@/lib/dates/local-days";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import { appError, buildJourney, type TFixture } from "./helpers/journey-fixture";
import { countLoggedChanges } from "./helpers/audit";

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
let f: TFixture;

beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
  f = await buildJourney(cast.a.manager);
});

const NOW = new Date();
const TODAY = localDayOf(NOW);
const day = (offset: number) => addDays(TODAY, offset);
/** Local noon of a day: safely inside it whatever the server's zone. */
const noonOf = (localDay: string) => new Date(startOfLocalDay(localDay).getTime() + 12 * 3_600_000);

// Eight answers a day. Day-to-day wobble that stays in control: means 5, 5.5, 4.75, 4.625, 5.25, 4.75, 5.5, 4.625.
const DAYS_IN_CONTROL = [
  [4, 5, 6, 5, 4, 6, 5, 5],
  [5, 6, 6, 5, 5, 6, 5, 6],
  [4, 5, 5, 5, 4, 6, 5, 4],
  [4, 4, 5, 5, 4, 6, 5, 4],
  [5, 5, 6, 5, 4, 6, 5, 6],
  [4, 5, 5, 5, 4, 6, 5, 4],
  [5, 6, 6, 5, 5, 6, 5, 6],
  [4, 4, 5, 5, 4, 6, 5, 4],
];
const RELAPSED_DAY = [2, 3, 3, 2, 3, 3, 2, 3];
const BASELINE = { baselineFrom: day(-60), baselineTo: day(-31) };

/** 61 days of answers at a touchpoint (CSAT 5 when the score is 5 or more, else 3); the last `relapseDays` relapsed. */
async function recordDays(touchpointId: string, relapseDays: number) {
  const observations = [];
  for (let offset = -60; offset <= 0; offset += 1) {
    const scores =
      offset > -relapseDays
        ? RELAPSED_DAY
        : DAYS_IN_CONTROL[(offset + 60) % DAYS_IN_CONTROL.length]!;
    for (const score of scores)
      observations.push({
        touchpointId,
        source: "SURVEY" as const,
        observedAt: noonOf(day(offset)),
        experiencedScore: score,
        csat: score >= 5 ? 5 : 3,
      });
  }
  await recordObservations(cast.a.manager, { observations });
}

async function projectOn(touchpointId: string, phase: "CONTROL" | "IMPROVE" = "CONTROL") {
  const { projectId } = await openAnalysis(cast.a.manager, { touchpointId });
  await db.improvementProject.update({
    where: { id: projectId },
    data: { phase, status: phase === "CONTROL" ? "DONE" : "ACTIVE" },
  });
  return projectId;
}

/** A second project of the organization on these touchpoints (openAnalysis finds the first again). */
async function anotherProjectOn(...touchpointIds: string[]) {
  return (await createProject(cast.a.manager, { title: "Another round", touchpointIds })).id;
}

/** The project's history entries (its audit log) with this action. */
const historyOf = (projectId: string, action: string) =>
  db.auditLog.findMany({
    where: {
      organizationId: cast.a.organization.id,
      entityType: "ImprovementProject",
      entityId: projectId,
      action,
    },
  });

describe("the aggregation Control is built on", () => {
  it("groups by Korean calendar day and filters by a set of sites", async () => {
    const [gangnam, jamsil] = await Promise.all(
      ["GANGNAM", "JAMSIL"].map((code) =>
        db.site.create({ data: { organizationId: cast.a.organization.id, code, name: code } }),
      ),
    );
    await recordObservations(cast.a.manager, {
      observations: [
        // 14:59 UTC is 23:59 in Seoul: still the 2nd. 15:00 UTC is midnight: the 3rd.
        {
          touchpointId: f.mot,
          siteId: gangnam!.id,
          source: "SURVEY",
          observedAt: new Date("2026-11-02T14:59:00Z"),
          experiencedScore: 4,
        },
        {
          touchpointId: f.mot,
          siteId: gangnam!.id,
          source: "SURVEY",
          observedAt: new Date("2026-11-02T15:00:00Z"),
          experiencedScore: 6,
        },
        {
          touchpointId: f.mot,
          siteId: jamsil!.id,
          source: "SURVEY",
          observedAt: new Date("2026-11-02T16:00:00Z"),
          experiencedScore: 2,
        },
        {
          touchpointId: f.mot,
          source: "SURVEY",
          observedAt: new Date("2026-11-02T17:00:00Z"),
          experiencedScore: 7,
        },
      ],
    });
    const filter = { journeyId: f.journeyId, touchpointId: f.mot };
    const byDay = await aggregateObservations(cast.a.organization.id, filter, ["day"]);
    expect(byDay.map((g) => [g.keys[0], g.experience.n, g.experience.sum])).toEqual([
      ["2026-11-02", 1, 4],
      ["2026-11-03", 3, 15],
    ]);
    const twoSites = await aggregateObservations(
      cast.a.organization.id,
      { ...filter, siteIds: [gangnam!.id, jamsil!.id] },
      ["day"],
    );
    expect(twoSites.map((g) => [g.keys[0], g.experience.sum])).toEqual([
      ["2026-11-02", 4],
      ["2026-11-03", 8],
    ]);
    expect(
      await aggregateObservations(cast.a.organization.id, { ...filter, siteIds: [jamsil!.id] }, []),
    ).toMatchObject([{ observations: 1, experience: { sum: 2 } }]);
    expect(
      await aggregateObservations(cast.a.organization.id, { ...filter, siteIds: [] }, []),
    ).toMatchObject([{ observations: 0 }]);
  });
});

describe("control charts", () => {
  it("flags a relapse after the baseline and raises an alert on the chart, on the page and on the project; a stable touchpoint raises none", async () => {
    await recordDays(f.mot, 4);
    await recordDays(f.plain, 0);
    const projectId = await projectOn(f.mot);
    const { id: relapsed } = await createControlChart(
      cast.a.manager,
      { touchpointId: f.mot, metric: "MEAN_EXPERIENCE", subgroup: "DAY", projectId, ...BASELINE },
      NOW,
    );
    const { id: stable } = await createControlChart(
      cast.a.manager,
      { touchpointId: f.plain, metric: "MEAN_EXPERIENCE", subgroup: "DAY", ...BASELINE },
      NOW,
    );

    const view = await getControlView(cast.a.executive, NOW);
    const chart = view.charts.find((c) => c.id === relapsed)!;
    // The eight-day wobble moves the daily means (4.625–5.5) more than the spread of eight answers
    // explains: the chart is Laney's X-bar′, and the relapsed days still fall far below it.
    expect(chart).toMatchObject({
      kind: "XBAR_PRIME",
      reason: "OVERDISPERSED",
      withinDf: 30 * 7,
      status: "OK",
      baselineSubgroups: 30,
      isProvisional: false,
      baselineFrom: day(-60),
      baselineTo: day(-31),
      n: 61 * 8,
    });
    expect(chart.points).toHaveLength(61);
    // The baseline's grand mean: 30 days of the eight-day wobble.
    const baselineScores = Array.from({ length: 30 }, (_, i) => DAYS_IN_CONTROL[i % 8]!).flat();
    expect(chart.points[0]!.center).toBeCloseTo(
      baselineScores.reduce((a, b) => a + b, 0) / baselineScores.length,
      10,
    );
    const last = chart.points.at(-1)!;
    expect(last).toMatchObject({ date: TODAY, value: 2.625, n: 8, isBaseline: false });
    expect(last.value).toBeLessThan(last.lower);
    expect(last.signals).toContainEqual({ rule: "BEYOND_3_SIGMA", direction: "DOWN" });

    const alert = {
      chartId: relapsed,
      projectId,
      touchpoint: { id: f.mot, nameKo: "Counter (ko)", nameEn: "Counter" },
      metric: "MEAN_EXPERIENCE",
      rule: "BEYOND_3_SIGMA",
      pointDate: TODAY,
      direction: "DOWN",
    };
    expect(view.alerts).toMatchObject([alert]);
    expect(view.alerts[0]!.center).toBeCloseTo(chart.points[0]!.center, 10);

    const stableChart = view.charts.find((c) => c.id === stable)!;
    expect(stableChart.alert).toBeNull();
    expect(stableChart.points.filter((p) => !p.isBaseline).flatMap((p) => p.signals)).toEqual([]);

    expect(await listControlAlerts(cast.a.manager, { projectId }, NOW)).toMatchObject([alert]);
    expect(await listControlAlerts(cast.a.executive, {}, NOW)).toHaveLength(1);
    expect(await listControlAlerts(cast.a.manager, { projectId: "another-project" }, NOW)).toEqual(
      [],
    );
  });

  it("charts the CSAT share on a p-chart, in %", async () => {
    await recordDays(f.mot, 4);
    const { id } = await createControlChart(
      cast.a.manager,
      { touchpointId: f.mot, metric: "CSAT", subgroup: "WEEK", ...BASELINE },
      NOW,
    );
    const chart = (await getControlView(cast.a.manager, NOW)).charts.find((c) => c.id === id)!;
    expect(chart.kind).toBe("P");
    expect(chart.points.every((p) => p.value >= 0 && p.value <= 100 && p.center > 1)).toBe(true);
    // Relapsed answers are all below 5, so CSAT falls to 0 % in the last days' week.
    expect(chart.alert).toMatchObject({
      metric: "CSAT",
      direction: "DOWN",
      pointDate: expect.any(String),
    });
  });

  it("reopens the project from an alert: back to Improve and active, with the chart and rule in its history", async () => {
    await recordDays(f.mot, 4);
    const projectId = await projectOn(f.mot);
    const { id: chartId } = await createControlChart(
      cast.a.manager,
      { touchpointId: f.mot, metric: "MEAN_EXPERIENCE", subgroup: "DAY", projectId, ...BASELINE },
      NOW,
    );
    const before = await db.improvementProject.findUniqueOrThrow({ where: { id: projectId } });

    await reopenProject(cast.a.manager, { projectId, chartId }, NOW);
    const after = await db.improvementProject.findUniqueOrThrow({ where: { id: projectId } });
    expect(after).toMatchObject({
      phase: "IMPROVE",
      status: "ACTIVE",
      closedAt: null,
      version: before.version + 1,
    });
    const history = await db.auditLog.findMany({
      where: {
        organizationId: cast.a.organization.id,
        entityType: "ImprovementProject",
        entityId: projectId,
        action: "project.reopen",
      },
    });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      actorId: cast.a.manager.id,
      details: {
        chartId,
        rule: "BEYOND_3_SIGMA",
        pointDate: TODAY,
        metric: "MEAN_EXPERIENCE",
        touchpointId: f.mot,
        fromPhase: "CONTROL",
        fromStatus: "DONE",
      },
    });

    // Already back in Improve: a second reopen is refused, and nothing more is written.
    await expect(reopenProject(cast.a.admin, { projectId, chartId }, NOW)).rejects.toMatchObject(
      appError("CONFLICT", "control.errors.alreadyReopened"),
    );
    expect(await db.auditLog.count({ where: { action: "project.reopen" } })).toBe(1);
  });

  it("reopens only a project in Control (or finished): one still in an earlier phase is refused and left as it was", async () => {
    await recordDays(f.mot, 4);
    const projectId = await projectOn(f.mot);
    const { id: chartId } = await createControlChart(
      cast.a.manager,
      { touchpointId: f.mot, metric: "MEAN_EXPERIENCE", subgroup: "DAY", projectId, ...BASELINE },
      NOW,
    );
    for (const state of [
      { phase: "DEFINE", status: "ACTIVE" },
      { phase: "ANALYZE", status: "ON_HOLD" },
    ] as const) {
      await db.improvementProject.update({ where: { id: projectId }, data: state });
      const before = await db.improvementProject.findUniqueOrThrow({ where: { id: projectId } });
      await expect(
        reopenProject(cast.a.manager, { projectId, chartId }, NOW),
      ).rejects.toMatchObject(appError("CONFLICT", "control.errors.notInControl"));
      expect(await db.improvementProject.findUniqueOrThrow({ where: { id: projectId } })).toEqual(
        before,
      );
    }
    expect(await historyOf(projectId, "project.reopen")).toEqual([]);
    // Finished in an earlier phase (closed as done) counts as finished.
    await db.improvementProject.update({
      where: { id: projectId },
      data: { phase: "IMPROVE", status: "DONE" },
    });
    await reopenProject(cast.a.manager, { projectId, chartId }, NOW);
    expect(
      await db.improvementProject.findUniqueOrThrow({ where: { id: projectId } }),
    ).toMatchObject({ phase: "IMPROVE", status: "ACTIVE" });
  });

  it("refuses to reopen without a current alert, or through a chart not tied to the project", async () => {
    await recordDays(f.plain, 0);
    await recordDays(f.mot, 4);
    const projectId = await projectOn(f.plain);
    const otherProject = await projectOn(f.mot);
    const { id: quiet } = await createControlChart(
      cast.a.manager,
      { touchpointId: f.plain, metric: "MEAN_EXPERIENCE", subgroup: "DAY", projectId, ...BASELINE },
      NOW,
    );
    const { id: loud } = await createControlChart(
      cast.a.manager,
      {
        touchpointId: f.mot,
        metric: "MEAN_EXPERIENCE",
        subgroup: "DAY",
        projectId: otherProject,
        ...BASELINE,
      },
      NOW,
    );
    await expect(
      reopenProject(cast.a.manager, { projectId, chartId: quiet }, NOW),
    ).rejects.toMatchObject(appError("CONFLICT", "control.errors.noAlert"));
    await expect(
      reopenProject(cast.a.manager, { projectId, chartId: loud }, NOW),
    ).rejects.toMatchObject(appError("NOT_FOUND"));
    expect(
      await db.improvementProject.findUniqueOrThrow({ where: { id: projectId } }),
    ).toMatchObject({ phase: "CONTROL", status: "DONE" });
  });

  it("ensureControlChartUnchecked makes one chart per touchpoint and metric, re-pointed at the latest rollout; the project it leaves is told", async () => {
    const projectId = await projectOn(f.mot);
    const input = {
      organizationId: cast.a.organization.id,
      projectId: null,
      touchpointId: f.mot,
      metric: "CSAT" as const,
      baselineFrom: startOfLocalDay(day(-40)),
      baselineTo: startOfLocalDay(day(-11)),
      createdById: cast.a.manager.id,
    };
    const first = await db.$transaction((tx) => ensureControlChartUnchecked(tx, input));
    const second = await db.$transaction((tx) =>
      ensureControlChartUnchecked(tx, {
        ...input,
        projectId,
        baselineFrom: startOfLocalDay(day(-20)),
      }),
    );
    expect(second.id).toBe(first.id);
    expect(
      await db.controlChart.findMany({
        select: { projectId: true, baselineFrom: true, subgroup: true },
      }),
    ).toEqual([{ projectId, baselineFrom: startOfLocalDay(day(-20)), subgroup: "DAY" }]);
    // From no project to one: nothing was taken from anybody.
    expect(
      await db.auditLog.count({
        where: { action: { in: ["control_chart.repoint", "control.repoint"] } },
      }),
    ).toBe(0);

    // A later rollout of another project on the same touchpoint takes the chart over: both histories say so.
    const nextRound = await anotherProjectOn(f.mot);
    await db.$transaction((tx) =>
      ensureControlChartUnchecked(tx, { ...input, projectId: nextRound }),
    );
    expect(
      await db.controlChart.findUniqueOrThrow({
        where: { id: first.id },
        select: { projectId: true },
      }),
    ).toEqual({ projectId: nextRound });
    const repoint = {
      chartId: first.id,
      touchpointId: f.mot,
      metric: "CSAT",
      fromProjectId: projectId,
      toProjectId: nextRound,
    };
    expect(await historyOf(projectId, "control.repoint")).toMatchObject([
      { actorId: cast.a.manager.id, details: repoint },
    ]);
    expect(
      await db.auditLog.findMany({ where: { entityType: "ControlChart", entityId: first.id } }),
    ).toMatchObject([{ action: "control_chart.repoint", details: repoint }]);
    expect(await historyOf(nextRound, "control.repoint")).toEqual([]);
  });

  it("ensureControlChartUnchecked reads the touchpoint and the project within the organization", async () => {
    const projectId = await projectOn(f.mot);
    const theirs = await buildJourney(cast.b.manager, "Theirs");
    const { projectId: theirProject } = await openAnalysis(cast.b.manager, {
      touchpointId: theirs.mot,
    });
    const input = {
      organizationId: cast.a.organization.id,
      projectId,
      touchpointId: f.mot,
      metric: "CSAT" as const,
      baselineFrom: startOfLocalDay(day(-40)),
      baselineTo: startOfLocalDay(day(-11)),
      createdById: cast.a.manager.id,
    };
    const before = { charts: await db.controlChart.count(), logs: await countLoggedChanges() };
    await expect(
      db.$transaction((tx) =>
        ensureControlChartUnchecked(tx, { ...input, organizationId: cast.b.organization.id }),
      ),
    ).rejects.toMatchObject(appError("NOT_FOUND"));
    await expect(
      db.$transaction((tx) =>
        ensureControlChartUnchecked(tx, { ...input, projectId: theirProject }),
      ),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      fieldErrors: { projectId: ["errors.NOT_FOUND"] },
    });
    // Their own touchpoint, our project: still not theirs to use.
    await expect(
      db.$transaction((tx) =>
        ensureControlChartUnchecked(tx, {
          ...input,
          organizationId: cast.b.organization.id,
          touchpointId: theirs.mot,
        }),
      ),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      fieldErrors: { projectId: ["errors.NOT_FOUND"] },
    });
    expect({ charts: await db.controlChart.count(), logs: await countLoggedChanges() }).toEqual(
      before,
    );
  });

  it("ties a chart only to a project of its touchpoint; re-pointing by hand goes in the old project's history", async () => {
    const motProject = await projectOn(f.mot);
    const plainProject = await projectOn(f.plain);
    const m = cast.a.manager;
    await expect(
      createControlChart(
        m,
        {
          touchpointId: f.mot,
          metric: "CSAT",
          subgroup: "DAY",
          projectId: plainProject,
          ...BASELINE,
        },
        NOW,
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { projectId: ["control.errors.projectTouchpoint"] },
    });
    expect(await db.controlChart.count()).toBe(0);
    const { id } = await createControlChart(
      m,
      { touchpointId: f.mot, metric: "CSAT", subgroup: "DAY", projectId: motProject, ...BASELINE },
      NOW,
    );
    await expect(
      updateControlChart(
        m,
        { chartId: id, subgroup: "DAY", projectId: plainProject, ...BASELINE },
        NOW,
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { projectId: ["control.errors.projectTouchpoint"] },
    });
    expect(
      await db.controlChart.findUniqueOrThrow({ where: { id }, select: { projectId: true } }),
    ).toEqual({ projectId: motProject });

    const both = await anotherProjectOn(f.mot, f.plain);
    await updateControlChart(
      m,
      { chartId: id, subgroup: "DAY", projectId: both, ...BASELINE },
      NOW,
    );
    expect(await historyOf(motProject, "control.repoint")).toMatchObject([
      { details: { chartId: id, fromProjectId: motProject, toProjectId: both } },
    ]);
    // Untied (no project): the project it guarded is told too.
    await updateControlChart(m, { chartId: id, subgroup: "DAY", projectId: "", ...BASELINE }, NOW);
    expect(await historyOf(both, "control.repoint")).toMatchObject([
      { details: { chartId: id, fromProjectId: both, toProjectId: null } },
    ]);
  });

  it("edits and deletes a chart; a second chart of the same touchpoint and metric is refused", async () => {
    const { id } = await createControlChart(
      cast.a.manager,
      { touchpointId: f.mot, metric: "MEAN_EXPERIENCE", subgroup: "DAY", ...BASELINE },
      NOW,
    );
    await expect(
      createControlChart(
        cast.a.admin,
        { touchpointId: f.mot, metric: "MEAN_EXPERIENCE", subgroup: "WEEK", ...BASELINE },
        NOW,
      ),
    ).rejects.toMatchObject(appError("CONFLICT", "control.errors.duplicate"));
    await updateControlChart(
      cast.a.manager,
      {
        chartId: id,
        subgroup: "WEEK",
        baselineFrom: day(-50),
        baselineTo: day(-20),
        projectId: "",
      },
      NOW,
    );
    expect((await getControlView(cast.a.manager, NOW)).charts).toMatchObject([
      {
        id,
        subgroup: "WEEK",
        baselineFrom: day(-50),
        baselineTo: day(-20),
        project: null,
        status: "NO_BASELINE_DATA",
      },
    ]);
    await deleteControlChart(cast.a.manager, { chartId: id });
    expect(await db.controlChart.count()).toBe(0);
    expect(
      await db.auditLog.findMany({
        where: { entityType: "ControlChart", entityId: id },
        select: { action: true },
        orderBy: { id: "asc" },
      }),
    ).toEqual([
      { action: "control_chart.create" },
      { action: "control_chart.update" },
      { action: "control_chart.delete" },
    ]);
  });
});

describe("who may do what", () => {
  /** The rows a refused change could have touched. */
  const snapshot = async () => ({
    charts: await db.controlChart.findMany({ orderBy: { id: "asc" } }),
    projects: await db.improvementProject.findMany({ orderBy: { id: "asc" } }),
    auditLogs: await countLoggedChanges(),
  });

  it("executives read charts and alerts but change nothing; frontline staff see nothing — and refusals change nothing", async () => {
    await recordDays(f.mot, 4);
    const projectId = await projectOn(f.mot);
    const { id: chartId } = await createControlChart(
      cast.a.manager,
      { touchpointId: f.mot, metric: "MEAN_EXPERIENCE", subgroup: "DAY", projectId, ...BASELINE },
      NOW,
    );
    expect((await getControlView(cast.a.executive, NOW)).charts).toHaveLength(1);
    const before = await snapshot();
    for (const actor of [cast.a.executive, cast.a.frontline]) {
      await expect(
        createControlChart(
          actor,
          { touchpointId: f.plain, metric: "CSAT", subgroup: "DAY", ...BASELINE },
          NOW,
        ),
      ).rejects.toMatchObject(appError("FORBIDDEN"));
      await expect(
        updateControlChart(actor, { chartId, subgroup: "WEEK", ...BASELINE }, NOW),
      ).rejects.toMatchObject(appError("FORBIDDEN"));
      await expect(deleteControlChart(actor, { chartId })).rejects.toMatchObject(
        appError("FORBIDDEN"),
      );
      await expect(reopenProject(actor, { projectId, chartId }, NOW)).rejects.toMatchObject(
        appError("FORBIDDEN"),
      );
    }
    await expect(getControlView(cast.a.frontline, NOW)).rejects.toMatchObject(
      appError("FORBIDDEN"),
    );
    await expect(listControlAlerts(cast.a.frontline)).rejects.toMatchObject(appError("FORBIDDEN"));
    expect(await snapshot()).toEqual(before);
  });

  it("another organization's charts, touchpoints and projects are not found, and it sees none of this one's", async () => {
    await recordDays(f.mot, 4);
    const projectId = await projectOn(f.mot);
    const { id: chartId } = await createControlChart(
      cast.a.manager,
      { touchpointId: f.mot, metric: "MEAN_EXPERIENCE", subgroup: "DAY", projectId, ...BASELINE },
      NOW,
    );
    const theirs = await buildJourney(cast.b.manager, "Theirs");
    const before = await snapshot();
    const b = cast.b.manager;
    await expect(
      createControlChart(
        b,
        { touchpointId: f.plain, metric: "CSAT", subgroup: "DAY", ...BASELINE },
        NOW,
      ),
    ).rejects.toMatchObject(appError("NOT_FOUND"));
    await expect(
      createControlChart(
        b,
        { touchpointId: theirs.mot, metric: "CSAT", subgroup: "DAY", projectId, ...BASELINE },
        NOW,
      ),
    ).rejects.toMatchObject(appError("NOT_FOUND"));
    await expect(
      updateControlChart(b, { chartId, subgroup: "WEEK", ...BASELINE }, NOW),
    ).rejects.toMatchObject(appError("NOT_FOUND"));
    await expect(deleteControlChart(b, { chartId })).rejects.toMatchObject(appError("NOT_FOUND"));
    await expect(reopenProject(b, { projectId, chartId }, NOW)).rejects.toMatchObject(
      appError("NOT_FOUND"),
    );
    expect(await snapshot()).toEqual(before);
    expect(await getControlView(b, NOW)).toMatchObject({ charts: [], alerts: [] });
    expect(await listControlAlerts(b, { projectId }, NOW)).toEqual([]);

    // Their own chart, tied by them to this organization's project: the project is not found.
    const { projectId: theirProject } = await openAnalysis(b, { touchpointId: theirs.mot });
    const { id: theirChart } = await createControlChart(
      b,
      {
        touchpointId: theirs.mot,
        metric: "CSAT",
        subgroup: "DAY",
        projectId: theirProject,
        ...BASELINE,
      },
      NOW,
    );
    const theirsBefore = await snapshot();
    const projectNotFound = { code: "NOT_FOUND", fieldErrors: { projectId: ["errors.NOT_FOUND"] } };
    await expect(
      updateControlChart(b, { chartId: theirChart, subgroup: "DAY", projectId, ...BASELINE }, NOW),
    ).rejects.toMatchObject(projectNotFound);
    await expect(
      createControlChart(
        b,
        {
          touchpointId: theirs.mot,
          metric: "MEAN_EXPERIENCE",
          subgroup: "DAY",
          projectId,
          ...BASELINE,
        },
        NOW,
      ),
    ).rejects.toMatchObject(projectNotFound);
    expect(await snapshot()).toEqual(theirsBefore);
  });

  it("answers bad input with a clear message (message keys, as a form gets them) and changes nothing", async () => {
    const before = await snapshot();
    const m = cast.a.manager;
    const chart = { touchpointId: f.mot, metric: "CSAT" as const, subgroup: "DAY" as const };
    await expect(
      createControlChart(m, { ...chart, metric: "NPS" as never, ...BASELINE }, NOW),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { metric: ["validation.invalidValue"] },
    });
    await expect(
      createControlChart(m, { ...chart, baselineFrom: day(-10), baselineTo: day(-20) }, NOW),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { baselineTo: ["control.errors.baselineOrder"] },
    });
    await expect(
      createControlChart(m, { ...chart, baselineFrom: "2026-02-30", baselineTo: day(-20) }, NOW),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { baselineFrom: ["validation.invalidFormat"] },
    });
    await expect(
      createControlChart(m, { ...chart, baselineFrom: day(-5), baselineTo: day(3) }, NOW),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { baselineTo: ["control.errors.baselineInFuture"] },
    });
    // A weekly chart's baseline must hold a whole week (Monday to Sunday): Tuesday to the next Monday does not.
    const tuesday = addDays(firstMondayFrom(day(-40)), 1);
    await expect(
      createControlChart(
        m,
        { ...chart, subgroup: "WEEK", baselineFrom: tuesday, baselineTo: addDays(tuesday, 6) },
        NOW,
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { baselineTo: ["control.errors.baselineNoWholeWeek"] },
    });
    await expect(
      updateControlChart(m, { chartId: "", subgroup: "DAY", ...BASELINE }, NOW),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { chartId: ["validation.tooShort"] },
    });
    await expect(deleteControlChart(m, {} as never)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { chartId: ["validation.required"] },
    });
    await expect(
      reopenProject(m, { projectId: "p", chartId: 7 as never }, NOW),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { chartId: ["validation.invalidType"] },
    });
    expect(await snapshot()).toEqual(before);
  });
});
