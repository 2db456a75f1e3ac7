import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { assertCan, can, type TActor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { pareto } from "@/lib/stats/pareto";
import { countThemes } from "@/lib/stats/themes";
import { loadPhaseFacts } from "./facts";
import { addDays, localDayOf, startOfLocalDay } from "@/lib/dates/local-days";
import { CSAT_TOP_TWO_MIN, NPS_DETRACTOR_MAX } from "@/lib/observations/scale";
import { analysisWindow, type TAnalysisWindow } from "./windows";
import { ZAnalysisWindowInput } from "./schemas";
import type {
  TAnalysis,
  TCommentThemes,
  TProjectDetail,
  TProjectListItem,
  TProjectStatus,
} from "./schemas";

/** Comment themes are read from at most this many of the window's most recent complaints. */
const COMMENT_SAMPLE = 5000;
/** Example comments shown per theme. */
const EXAMPLES_PER_THEME = 3;

/** The organization's priorities under analysis (improvement projects), newest first. */
export async function listAnalyses(actor: TActor) {
  assertCan(actor, "analysis:read");
  const projects = await db.improvementProject.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      phase: true,
      status: true,
      touchpoints: {
        select: { touchpoint: { select: { id: true, nameKo: true, nameEn: true, isMoT: true } } },
      },
      _count: { select: { causes: true, options: true } },
    },
  });
  return projects.map(({ touchpoints, _count, ...p }) => ({
    ...p,
    touchpoints: touchpoints.map((t) => t.touchpoint),
    causeCount: _count.causes,
    optionCount: _count.options,
  }));
}

/**
 * One priority under analysis: its touchpoints, causes and options, and the window its comment
 * themes are read in. `window` is the manager's choice of days for the themes (from the URL); what
 * does not parse is ignored and the default window applies. The themes themselves are read apart
 * (getCommentThemes): they read raw observations, and the page streams them in.
 */
export async function getAnalysis(
  actor: TActor,
  projectId: string,
  window?: unknown,
  now: Date = new Date(),
): Promise<TAnalysis> {
  assertCan(actor, "analysis:read");
  const project = await db.improvementProject.findFirst({
    where: { id: projectId, organizationId: actor.organizationId },
    select: {
      id: true,
      title: true,
      phase: true,
      touchpoints: {
        select: {
          touchpoint: {
            select: { id: true, nameKo: true, nameEn: true, journeyId: true, isMoT: true },
          },
        },
      },
      causes: {
        select: { id: true, dimension: true, description: true, unmetNeed: true, frequency: true },
        orderBy: { createdAt: "asc" },
      },
      options: {
        select: { id: true, description: true, dimension: true, isChosen: true },
        orderBy: { createdAt: "asc" },
      },
      pilots: FIRST_PILOT,
    },
  });
  if (!project) throw notFound("projectId");
  return {
    id: project.id,
    title: project.title,
    phase: project.phase,
    touchpoints: project.touchpoints.map((t) => t.touchpoint),
    causes: project.causes,
    options: project.options,
    causePareto: pareto(
      project.causes.map((c) => ({ key: c.id, label: c.description, count: c.frequency })),
    ),
    commentWindow: commentWindowOf(project.pilots, window, now),
  };
}

/** The themes of the complaints at a priority's touchpoints in its comment window (the same `window` as getAnalysis's). */
export async function getCommentThemes(
  actor: TActor,
  projectId: string,
  window?: unknown,
  now: Date = new Date(),
): Promise<TCommentThemes> {
  assertCan(actor, "analysis:read");
  const project = await db.improvementProject.findFirst({
    where: { id: projectId, organizationId: actor.organizationId },
    select: { touchpoints: { select: { touchpointId: true } }, pilots: FIRST_PILOT },
  });
  if (!project) throw notFound("projectId");
  const { complaints, commentsInWindow } = await complaintsOf(
    actor.organizationId,
    project.touchpoints.map((t) => t.touchpointId),
    commentWindowOf(project.pilots, window, now),
  );
  return {
    commentThemes: pareto(
      countThemes(complaints, EXAMPLES_PER_THEME)
        .filter((theme) => theme.count > 0)
        .map((theme) => ({ ...theme, label: theme.key })),
    ),
    commentsRead: complaints.length,
    commentsInWindow,
  };
}

const FIRST_PILOT = {
  select: { startsAt: true },
  orderBy: { startsAt: "asc" },
  take: 1,
} satisfies Prisma.ImprovementProject$pilotsArgs;

const commentWindowOf = (firstPilot: { startsAt: Date }[], window: unknown, now: Date) => {
  const chosen = ZAnalysisWindowInput.safeParse(window);
  return analysisWindow({
    today: localDayOf(now),
    firstPilotStart: firstPilot[0] ? localDayOf(firstPilot[0].startsAt) : null,
    chosen: chosen.success ? chosen.data : null,
  });
};

/**
 * A comment describes a cause only when its answer shows something went wrong (docs/METHODS.md,
 * "Pareto of causes and themes"): experienced below expectation (the observation's own expectation,
 * else the level recorded for its touchpoint and segment), an NPS detractor, or a CSAT answer
 * outside the top two boxes. Praise is not a cause.
 */
const IS_COMPLAINT = Prisma.sql`(
  o."experiencedScore" < COALESCE(o."expectationScore", e."expectedLevel")
  OR o.nps <= ${NPS_DETRACTOR_MAX}
  OR o.csat < ${CSAT_TOP_TWO_MIN})`;

/**
 * Reading comment text is the one place Node sees observations: the window's most recent
 * complaints at the priority's touchpoints (at most COMMENT_SAMPLE), which a lexicon sorts into
 * themes (lib/stats/themes.ts), and how many comments the window holds in all.
 */
async function complaintsOf(
  organizationId: string,
  touchpointIds: string[],
  window: TAnalysisWindow,
): Promise<{ complaints: string[]; commentsInWindow: number }> {
  if (touchpointIds.length === 0) return { complaints: [], commentsInWindow: 0 };
  const from = startOfLocalDay(window.from);
  const until = startOfLocalDay(addDays(window.to, 1));
  const commentsInWindow = Prisma.sql`
      FROM "Observation" o
      LEFT JOIN "Expectation" e
        ON o."expectationScore" IS NULL AND e."touchpointId" = o."touchpointId"
       AND e."segmentId" = o."segmentId" AND e."organizationId" = o."organizationId"
     WHERE o."organizationId" = ${organizationId}
       AND o."touchpointId" = ANY(${touchpointIds}::text[])
       AND o."observedAt" >= ${from} AND o."observedAt" < ${until}
       AND o.comment <> ''`;
  const [rows, [counted]] = await Promise.all([
    db.$queryRaw<{ comment: string }[]>`
      SELECT o.comment ${commentsInWindow} AND ${IS_COMPLAINT}
       ORDER BY o."observedAt" DESC, o.id
       LIMIT ${COMMENT_SAMPLE}`,
    db.$queryRaw<{ comments: number }[]>`SELECT count(*)::int AS comments ${commentsInWindow}`,
  ]);
  return { complaints: rows.map((r) => r.comment), commentsInWindow: counted?.comments ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// Improvement projects (Improve): the list, one project with what earlier phases produced, and
// the choices its forms offer. The figures of the touchpoints (gap, rank) come from the Measure
// queries; the page puts them side by side.
// ---------------------------------------------------------------------------------------------

const PERSON = { select: { id: true, name: true } } as const;
const STATUS_ORDER: Record<TProjectStatus, number> = {
  ACTIVE: 0,
  ON_HOLD: 1,
  DONE: 2,
  CANCELLED: 3,
};

/** Due and not done by the start of today (Korea time). */
const isOverdue = (dueAt: Date | null, isDone: boolean, now: Date) =>
  !isDone && dueAt !== null && localDayOf(dueAt) < localDayOf(now);
const dayOrNull = (date: Date | null) => (date ? localDayOf(date) : null);

/** Every project of the organization: open ones first, most recently changed first. */
export async function listProjects(actor: TActor): Promise<TProjectListItem[]> {
  assertCan(actor, "project:read");
  const organizationId = actor.organizationId;
  const [projects, actions, pilots] = await Promise.all([
    db.improvementProject.findMany({
      where: { organizationId },
      orderBy: { updatedAt: "desc" },
      select: {
        id: true,
        title: true,
        phase: true,
        status: true,
        owner: PERSON,
        targetGapClosed: true,
        targetCsatChange: true,
        dueAt: true,
        touchpoints: {
          select: { touchpoint: { select: { id: true, nameKo: true, nameEn: true, isMoT: true } } },
        },
      },
    }),
    db.actionItem.groupBy({
      by: ["projectId", "status"],
      where: { organizationId },
      _count: { _all: true },
    }),
    db.pilot.groupBy({
      by: ["projectId", "decision"],
      where: { organizationId },
      _count: { _all: true },
    }),
  ]);
  const now = new Date();
  const tally = <T extends { projectId: string; _count: { _all: number } }>(
    rows: T[],
    projectId: string,
    counts: (row: T) => boolean,
  ) =>
    rows
      .filter((r) => r.projectId === projectId && counts(r))
      .reduce((sum, r) => sum + r._count._all, 0);
  return projects
    .map(({ touchpoints, dueAt, ...p }) => ({
      ...p,
      dueDay: dayOrNull(dueAt),
      isOverdue: isOverdue(dueAt, p.status === "DONE" || p.status === "CANCELLED", now),
      touchpoints: touchpoints.map((t) => t.touchpoint),
      actions: {
        total: tally(actions, p.id, () => true),
        done: tally(actions, p.id, (r) => r.status === "DONE"),
      },
      pilots: {
        total: tally(pilots, p.id, () => true),
        decided: tally(pilots, p.id, (r) => r.decision !== null && r.decision !== "EXTEND"),
      },
    }))
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}

/** One project with its touchpoints, the causes and chosen option from Analyze, its action plan and its phase facts. */
export async function getProject(actor: TActor, projectId: string): Promise<TProjectDetail> {
  assertCan(actor, "project:read");
  const organizationId = actor.organizationId;
  const project = await db.improvementProject.findFirst({
    where: { id: projectId, organizationId },
    select: {
      id: true,
      title: true,
      problem: true,
      phase: true,
      status: true,
      version: true,
      owner: PERSON,
      targetGapClosed: true,
      targetCsatChange: true,
      startedAt: true,
      dueAt: true,
      closedAt: true,
      touchpoints: {
        select: {
          touchpoint: {
            select: {
              id: true,
              nameKo: true,
              nameEn: true,
              isMoT: true,
              dimension: true,
              position: true,
              journey: { select: { id: true, nameKo: true, nameEn: true } },
              stage: { select: { nameKo: true, nameEn: true, position: true } },
            },
          },
        },
      },
      causes: {
        select: { id: true, dimension: true, description: true, unmetNeed: true, frequency: true },
        orderBy: [{ frequency: "desc" }, { createdAt: "asc" }],
      },
      options: { select: { id: true, description: true, dimension: true, isChosen: true } },
      actionItems: {
        select: {
          id: true,
          dimension: true,
          description: true,
          owner: PERSON,
          dueAt: true,
          status: true,
        },
        orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      },
      _count: { select: { controlCharts: true } },
    },
  });
  if (!project) throw notFound("projectId");
  const facts = (await loadPhaseFacts(db, organizationId, projectId))!;
  const now = new Date();
  return {
    id: project.id,
    title: project.title,
    problem: project.problem,
    phase: project.phase,
    status: project.status,
    version: project.version,
    owner: project.owner,
    targetGapClosed: project.targetGapClosed,
    targetCsatChange: project.targetCsatChange,
    startedDay: localDayOf(project.startedAt),
    dueDay: dayOrNull(project.dueAt),
    closedDay: dayOrNull(project.closedAt),
    touchpoints: project.touchpoints
      .map((t) => t.touchpoint)
      .sort((a, b) => a.stage.position - b.stage.position || a.position - b.position)
      .map((t) => ({
        id: t.id,
        nameKo: t.nameKo,
        nameEn: t.nameEn,
        isMoT: t.isMoT,
        dimension: t.dimension,
        journey: t.journey,
        stage: { nameKo: t.stage.nameKo, nameEn: t.stage.nameEn },
      })),
    causes: project.causes,
    chosenOption: project.options.find((o) => o.isChosen) ?? null,
    optionCount: project.options.length,
    actionItems: project.actionItems.map(({ dueAt, ...item }) => ({
      ...item,
      dueDay: dayOrNull(dueAt),
      isOverdue: isOverdue(dueAt, item.status === "DONE", now),
    })),
    controlChartCount: project._count.controlCharts,
    facts,
  };
}

/** What the project forms offer: the journeys' touchpoints (map order), and who can own a project or an action. */
export async function listProjectFormChoices(actor: TActor) {
  assertCan(actor, "project:read");
  const organizationId = actor.organizationId;
  const [journeys, users] = await Promise.all([
    db.journey.findMany({
      where: { organizationId, archivedAt: null },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        nameKo: true,
        nameEn: true,
        stages: {
          orderBy: { position: "asc" },
          select: {
            touchpoints: {
              orderBy: { position: "asc" },
              select: { id: true, nameKo: true, nameEn: true, isMoT: true },
            },
          },
        },
      },
    }),
    db.user.findMany({
      where: { organizationId, isActive: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true, role: true },
    }),
  ]);
  return {
    journeys: journeys.map(({ stages, ...j }) => ({
      ...j,
      touchpoints: stages.flatMap((s) => s.touchpoints),
    })),
    /** Anyone active can own an action; only those who can change projects can own one. */
    people: users.map((u) => ({
      id: u.id,
      name: u.name,
      canOwnProject: can(u.role, "project:write"),
    })),
  };
}
