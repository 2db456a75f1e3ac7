import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recordObservations } from "@/lib/observations/mutations";
import {
  chooseOption,
  deleteCause,
  deleteOption,
  openAnalysis,
  saveCause,
  saveOption,
} from "@/lib/projects/analysis";
import { getAnalysis, getCommentThemes, listAnalyses } from "@/lib/projects/queries";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import { buildJourney, type TFixture } from "./helpers/journey-fixture";

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
let f: TFixture;

beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
  f = await buildJourney(cast.a.manager);
});

const observedAt = new Date("2026-11-20T10:00:00Z");
/** "Today" for the analysis window, so that the test does not age. */
const now = new Date("2026-12-01T03:00:00Z");

describe("Analyze: causes, options and comment themes of a priority", () => {
  it("opens one project per touchpoint, records causes in the three dimensions as a Pareto, and one chosen option", async () => {
    const { projectId, isNew } = await openAnalysis(cast.a.manager, { touchpointId: f.mot });
    expect(isNew).toBe(true);
    expect(await openAnalysis(cast.a.manager, { touchpointId: f.mot })).toEqual({
      projectId,
      isNew: false,
    });
    expect(
      await db.improvementProject.findUniqueOrThrow({ where: { id: projectId } }),
    ).toMatchObject({ phase: "ANALYZE", title: "Counter (ko)", ownerId: cast.a.manager.id });

    await saveCause(cast.a.manager, {
      projectId,
      dimension: "FRONTLINE_STAFF",
      description: "창구 인력 부족",
      unmetNeed: "빠른 안내",
      frequency: 12,
    });
    await saveCause(cast.a.manager, {
      projectId,
      dimension: "PRODUCT_SERVICE",
      description: "예약 시스템 누락",
      frequency: 30,
    });
    const { id: small } = await saveCause(cast.a.manager, {
      projectId,
      dimension: "MARKETING_COMMUNICATION",
      description: "광고와 다른 요금 안내",
      frequency: 3,
    });
    await saveCause(cast.a.manager, {
      projectId,
      causeId: small,
      dimension: "MARKETING_COMMUNICATION",
      description: "광고와 다른 요금 안내",
      frequency: 8,
    });

    const first = await saveOption(cast.a.manager, {
      projectId,
      description: "모바일 사전 접수",
      dimension: "PRODUCT_SERVICE",
    });
    const second = await saveOption(cast.a.manager, {
      projectId,
      description: "피크 시간 인력 추가",
    });
    await chooseOption(cast.a.manager, { projectId, optionId: first.id });
    await chooseOption(cast.a.manager, { projectId, optionId: second.id });

    const analysis = await getAnalysis(cast.a.executive, projectId);
    // Pareto by frequency: 30, 12, 8 of 50 → shares 0.6, 0.24, 0.16; cumulative 0.6, 0.84, 1; the vital few reach 80 %.
    expect(
      analysis.causePareto.map((b) => [b.label, b.count, b.share, b.cumulativeShare, b.isVitalFew]),
    ).toEqual([
      ["예약 시스템 누락", 30, 0.6, 0.6, true],
      ["창구 인력 부족", 12, 0.24, 0.84, true],
      ["광고와 다른 요금 안내", 8, 0.16, 1, false],
    ]);
    expect(analysis.causes.find((c) => c.description === "창구 인력 부족")).toMatchObject({
      dimension: "FRONTLINE_STAFF",
      unmetNeed: "빠른 안내",
    });
    expect(analysis.options.map((o) => [o.description, o.isChosen])).toEqual([
      ["모바일 사전 접수", false],
      ["피크 시간 인력 추가", true],
    ]);
    expect(
      (await listAnalyses(cast.a.manager)).map((p) => [p.id, p.causeCount, p.optionCount]),
    ).toEqual([[projectId, 3, 2]]);

    await deleteOption(cast.a.manager, { projectId, optionId: first.id });
    await deleteCause(cast.a.manager, { projectId, causeId: small });
    expect((await getAnalysis(cast.a.manager, projectId)).causes).toHaveLength(2);
  });

  it("groups the priority's complaints into themes, with examples, as a Pareto", async () => {
    const { projectId } = await openAnalysis(cast.a.manager, { touchpointId: f.mot });
    const complaint = (comment: string) => ({
      touchpointId: f.mot,
      source: "SURVEY" as const,
      observedAt,
      expectationScore: 6,
      experiencedScore: 2,
      comment,
    });
    await recordObservations(cast.a.manager, {
      observations: [
        complaint("대기 시간이 너무 길었어요"),
        complaint("30분 기다렸는데 직원이 불친절했어요"),
        complaint("We waited forever at the counter"),
        complaint("요금 설명이 헷갈렸어요"),
        complaint(""),
      ],
    });
    await recordObservations(cast.a.manager, {
      observations: [{ ...complaint("기다림이 길어요"), touchpointId: f.plain }],
    });

    const analysis = await getCommentThemes(cast.a.manager, projectId, undefined, now);
    expect(analysis.commentsRead).toBe(4);
    const waiting = analysis.commentThemes.find((t) => t.key === "WAITING")!;
    // Mentions: WAITING 3, STAFF_ATTITUDE 1, PRICE_BILLING 1, INFORMATION_CLARITY 1 → WAITING is 3 of 6.
    expect(waiting).toMatchObject({ count: 3, share: 3 / 6 });
    expect(waiting.examples).toHaveLength(3);
    expect(analysis.commentThemes[0]!.key).toBe("WAITING");
    expect(analysis.commentThemes.map((t) => t.key)).toEqual(
      expect.arrayContaining(["STAFF_ATTITUDE", "PRICE_BILLING"]),
    );
  });

  // A Pareto of causes ranks what goes wrong (Juran; Montgomery §5.4 counts defects, not good
  // parts). Worked case: in the window, 4 complaints (2 about waiting, 2 about the price, one of
  // them also about a confusing bill) and 3 words of praise (about staff, and one about no waiting);
  // before the window, 1 complaint about rude staff. Counting every comment over all time, as the
  // page did, gives STAFF_ATTITUDE 4 and WAITING 3 — praise read as causes. Counting complaints in
  // the window gives WAITING 2, PRICE_BILLING 2, INFORMATION_CLARITY 1 and no STAFF_ATTITUDE.
  it("counts only complaints (below expectation, detractors, not satisfied) in the analysis window", async () => {
    const { projectId } = await openAnalysis(cast.a.manager, { touchpointId: f.mot });
    const base = { touchpointId: f.mot, source: "SURVEY" as const, observedAt };
    await recordObservations(cast.a.manager, {
      observations: [
        // Below its own expectation.
        { ...base, expectationScore: 5, experiencedScore: 3, comment: "기다림이 너무 길었어요" },
        // No expectation of its own: the level recorded for the MOT and segment (6) applies.
        { ...base, segmentId: f.segment, experiencedScore: 4, comment: "We waited too long" },
        // Praise: above expectation, a promoter, a satisfied CSAT answer.
        { ...base, expectationScore: 4, experiencedScore: 7, comment: "직원이 친절했어요" },
        { ...base, nps: 10, comment: "Friendly staff, no waiting at all" },
        { ...base, csat: 5, comment: "The staff were helpful" },
        // A detractor and a dissatisfied CSAT answer are complaints even without a gap.
        { ...base, nps: 3, comment: "요금이 비싸요" },
        { ...base, csat: 2, comment: "The bill was confusing" },
        // A complaint from long before the window.
        {
          ...base,
          observedAt: new Date("2025-06-01T10:00:00Z"),
          expectationScore: 6,
          experiencedScore: 1,
          comment: "Rude staff",
        },
      ],
    });

    // The 90 days up to today (Korea time), no pilot yet.
    expect((await getAnalysis(cast.a.manager, projectId, undefined, now)).commentWindow).toEqual({
      from: "2026-09-03",
      to: "2026-12-01",
      basis: "LATEST",
    });
    const analysis = await getCommentThemes(cast.a.manager, projectId, undefined, now);
    expect(analysis.commentsInWindow).toBe(7);
    expect(analysis.commentsRead).toBe(4);
    const counts = Object.fromEntries(analysis.commentThemes.map((t) => [t.key, t.count]));
    expect(counts).toEqual({ WAITING: 2, PRICE_BILLING: 2, INFORMATION_CLARITY: 1 });

    // The manager's own window reaches the old complaint; a window that does not parse is ignored.
    const chosen = { from: "2025-01-01", to: "2026-12-01" };
    expect((await getAnalysis(cast.a.manager, projectId, chosen, now)).commentWindow.basis).toBe(
      "CHOSEN",
    );
    const wide = await getCommentThemes(cast.a.manager, projectId, chosen, now);
    expect(wide.commentsRead).toBe(5);
    expect(wide.commentThemes.find((t) => t.key === "STAFF_ATTITUDE")?.count).toBe(1);
    const reversed = { from: "2026-12-01", to: "2025-01-01" };
    expect((await getAnalysis(cast.a.manager, projectId, reversed, now)).commentWindow.basis).toBe(
      "LATEST",
    );
    // The themes read that same default window: the old complaint is out again.
    expect((await getCommentThemes(cast.a.manager, projectId, reversed, now)).commentsRead).toBe(4);
  });

  it("is refused to frontline staff and executives (read only), and another organization's ids are not found — changing nothing", async () => {
    const { projectId } = await openAnalysis(cast.a.manager, { touchpointId: f.mot });
    const { id: causeId } = await saveCause(cast.a.manager, {
      projectId,
      dimension: "FRONTLINE_STAFF",
      description: "인력 부족",
      frequency: 2,
    });
    for (const actor of [cast.a.frontline, cast.a.executive]) {
      await expect(openAnalysis(actor, { touchpointId: f.plain })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(
        saveCause(actor, {
          projectId,
          dimension: "FRONTLINE_STAFF",
          description: "x",
          frequency: 1,
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(saveOption(actor, { projectId, description: "x" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(getAnalysis(cast.a.frontline, projectId)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(getCommentThemes(cast.a.frontline, projectId)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(openAnalysis(cast.b.manager, { touchpointId: f.mot })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getAnalysis(cast.b.manager, projectId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getCommentThemes(cast.b.manager, projectId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      saveCause(cast.b.manager, {
        projectId,
        dimension: "FRONTLINE_STAFF",
        description: "x",
        frequency: 1,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      saveCause(cast.b.manager, {
        projectId,
        causeId,
        dimension: "FRONTLINE_STAFF",
        description: "x",
        frequency: 1,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteCause(cast.b.manager, { projectId, causeId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.projectCause.findUniqueOrThrow({ where: { id: causeId } })).toMatchObject({
      description: "인력 부족",
      frequency: 2,
    });
    expect(await db.improvementProject.count()).toBe(1);
    expect(await listAnalyses(cast.b.manager)).toEqual([]);
  });
});
