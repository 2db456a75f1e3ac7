import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { ChevronLeft } from "lucide-react";
import { getFixFirstRanking } from "@/lib/analytics/queries";
import { can, type TActor } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listControlAlerts } from "@/lib/control/queries";
import { listProjectPilots } from "@/lib/pilots/queries";
import { listProjectHistory } from "@/lib/projects/history";
import { getTargetProgress } from "@/lib/projects/progress";
import { getProject, listProjectFormChoices } from "@/lib/projects/queries";
import { isClosed, requirementsToEnter } from "@/lib/projects/rules";
import { PHASES, type TPhase, type TProjectDetail } from "@/lib/projects/schemas";
import { orNotFound } from "@/app/_lib/or-not-found";
import {
  deleteActionItemAction,
  moveProjectPhaseAction,
  saveActionItemAction,
  setActionItemStatusAction,
  setProjectStatusAction,
  updateProjectAction,
} from "../actions";
import { PhaseTrack } from "../_components/phase-track";
import { ActionPlan } from "./_components/action-plan";
import { ControlAlerts } from "./_components/control-alerts";
import { HistoryList } from "./_components/history-list";
import {
  AnalyzePanel,
  DefinePanel,
  MeasurePanel,
  TargetProgress,
  type TTouchpointStanding,
} from "./_components/phase-panels";
import { PhaseControls } from "./_components/phase-controls";
import { PhaseStepper } from "./_components/phase-stepper";
import { PilotList } from "./_components/pilot-list";
import { ProjectDetails } from "./_components/project-details";

type TProps = { params: Promise<{ projectId: string }>; searchParams: Promise<{ phase?: string }> };

/** Once per request: the metadata and the page share it. */
const loadProject = cache(async (projectId: string) => {
  const user = await requireUser("project:read");
  return { user, project: await orNotFound(getProject(user, projectId)) };
});

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { project } = await loadProject((await params).projectId);
  return { title: project.title };
}

/** Each touchpoint's mean gap and place in its journey's fix-first ranking (the Measure phase's output). */
async function standingsOf(user: TActor, project: TProjectDetail): Promise<TTouchpointStanding[]> {
  const journeyIds = [...new Set(project.touchpoints.map((tp) => tp.journey.id))];
  const rankings = await Promise.all(
    journeyIds.map((journeyId) => getFixFirstRanking(user, { journeyId })),
  );
  return project.touchpoints.map((tp) => {
    const ranking = rankings[journeyIds.indexOf(tp.journey.id)] ?? [];
    const item = ranking.find((r) => r.touchpoint.id === tp.id);
    return {
      touchpointId: tp.id,
      rank: item?.rank ?? null,
      rankedOf: ranking.length,
      meanGap: item?.reason.meanGap ?? null,
      gapInterval: item?.reason.gapInterval ?? null,
      n: item?.reason.n ?? 0,
    };
  });
}

export default async function ProjectPage({ params, searchParams }: TProps) {
  const [{ projectId }, { phase: phaseParam }] = await Promise.all([params, searchParams]);
  const { user, project } = await loadProject(projectId);
  const [t, choices, pilots, history, alerts, progress, standings] = await Promise.all([
    getTranslations("improve"),
    listProjectFormChoices(user),
    listProjectPilots(user, projectId),
    listProjectHistory(user, projectId),
    listControlAlerts(user, { projectId }),
    getTargetProgress(user, projectId),
    standingsOf(user, project),
  ]);
  const canWrite = can(user.role, "project:write");
  const shown: TPhase = PHASES.includes(phaseParam as TPhase)
    ? (phaseParam as TPhase)
    : project.phase;
  const index = PHASES.indexOf(project.phase);
  const next = PHASES[index + 1] ?? null;
  const previous = PHASES[index - 1] ?? null;
  const isOpen = !isClosed(project.status);
  const canPlanPilot =
    canWrite && isOpen && (project.phase === "IMPROVE" || project.phase === "CONTROL");

  return (
    <>
      <nav className="mb-2 text-sm">
        <Link
          href="/improve"
          className="inline-flex items-center gap-0.5 text-accent hover:underline"
        >
          <ChevronLeft aria-hidden className="size-4" />
          {t("project.back")}
        </Link>
      </nav>
      <header className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight" data-testid="project-title">
            {project.title}
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-neutral-600">
            <PhaseTrack phase={project.phase} />
            <span data-testid="project-phase" data-phase={project.phase}>
              {t("project.phaseIs", { phase: t(`phases.${project.phase}`) })}
            </span>
            <span data-testid="project-status" data-status={project.status}>
              {t(`statuses.${project.status}`)}
            </span>
          </p>
        </div>
      </header>
      {alerts.length > 0 && shown !== "CONTROL" && (
        <div className="mb-4">
          <ControlAlerts alerts={alerts} hasCharts={project.controlChartCount > 0} />
        </div>
      )}
      <PhaseStepper projectId={project.id} phase={project.phase} shown={shown} />
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <div className="flex min-w-0 flex-col gap-6">
          {shown === "DEFINE" && (
            <DefinePanel problem={project.problem} touchpoints={project.touchpoints} />
          )}
          {shown === "MEASURE" && (
            <MeasurePanel
              touchpoints={project.touchpoints}
              standings={standings}
              progress={progress}
              targets={project}
            />
          )}
          {shown === "ANALYZE" && (
            <AnalyzePanel
              projectId={project.id}
              causes={project.causes}
              chosenOption={project.chosenOption}
              optionCount={project.optionCount}
            />
          )}
          {shown === "IMPROVE" && (
            <>
              <ActionPlan
                projectId={project.id}
                items={project.actionItems}
                people={choices.people}
                canWrite={canWrite && isOpen}
                saveItem={saveActionItemAction}
                setItemStatus={setActionItemStatusAction}
                deleteItem={deleteActionItemAction}
              />
              <PilotList
                projectId={project.id}
                pilots={pilots}
                canPlan={canPlanPilot}
                planHint={canWrite && !canPlanPilot ? t("pilots.needsImprove") : null}
              />
            </>
          )}
          {shown === "CONTROL" && (
            <>
              <ControlAlerts alerts={alerts} hasCharts={project.controlChartCount > 0} />
              <section
                aria-label={t("progress.heading")}
                className="rounded-lg border border-neutral-200 bg-white p-4"
              >
                <TargetProgress progress={progress} targets={project} />
              </section>
              <PilotList
                projectId={project.id}
                pilots={pilots}
                canPlan={canPlanPilot}
                planHint={null}
              />
            </>
          )}
        </div>
        <aside className="flex flex-col gap-6">
          <PhaseControls
            projectId={project.id}
            version={project.version}
            next={next}
            previous={previous}
            requirements={next ? requirementsToEnter(next, project.facts) : []}
            isActive={project.status === "ACTIVE"}
            canWrite={canWrite}
            movePhase={moveProjectPhaseAction}
          />
          <ProjectDetails
            project={project}
            people={choices.people}
            canWrite={canWrite}
            updateProject={updateProjectAction}
            setStatus={setProjectStatusAction}
          />
        </aside>
      </div>
      <div className="mt-6">
        <HistoryList entries={history} />
      </div>
    </>
  );
}
