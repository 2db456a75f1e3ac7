import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/permissions";
import { insertObservations } from "@/lib/observations/store";
import { getOverview, TOP_TOUCHPOINTS } from "@/lib/overview/queries";
import { getTargetProgress } from "@/lib/projects/progress";
import { addDays, startOfLocalDay } from "@/lib/dates/local-days";
import { seedDemoOrganization } from "@/prisma/seed/demo-organization";
import { DEMO_SKT_TEMPLATE, PLANTED_MOT } from "@/prisma/seed/demo-observations";
import { DEMO_PILOT, demoPilotDates } from "@/prisma/seed/demo-pilot";
import { DEMO_PROMISES } from "@/prisma/seed/demo-promises";
import { DEMO_JOURNEY_TEMPLATE } from "@/prisma/seed/demo-users";
import { resetDatabase } from "./helpers/db";
import { createOrganization, createUser } from "./helpers/factories";

// The executive overview on the demo organization: the headline over every journey, the
// fix-first list across journeys, and — once the demo story's pilot is decided ROLLOUT with its
// control chart, stored as the Improve phase stores them — the pilot's verdict, the relapse
// alert and the case outcome. Roles and tenants as everywhere.

beforeEach(resetDatabase);

async function demoActors() {
  await seedDemoOrganization();
  const users = await db.user.findMany({ select: { id: true, organizationId: true, role: true } });
  const as = (role: string): TActor => users.find((u) => u.role === role)!;
  return {
    executive: as("EXECUTIVE"),
    manager: as("MANAGER"),
    frontline: as("FRONTLINE"),
    organizationId: users[0]!.organizationId,
  };
}

/** The demo story's pilot as Improve records it: three pilot stores against three, decided ROLLOUT the day after, guarded by a daily chart. */
async function recordDemoRollout(organizationId: string, managerId: string) {
  const dates = demoPilotDates();
  const touchpoint = await db.touchpoint.findFirstOrThrow({
    where: {
      organizationId,
      nameEn: PLANTED_MOT.nameEn,
      journey: { templateKey: DEMO_SKT_TEMPLATE },
    },
    select: { id: true },
  });
  const sites = new Map(
    (await db.site.findMany({ where: { organizationId }, select: { id: true, code: true } })).map(
      (s) => [s.code, s.id],
    ),
  );
  const project = await db.improvementProject.create({
    data: {
      organizationId,
      title: "요금제 추천 대기 줄이기",
      phase: "CONTROL",
      ownerId: managerId,
      targetGapClosed: 0.5,
      touchpoints: { create: { organizationId, touchpointId: touchpoint.id } },
    },
    select: { id: true },
  });
  const pilot = await db.pilot.create({
    data: {
      organizationId,
      projectId: project.id,
      touchpointId: touchpoint.id,
      name: "강남점 피크 상담 인력 보강",
      metric: "MEAN_EXPERIENCE",
      targetEffect: 0.5,
      startsAt: startOfLocalDay(dates.startsOn),
      endsAt: startOfLocalDay(dates.endsOn),
      plannedPerGroup: 130,
      status: "COMPLETED",
      decision: "ROLLOUT",
      decidedById: managerId,
      decidedAt: new Date(),
      rolloutAt: startOfLocalDay(dates.rolloutOn),
      sites: {
        create: [
          ...DEMO_PILOT.pilotSiteCodes.map((code) => ({
            organizationId,
            siteId: sites.get(code)!,
            group: "PILOT" as const,
          })),
          ...DEMO_PILOT.controlSiteCodes.map((code) => ({
            organizationId,
            siteId: sites.get(code)!,
            group: "CONTROL" as const,
          })),
        ],
      },
    },
    select: { id: true },
  });
  await db.controlChart.create({
    data: {
      organizationId,
      projectId: project.id,
      touchpointId: touchpoint.id,
      metric: "MEAN_EXPERIENCE",
      subgroup: "DAY",
      baselineFrom: startOfLocalDay(dates.rolloutOn),
      baselineTo: startOfLocalDay(addDays(dates.rolloutOn, 13)),
      createdById: managerId,
    },
  });
  return { dates, touchpointId: touchpoint.id, projectId: project.id, pilotId: pilot.id };
}

describe("the executive overview", () => {
  it("gives the headline over every journey: the last 30 days against the 30 before, with intervals, and a 12-month trend", async () => {
    const { executive, organizationId } = await demoActors();
    // One answer on the other journey (Hilton) today: the headline counts every journey.
    const hilton = await db.touchpoint.findFirstOrThrow({
      where: { organizationId, journey: { templateKey: DEMO_JOURNEY_TEMPLATE } },
      select: { id: true },
    });
    await db.$transaction((tx) =>
      insertObservations(tx, { organizationId, loggedById: null }, [
        {
          clientId: "overview-test-1",
          touchpointId: hilton.id,
          driverId: null,
          segmentId: null,
          siteId: null,
          source: "SURVEY",
          observedAt: new Date(),
          expectationScore: 5,
          experiencedScore: 6,
          emotionalScore: null,
          nps: 10,
          csat: 5,
          ces: null,
          comment: "",
        },
      ]),
    );

    const overview = await getOverview(executive);
    const { current, previous } = overview.periods;
    expect(current.to).toBe(overview.periods.today);
    expect(previous.to).toBe(addDays(current.from, -1));
    const countIn = async (period: { from: string; to: string }) =>
      await db.observation.count({
        where: {
          organizationId,
          observedAt: {
            gte: startOfLocalDay(period.from),
            lt: startOfLocalDay(addDays(period.to, 1)),
          },
        },
      });
    expect(overview.observations).toEqual({
      current: await countIn(current),
      previous: await countIn(previous),
    });
    expect(overview.observations.current).toBeGreaterThan(1000);

    expect(overview.headline.map((h) => h.key)).toEqual(["csat", "nps", "gap"]);
    for (const metric of overview.headline) {
      expect(metric.current!.n).toBeGreaterThan(100);
      expect(metric.current!.interval!.low).toBeLessThan(metric.current!.value);
      expect(metric.change!.value).toBeCloseTo(metric.current!.value - metric.previous!.value, 8);
      expect(metric.change!.interval.low).toBeLessThan(metric.change!.value);
      expect(metric.change!.isBeyondNoise).toBe(
        metric.change!.interval.low > 0 || metric.change!.interval.high < 0,
      );
      expect(metric.trend).toHaveLength(12);
      expect(metric.trend.at(-1)!.month).toBe(`${overview.periods.today.slice(0, 7)}-01`);
      // 120 days of demo data: the months before them are empty, the last ones are not.
      expect(metric.trend[0]!.figure).toBeNull();
      expect(metric.trend.slice(-3).every((p) => p.figure !== null)).toBe(true);
    }
    // The relapse of the last week drags the mean gap below that of the improved month before.
    const gap = overview.headline.find((h) => h.key === "gap")!;
    expect(gap.current!.value).toBeLessThan(0);
  });

  it("lists the ten touchpoints to fix first across journeys, with the planted MOT first and each touchpoint's journey for its link", async () => {
    const { executive } = await demoActors();
    const { top, periods } = await getOverview(executive);
    expect(periods.ranking.to).toBe(periods.today);
    expect(top).toHaveLength(TOP_TOUCHPOINTS);
    expect(top.map((t) => t.rank)).toEqual(
      Array.from({ length: TOP_TOUCHPOINTS }, (_, i) => i + 1),
    );
    expect(top[0]).toMatchObject({
      touchpoint: { nameEn: PLANTED_MOT.nameEn, isMoT: true },
      reason: { verdict: "BELOW_EXPECTATION" },
    });
    expect(top[0]!.reason.meanGap).toBeLessThan(-0.5);
    // "Fix first" lists only what Measure shows below expectation, with Measure's own ranks.
    expect(top.every((t) => t.reason.verdict === "BELOW_EXPECTATION")).toBe(true);
    const skt = await db.journey.findFirstOrThrow({
      where: { templateKey: DEMO_SKT_TEMPLATE },
      select: { id: true },
    });
    expect(top.every((t) => t.journey.id === skt.id)).toBe(true);
    expect(
      [...top].sort((a, b) => b.reason.score - a.reason.score).map((t) => t.touchpoint.id),
    ).toEqual(top.map((t) => t.touchpoint.id));
  });

  it("shows a rolled-out pilot's verdict, the relapse its control chart flags, the case outcome before and after, projects and promise compliance", async () => {
    const { executive, manager, organizationId } = await demoActors();
    const { dates, projectId, pilotId, touchpointId } = await recordDemoRollout(
      organizationId,
      manager.id,
    );

    const overview = await getOverview(executive);
    expect(overview.projects).toEqual([
      expect.objectContaining({ id: projectId, phase: "CONTROL", status: "ACTIVE" }),
    ]);
    expect(overview.pilots).toEqual([
      expect.objectContaining({
        id: pilotId,
        projectId,
        decision: expect.objectContaining({ decision: "ROLLOUT", rolloutDay: dates.rolloutOn }),
      }),
    ]);
    expect(overview.pilots[0]!.outcome.verdict).toBe("IMPROVED");

    expect(overview.alerts).toHaveLength(1);
    expect(overview.alerts[0]).toMatchObject({
      projectId,
      touchpoint: { id: touchpointId },
      direction: "DOWN",
    });
    expect(overview.alerts[0]!.pointDate >= dates.relapseFrom).toBe(true);

    expect(overview.outcomes).toHaveLength(1);
    const outcome = overview.outcomes[0]!;
    expect(outcome).toMatchObject({
      pilotId,
      projectId,
      metric: "MEAN_EXPERIENCE",
      rolloutDay: dates.rolloutOn,
      verdict: "IMPROVED",
    });
    // One "before" for the overview and the project's progress: the 90 days before the first pilot.
    expect(outcome.before).toMatchObject({ from: dates.beforeFrom, to: dates.beforeTo });
    const progress = await getTargetProgress(manager, projectId);
    expect(progress.before).toMatchObject({ from: dates.beforeFrom, to: dates.beforeTo });
    // Judged on the 28 days from the rollout, which ended the day before the relapse: the verdict
    // is the fix's, and the relapse after it is the control chart's to flag, not a new verdict.
    expect(outcome.after).toMatchObject({ from: dates.rolloutOn, to: dates.evaluationTo });
    expect(addDays(dates.evaluationTo, 1)).toBe(dates.relapseFrom);
    expect(outcome.evaluation).toEqual({
      to: dates.evaluationTo,
      isComplete: true,
      verdictDay: dates.relapseFrom,
    });
    expect(progress).toMatchObject({
      after: { from: dates.rolloutOn, to: dates.evaluationTo },
      evaluation: outcome.evaluation,
      isGapMet: true,
    });
    expect(outcome.difference!.value).toBeCloseTo(
      outcome.after.figure!.value - outcome.before.figure!.value,
      8,
    );
    expect(outcome.difference!.interval.low).toBeGreaterThan(0.3);
    expect(outcome.difference!.pValue).toBeLessThan(0.05);
    expect(outcome.before.figure!.n).toBeGreaterThan(100);
    expect(outcome.after.figure!.n).toBeGreaterThan(300);

    expect(overview.promises.map((p) => p.titleEn).sort()).toEqual(
      DEMO_PROMISES.map((p) => p.titleEn).sort(),
    );
  });

  it("shows a rollout whose 28 days still run with its estimate and interval so far, and the day of its verdict instead of one", async () => {
    const { executive, manager, organizationId } = await demoActors();
    const { pilotId } = await recordDemoRollout(organizationId, manager.id);
    const today = demoPilotDates().today;
    const rolloutDay = addDays(today, -20);
    await db.pilot.update({
      where: { id: pilotId },
      data: { rolloutAt: startOfLocalDay(rolloutDay) },
    });
    const [outcome] = (await getOverview(executive)).outcomes;
    expect(outcome).toMatchObject({
      rolloutDay,
      after: { from: rolloutDay, to: today },
      evaluation: {
        to: addDays(rolloutDay, 27),
        isComplete: false,
        verdictDay: addDays(rolloutDay, 28),
      },
      verdict: null,
      difference: { pValue: null },
    });
    expect(outcome!.after.figure!.n).toBeGreaterThan(100);
    expect(outcome!.difference!.interval.low).toBeLessThan(outcome!.difference!.value);
  });

  it("has no outcome for a rollout whose day has not come, nor for a pilot decided otherwise", async () => {
    const { executive, manager, organizationId } = await demoActors();
    const { pilotId } = await recordDemoRollout(organizationId, manager.id);
    await db.pilot.update({
      where: { id: pilotId },
      data: { rolloutAt: startOfLocalDay(addDays(demoPilotDates().today, 3)) },
    });
    expect((await getOverview(executive)).outcomes).toEqual([]);
    await db.pilot.update({
      where: { id: pilotId },
      data: { decision: "NO_ROLLOUT", rolloutAt: null },
    });
    const overview = await getOverview(executive);
    expect(overview.outcomes).toEqual([]);
    expect(overview.pilots).toHaveLength(1);
  });

  it("is for executives, managers and admins only, and shows another organization nothing of this one", async () => {
    const { frontline, manager, organizationId } = await demoActors();
    await recordDemoRollout(organizationId, manager.id);
    await expect(getOverview(frontline)).rejects.toMatchObject({ code: "FORBIDDEN" });

    const other = await createOrganization("Other");
    const outsider = await createUser(other.id, "EXECUTIVE");
    const overview = await getOverview(outsider);
    expect(overview.observations).toEqual({ current: 0, previous: 0 });
    expect(
      overview.headline.every(
        (h) => h.current === null && h.change === null && h.trend.every((p) => p.figure === null),
      ),
    ).toBe(true);
    expect(overview).toMatchObject({
      top: [],
      projects: [],
      pilots: [],
      alerts: [],
      outcomes: [],
      promises: [],
    });
  });
});
