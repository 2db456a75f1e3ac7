import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { pareto } from "@/lib/stats/pareto";
import { countThemes } from "@/lib/stats/themes";
import type { TAnalysis } from "./schemas";

/** Comment themes are read from at most this many of the touchpoints' most recent comments. */
export const COMMENT_SAMPLE = 5000;
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
      touchpoints: { select: { touchpoint: { select: { id: true, nameKo: true, nameEn: true, isMoT: true } } } },
      _count: { select: { causes: true, options: true } },
    },
  });
  return projects.map(({ touchpoints, _count, ...p }) => ({ ...p, touchpoints: touchpoints.map((t) => t.touchpoint), causeCount: _count.causes, optionCount: _count.options }));
}

export async function getAnalysis(actor: TActor, projectId: string): Promise<TAnalysis> {
  assertCan(actor, "analysis:read");
  const project = await db.improvementProject.findFirst({
    where: { id: projectId, organizationId: actor.organizationId },
    select: {
      id: true,
      title: true,
      phase: true,
      touchpoints: { select: { touchpoint: { select: { id: true, nameKo: true, nameEn: true, journeyId: true, isMoT: true } } } },
      causes: { select: { id: true, dimension: true, description: true, unmetNeed: true, frequency: true }, orderBy: { createdAt: "asc" } },
      options: { select: { id: true, description: true, dimension: true, isChosen: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!project) throw notFound("projectId");
  const touchpoints = project.touchpoints.map((t) => t.touchpoint);

  // Reading comment text is the one place Node sees observations: a bounded, recent sample of one
  // priority's comments, which a lexicon sorts into themes (lib/stats/themes.ts).
  const comments = await db.observation.findMany({
    where: { organizationId: actor.organizationId, touchpointId: { in: touchpoints.map((t) => t.id) }, comment: { not: "" } },
    select: { comment: true },
    orderBy: { observedAt: "desc" },
    take: COMMENT_SAMPLE,
  });
  return {
    id: project.id,
    title: project.title,
    phase: project.phase,
    touchpoints,
    causes: project.causes,
    options: project.options,
    causePareto: pareto(project.causes.map((c) => ({ key: c.id, label: c.description, count: c.frequency }))),
    commentThemes: pareto(
      countThemes(
        comments.map((c) => c.comment),
        EXAMPLES_PER_THEME,
      )
        .filter((theme) => theme.count > 0)
        .map((theme) => ({ ...theme, label: theme.key })),
    ),
    commentsRead: comments.length,
  };
}
