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
import { getAnalysis, listAnalyses } from "@/lib/projects/queries";
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

  it("groups the priority's comments into themes, with examples, as a Pareto", async () => {
    const { projectId } = await openAnalysis(cast.a.manager, { touchpointId: f.mot });
    await recordObservations(cast.a.manager, {
      observations: [
        "대기 시간이 너무 길었어요",
        "30분 기다렸는데 직원이 불친절했어요",
        "We waited forever at the counter",
        "요금 설명이 헷갈렸어요",
        "",
      ].map((comment) => ({
        touchpointId: f.mot,
        source: "SURVEY" as const,
        observedAt,
        experiencedScore: 2,
        comment,
      })),
    });
    await recordObservations(cast.a.manager, {
      observations: [
        {
          touchpointId: f.plain,
          source: "SURVEY",
          observedAt,
          experiencedScore: 2,
          comment: "기다림이 길어요",
        },
      ],
    });

    const analysis = await getAnalysis(cast.a.manager, projectId);
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
    await expect(openAnalysis(cast.b.manager, { touchpointId: f.mot })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getAnalysis(cast.b.manager, projectId)).rejects.toMatchObject({
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
