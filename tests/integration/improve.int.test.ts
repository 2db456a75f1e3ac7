import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/permissions";
import { recordObservations } from "@/lib/observations/mutations";
import { deleteActionItem, saveActionItem, setActionItemStatus } from "@/lib/projects/action-items";
import { chooseOption, openAnalysis, saveCause, saveOption } from "@/lib/projects/analysis";
import { listProjectHistory } from "@/lib/projects/history";
import { addDays, localDayOf } from "@/lib/dates/local-days";
import {
  createProject,
  moveProjectPhase,
  setProjectStatus,
  updateProject,
} from "@/lib/projects/projects";
import { getProject, listProjectFormChoices, listProjects } from "@/lib/projects/queries";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations, createUser } from "./helpers/factories";
import { appError, buildJourney, type TFixture } from "./helpers/journey-fixture";
import { countLoggedChanges } from "./helpers/audit";

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
let f: TFixture;

beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
  f = await buildJourney(cast.a.manager);
});

const versionOf = async (projectId: string) =>
  (
    await db.improvementProject.findUniqueOrThrow({
      where: { id: projectId },
      select: { version: true },
    })
  ).version;
const phaseOf = async (projectId: string) =>
  (
    await db.improvementProject.findUniqueOrThrow({
      where: { id: projectId },
      select: { phase: true },
    })
  ).phase;
const move = async (
  actor: TActor,
  projectId: string,
  phase: "DEFINE" | "MEASURE" | "ANALYZE" | "IMPROVE" | "CONTROL",
) => moveProjectPhase(actor, { projectId, version: await versionOf(projectId), phase });

/** Every row a project change could touch, and the audit trail: equal snapshots mean nothing changed. */
async function projectSnapshot() {
  const byId = { orderBy: { id: "asc" as const } };
  const [projects, touchpoints, actions, auditLogs] = await Promise.all([
    db.improvementProject.findMany(byId),
    db.projectTouchpoint.findMany({ orderBy: [{ projectId: "asc" }, { touchpointId: "asc" }] }),
    db.actionItem.findMany(byId),
    countLoggedChanges(),
  ]);
  return { projects, touchpoints, actions, auditLogs };
}

async function expectRefusedUnchanged(
  action: () => Promise<unknown>,
  expected: Record<string, unknown>,
) {
  const before = await projectSnapshot();
  await expect(action()).rejects.toMatchObject(expected);
  expect(await projectSnapshot()).toEqual(before);
}

const charter = {
  title: "상담 대기 줄이기",
  problem: "요금제 상담을 기다리다 설명을 듣지 못하고 떠나는 고객",
  targetGapClosed: 0.5,
  targetCsatChange: 10,
  dueDay: "2099-06-30",
};

describe("improvement projects: Define → Measure → Analyze → Improve → Control", () => {
  it("creates a project on touchpoints of one journey, in Define, owned by its creator, and lists it with its targets and progress", async () => {
    const { id } = await createProject(cast.a.manager, {
      ...charter,
      touchpointIds: [f.mot, f.plain, f.mot],
    });
    const project = await getProject(cast.a.executive, id);
    expect(project).toMatchObject({
      title: charter.title,
      phase: "DEFINE",
      status: "ACTIVE",
      version: 1,
      owner: { id: cast.a.manager.id },
      targetGapClosed: 0.5,
      targetCsatChange: 10,
      dueDay: "2099-06-30",
    });
    // Journey order, with what Define showed: the journey, the stage, the MOT flag.
    expect(
      project.touchpoints.map((t) => [t.nameEn, t.isMoT, t.journey.id, t.stage.nameEn]),
    ).toEqual([
      ["Counter", true, f.journeyId, "Booking"],
      ["Website", false, f.journeyId, "Booking"],
    ]);
    expect(await listProjects(cast.a.executive)).toEqual([
      expect.objectContaining({
        id,
        phase: "DEFINE",
        owner: { id: cast.a.manager.id, name: cast.a.manager.name },
        targetGapClosed: 0.5,
        actions: { total: 0, done: 0 },
        pilots: { total: 0, decided: 0 },
        isOverdue: false,
      }),
    ]);
  });

  it("moves one phase at a time through each gate, and back, writing each move to the history", async () => {
    const { id } = await createProject(cast.a.manager, {
      title: "Counter queue",
      touchpointIds: [f.mot],
    });
    await expectRefusedUnchanged(() => move(cast.a.manager, id, "MEASURE"), {
      code: "VALIDATION",
      fieldErrors: { phase: ["improve.errors.requirement.problem"] },
    });
    await expectRefusedUnchanged(() => move(cast.a.manager, id, "ANALYZE"), {
      code: "VALIDATION",
      fieldErrors: { phase: ["improve.errors.onePhaseAtATime"] },
    });

    await updateProject(cast.a.manager, {
      projectId: id,
      version: await versionOf(id),
      ...charter,
      ownerId: cast.a.manager.id,
    });
    await move(cast.a.manager, id, "MEASURE");
    // Measure -> Analyze needs customers' answers at the touchpoints.
    await expectRefusedUnchanged(() => move(cast.a.manager, id, "ANALYZE"), {
      fieldErrors: { phase: ["improve.errors.requirement.observations"] },
    });
    await recordObservations(cast.a.manager, {
      observations: [
        { touchpointId: f.mot, source: "SURVEY", observedAt: new Date(), experiencedScore: 3 },
      ],
    });
    await move(cast.a.manager, id, "ANALYZE");
    // Analyze -> Improve needs a cause and a chosen option.
    await saveCause(cast.a.manager, {
      projectId: id,
      dimension: "FRONTLINE_STAFF",
      description: "피크 시간 인력 부족",
      frequency: 4,
    });
    await expectRefusedUnchanged(() => move(cast.a.manager, id, "IMPROVE"), {
      fieldErrors: { phase: ["improve.errors.requirement.chosenOption"] },
    });
    const option = await saveOption(cast.a.manager, {
      projectId: id,
      description: "피크 시간 상담 인력 추가",
    });
    await chooseOption(cast.a.manager, { projectId: id, optionId: option.id });
    await move(cast.a.manager, id, "IMPROVE");
    // Improve -> Control needs a plan and a rollout decided on a pilot.
    await saveActionItem(cast.a.manager, {
      projectId: id,
      dimension: "FRONTLINE_STAFF",
      description: "상담 인력 교대표 조정",
    });
    await expectRefusedUnchanged(() => move(cast.a.manager, id, "CONTROL"), {
      fieldErrors: { phase: ["improve.errors.requirement.rollout"] },
    });
    await move(cast.a.manager, id, "ANALYZE");
    expect(await phaseOf(id)).toBe("ANALYZE");

    const project = await getProject(cast.a.manager, id);
    expect(project.facts).toEqual({
      hasProblem: true,
      hasTarget: true,
      hasOwner: true,
      observationCount: 1,
      causeCount: 1,
      hasChosenOption: true,
      actionCount: 1,
      hasRollout: false,
    });
    expect(project.chosenOption).toMatchObject({ description: "피크 시간 상담 인력 추가" });
    const moves = (await listProjectHistory(cast.a.executive, id))
      .filter((e) => e.action === "project.phase")
      .map((e) => [e.details.from, e.details.to]);
    expect(moves).toEqual([
      ["IMPROVE", "ANALYZE"],
      ["ANALYZE", "IMPROVE"],
      ["MEASURE", "ANALYZE"],
      ["DEFINE", "MEASURE"],
    ]);
  });

  it("refuses the second of two edits made from the same version, keeping the first", async () => {
    const { id } = await createProject(cast.a.manager, { ...charter, touchpointIds: [f.mot] });
    await updateProject(cast.a.manager, {
      projectId: id,
      version: 1,
      ...charter,
      title: "First editor",
    });
    await expectRefusedUnchanged(
      () =>
        updateProject(cast.a.admin, {
          projectId: id,
          version: 1,
          ...charter,
          title: "Second editor",
        }),
      appError("CONFLICT", "improve.errors.staleProject"),
    );
    await expectRefusedUnchanged(
      () => moveProjectPhase(cast.a.admin, { projectId: id, version: 1, phase: "MEASURE" }),
      appError("CONFLICT", "improve.errors.staleProject"),
    );
    expect(await db.improvementProject.findUniqueOrThrow({ where: { id } })).toMatchObject({
      title: "First editor",
      version: 2,
    });
  });

  it("answers bad input with field errors and creates or changes nothing", async () => {
    await expectRefusedUnchanged(
      () =>
        createProject(cast.a.manager, {
          title: " ",
          touchpointIds: [],
          targetGapClosed: 9,
          targetCsatChange: -5,
          dueDay: "2026-02-30",
        }),
      {
        code: "VALIDATION",
        fieldErrors: {
          title: ["validation.required"],
          touchpointIds: ["improve.errors.touchpointsRequired"],
          targetGapClosed: ["improve.errors.targetGapRange"],
          targetCsatChange: ["improve.errors.targetCsatRange"],
          dueDay: ["validation.invalidFormat"],
        },
      },
    );
    const other = await buildJourney(cast.a.manager, "Hotel");
    await expectRefusedUnchanged(
      () =>
        createProject(cast.a.manager, { title: "Two journeys", touchpointIds: [f.mot, other.mot] }),
      { fieldErrors: { touchpointIds: ["improve.errors.oneJourney"] } },
    );
    // An owner must be able to answer for the project: active, and allowed to change it.
    await expectRefusedUnchanged(
      () =>
        createProject(cast.a.manager, {
          title: "x",
          touchpointIds: [f.mot],
          ownerId: cast.a.frontline.id,
        }),
      { fieldErrors: { ownerId: ["improve.errors.ownerCannotWrite"] } },
    );
    const gone = await createUser(cast.a.organization.id, "MANAGER", { isActive: false });
    await expectRefusedUnchanged(
      () => createProject(cast.a.manager, { title: "x", touchpointIds: [f.mot], ownerId: gone.id }),
      { fieldErrors: { ownerId: ["improve.errors.ownerInactive"] } },
    );

    const { id } = await createProject(cast.a.manager, { ...charter, touchpointIds: [f.mot] });
    await expectRefusedUnchanged(
      () =>
        saveActionItem(cast.a.manager, {
          projectId: id,
          dimension: "PEOPLE" as never,
          description: "",
        }),
      {
        code: "VALIDATION",
        fieldErrors: {
          dimension: ["validation.invalidValue"],
          description: ["validation.required"],
        },
      },
    );
    await expectRefusedUnchanged(
      () => setProjectStatus(cast.a.manager, { projectId: id, version: 1, status: "DONE" }),
      { fieldErrors: { status: ["improve.errors.doneNeedsControl"] } },
    );
  });

  it("keeps an action plan per dimension with owners, due dates and status, and a history of who changed what", async () => {
    const { id } = await createProject(cast.a.manager, { ...charter, touchpointIds: [f.mot] });
    const yesterday = addDays(localDayOf(new Date()), -1);
    const staff = await saveActionItem(cast.a.manager, {
      projectId: id,
      dimension: "FRONTLINE_STAFF",
      description: "피크 시간 2인 배치",
      ownerId: cast.a.frontline.id,
      dueDay: yesterday,
    });
    await saveActionItem(cast.a.admin, {
      projectId: id,
      dimension: "MARKETING_COMMUNICATION",
      description: "한 장짜리 요금 비교표",
      dueDay: "2099-01-31",
    });
    const product = await saveActionItem(cast.a.manager, {
      projectId: id,
      dimension: "PRODUCT_SERVICE",
      description: "사전 예약",
      status: "IN_PROGRESS",
    });
    await setActionItemStatus(cast.a.manager, {
      projectId: id,
      actionItemId: product.id,
      status: "DONE",
    });
    await saveActionItem(cast.a.manager, {
      projectId: id,
      actionItemId: staff.id,
      dimension: "FRONTLINE_STAFF",
      description: "피크 시간 3인 배치",
      ownerId: cast.a.frontline.id,
      dueDay: yesterday,
    });

    const { actionItems } = await getProject(cast.a.executive, id);
    expect(
      actionItems.map((a) => [
        a.dimension,
        a.description,
        a.owner?.id ?? null,
        a.dueDay,
        a.status,
        a.isOverdue,
      ]),
    ).toEqual([
      ["FRONTLINE_STAFF", "피크 시간 3인 배치", cast.a.frontline.id, yesterday, "TODO", true],
      ["MARKETING_COMMUNICATION", "한 장짜리 요금 비교표", null, "2099-01-31", "TODO", false],
      ["PRODUCT_SERVICE", "사전 예약", null, null, "DONE", false],
    ]);
    expect((await listProjects(cast.a.manager))[0]!.actions).toEqual({ total: 3, done: 1 });

    await deleteActionItem(cast.a.manager, { projectId: id, actionItemId: product.id });
    const history = await listProjectHistory(cast.a.executive, id);
    expect(history.map((e) => [e.action, e.actor?.name])).toEqual([
      ["action.delete", cast.a.manager.name],
      ["action.update", cast.a.manager.name],
      ["action.status", cast.a.manager.name],
      ["action.create", cast.a.manager.name],
      ["action.create", cast.a.admin.name],
      ["action.create", cast.a.manager.name],
      ["project.create", cast.a.manager.name],
    ]);
    expect(history.find((e) => e.action === "action.status")!.details).toMatchObject({
      from: "IN_PROGRESS",
      to: "DONE",
      description: "사전 예약",
    });
    // Every entry is the project's own (entityType, entityId), so the audit log index finds them.
    expect(
      await db.auditLog.count({ where: { entityType: "ImprovementProject", entityId: id } }),
    ).toBe(7);
  });

  it("records which fields an edit changed, from and to, and shows Analyze's work in the history too", async () => {
    const { projectId } = await openAnalysis(cast.a.manager, { touchpointId: f.mot });
    await saveCause(cast.a.manager, {
      projectId,
      dimension: "PRODUCT_SERVICE",
      description: "예약 누락",
      frequency: 3,
    });
    await updateProject(cast.a.admin, {
      projectId,
      version: await versionOf(projectId),
      title: "Counter (ko)",
      problem: "대기",
      targetGapClosed: 0.8,
      ownerId: cast.a.manager.id,
    });
    const [edit, cause, open] = await listProjectHistory(cast.a.manager, projectId);
    expect(edit).toMatchObject({ action: "project.update", actor: { id: cast.a.admin.id } });
    expect(edit!.details.changes).toEqual({
      problem: { from: "", to: "대기" },
      targetGapClosed: { from: null, to: 0.8 },
    });
    expect(cause).toMatchObject({ action: "cause.create" });
    expect(open).toMatchObject({ action: "project.open_analysis" });
  });

  it("closes as done only from Control, puts on hold, and refuses plan changes to a closed project", async () => {
    const { id } = await createProject(cast.a.manager, { ...charter, touchpointIds: [f.mot] });
    await setProjectStatus(cast.a.manager, { projectId: id, version: 1, status: "ON_HOLD" });
    await expectRefusedUnchanged(() => move(cast.a.manager, id, "MEASURE"), {
      fieldErrors: { phase: ["improve.errors.projectNotActive"] },
    });
    await setProjectStatus(cast.a.manager, { projectId: id, version: 2, status: "CANCELLED" });
    expect((await getProject(cast.a.manager, id)).closedDay).toBe(localDayOf(new Date()));
    await expectRefusedUnchanged(
      () =>
        saveActionItem(cast.a.manager, {
          projectId: id,
          dimension: "FRONTLINE_STAFF",
          description: "x",
        }),
      appError("CONFLICT", "improve.errors.projectClosed"),
    );
    await setProjectStatus(cast.a.manager, { projectId: id, version: 3, status: "ACTIVE" });
    expect(await getProject(cast.a.manager, id)).toMatchObject({
      status: "ACTIVE",
      closedDay: null,
    });
  });
});

describe("who may read and change projects", () => {
  it("lets executives read everything a manager reads and change nothing; frontline staff read nothing", async () => {
    const { id } = await createProject(cast.a.manager, { ...charter, touchpointIds: [f.mot] });
    const { id: actionItemId } = await saveActionItem(cast.a.manager, {
      projectId: id,
      dimension: "FRONTLINE_STAFF",
      description: "교육",
    });
    expect(await listProjects(cast.a.executive)).toHaveLength(1);
    expect((await getProject(cast.a.executive, id)).id).toBe(id);
    expect(await listProjectHistory(cast.a.executive, id)).toHaveLength(2);
    expect(
      (await listProjectFormChoices(cast.a.executive)).people.find(
        (p) => p.id === cast.a.executive.id,
      ),
    ).toMatchObject({ canOwnProject: false });

    const writes = (actor: TActor) => [
      () => createProject(actor, { ...charter, touchpointIds: [f.mot] }),
      () => updateProject(actor, { projectId: id, version: 1, ...charter, title: "x" }),
      () => moveProjectPhase(actor, { projectId: id, version: 1, phase: "MEASURE" }),
      () => setProjectStatus(actor, { projectId: id, version: 1, status: "ON_HOLD" }),
      () =>
        saveActionItem(actor, { projectId: id, dimension: "FRONTLINE_STAFF", description: "x" }),
      () => setActionItemStatus(actor, { projectId: id, actionItemId, status: "DONE" }),
      () => deleteActionItem(actor, { projectId: id, actionItemId }),
    ];
    for (const actor of [cast.a.executive, cast.a.frontline])
      for (const write of writes(actor)) await expectRefusedUnchanged(write, appError("FORBIDDEN"));
    for (const read of [
      () => listProjects(cast.a.frontline),
      () => getProject(cast.a.frontline, id),
      () => listProjectHistory(cast.a.frontline, id),
    ]) {
      await expect(read()).rejects.toMatchObject(appError("FORBIDDEN"));
    }
  });

  it("answers another organization's ids with not found, changing nothing", async () => {
    const { id } = await createProject(cast.a.manager, { ...charter, touchpointIds: [f.mot] });
    const { id: actionItemId } = await saveActionItem(cast.a.manager, {
      projectId: id,
      dimension: "FRONTLINE_STAFF",
      description: "교육",
    });
    const theirs = await buildJourney(cast.b.manager, "Theirs");
    const b = cast.b.manager;
    for (const write of [
      () => updateProject(b, { projectId: id, version: 2, ...charter }),
      () => moveProjectPhase(b, { projectId: id, version: 1, phase: "MEASURE" }),
      () => setProjectStatus(b, { projectId: id, version: 1, status: "ON_HOLD" }),
      () => saveActionItem(b, { projectId: id, dimension: "FRONTLINE_STAFF", description: "x" }),
      () => setActionItemStatus(b, { projectId: id, actionItemId, status: "DONE" }),
      () => deleteActionItem(b, { projectId: id, actionItemId }),
      () => createProject(b, { ...charter, touchpointIds: [f.mot] }),
      // Their own project may not name our people or touch our actions.
      () =>
        createProject(b, { ...charter, touchpointIds: [theirs.mot], ownerId: cast.a.manager.id }),
      () => createProject(cast.a.manager, { ...charter, touchpointIds: [f.mot], ownerId: b.id }),
      () =>
        saveActionItem(cast.a.manager, {
          projectId: id,
          dimension: "FRONTLINE_STAFF",
          description: "x",
          ownerId: cast.b.frontline.id,
        }),
    ]) {
      await expectRefusedUnchanged(write, appError("NOT_FOUND"));
    }
    await expect(getProject(b, id)).rejects.toMatchObject(appError("NOT_FOUND"));
    await expect(listProjectHistory(b, id)).rejects.toMatchObject(appError("NOT_FOUND"));
    expect(await listProjects(b)).toEqual([]);

    // Naming our action from their own project, or through ours, edits nothing of ours.
    const { id: theirProject } = await createProject(b, {
      ...charter,
      touchpointIds: [theirs.mot],
    });
    for (const projectId of [theirProject, id]) {
      await expectRefusedUnchanged(
        () =>
          saveActionItem(b, {
            projectId,
            actionItemId,
            dimension: "PRODUCT_SERVICE",
            description: "가로챈 과제",
            status: "DONE",
          }),
        appError("NOT_FOUND"),
      );
    }
    expect(await db.actionItem.findUniqueOrThrow({ where: { id: actionItemId } })).toMatchObject({
      projectId: id,
      description: "교육",
      status: "TODO",
    });
    expect(await db.actionItem.count({ where: { projectId: theirProject } })).toBe(0);
    expect((await listProjectFormChoices(b)).journeys.map((j) => j.id)).toEqual([theirs.journeyId]);
  });
});
