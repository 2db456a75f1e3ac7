import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AlertTriangle, Star } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatNumber } from "@/lib/format/numbers";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { listProjectFormChoices, listProjects } from "@/lib/projects/queries";
import { createProjectAction } from "./actions";
import { CreateProjectForm } from "./_components/create-project-form";
import { PhaseTrack } from "./_components/phase-track";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("improve"))("title") };
}

export default async function ImprovePage() {
  const user = await requireUser("project:read");
  const [t, locale, projects, choices] = await Promise.all([
    getTranslations("improve"),
    getLocale(),
    listProjects(user),
    listProjectFormChoices(user),
  ]);
  const canWrite = can(user.role, "project:write");
  const hasTouchpoints = choices.journeys.some((j) => j.touchpoints.length > 0);

  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <div className={`grid gap-6 ${canWrite ? "xl:grid-cols-[1fr_24rem]" : ""}`}>
        <section aria-labelledby="projects-heading" className="min-w-0">
          <h2 id="projects-heading" className="sr-only">
            {t("list.heading")}
          </h2>
          {projects.length === 0 ? (
            <EmptyState title={t("list.empty")}>
              {canWrite ? t("list.emptyHint") : t("list.emptyReadOnly")}
            </EmptyState>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
              <table className="w-full text-sm" data-testid="project-list">
                <caption className="sr-only">{t("list.heading")}</caption>
                <thead className="border-b border-neutral-200 text-left text-xs text-neutral-600">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("list.project")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("list.phase")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("list.owner")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("list.targets")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("list.progress")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("list.due")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {projects.map((p) => (
                    <tr
                      key={p.id}
                      className="border-b border-neutral-100 align-top last:border-0"
                      data-testid="project-row"
                    >
                      <th scope="row" className="px-3 py-2 text-left font-normal">
                        <Link
                          href={`/improve/${p.id}`}
                          className="font-medium text-accent hover:underline"
                        >
                          {p.title}
                        </Link>
                        <span className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-neutral-600">
                          {p.touchpoints.map((tp) => (
                            <span key={tp.id} className="inline-flex items-center gap-0.5">
                              {tp.isMoT && (
                                <Star aria-label={t("mot")} className="size-3 fill-mot text-mot" />
                              )}
                              {localized(tp, "name", locale)}
                            </span>
                          ))}
                        </span>
                      </th>
                      <td className="px-3 py-2">
                        <PhaseTrack phase={p.phase} />
                        <span className="mt-0.5 block text-xs text-neutral-600">
                          {t(`phases.${p.phase}`)}
                          {p.status !== "ACTIVE" && ` · ${t(`statuses.${p.status}`)}`}
                        </span>
                      </td>
                      <td className="px-3 py-2">{p.owner?.name ?? t("list.noOwner")}</td>
                      <td className="px-3 py-2 text-xs">
                        {p.targetGapClosed !== null && (
                          <span className="block">
                            {t("list.targetGap", {
                              value: formatNumber(p.targetGapClosed, locale, 1),
                            })}
                          </span>
                        )}
                        {p.targetCsatChange !== null && (
                          <span className="block">
                            {t("list.targetCsat", {
                              value: formatNumber(p.targetCsatChange, locale, 0),
                            })}
                          </span>
                        )}
                        {p.targetGapClosed === null && p.targetCsatChange === null && (
                          <span className="text-neutral-500">{t("list.noTargets")}</span>
                        )}
                      </td>
                      <td className="px-3 py-2 text-xs">
                        <span className="block">
                          {t("list.actionsDone", { done: p.actions.done, total: p.actions.total })}
                        </span>
                        <span className="block text-neutral-600">
                          {t("list.pilotsDecided", {
                            decided: p.pilots.decided,
                            total: p.pilots.total,
                          })}
                        </span>
                      </td>
                      <td className="px-3 py-2 text-xs">
                        {p.dueDay ?? t("list.noDue")}
                        {p.isOverdue && (
                          <span className="mt-0.5 flex items-center gap-1 text-gap-below">
                            <AlertTriangle aria-hidden className="size-3" />
                            {t("list.overdue")}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        {canWrite && (
          <aside
            aria-labelledby="new-project"
            className="rounded-lg border border-neutral-200 bg-white p-4"
          >
            <h2 id="new-project" className="font-medium">
              {t("create.heading")}
            </h2>
            <p className="mb-3 mt-1 text-sm text-neutral-600">{t("create.lead")}</p>
            {hasTouchpoints ? (
              <CreateProjectForm
                journeys={choices.journeys.filter((j) => j.touchpoints.length > 0)}
                people={choices.people}
                currentUserId={user.id}
                createProject={createProjectAction}
              />
            ) : (
              <p className="text-sm text-neutral-600">{t("create.noTouchpoints")}</p>
            )}
          </aside>
        )}
      </div>
    </>
  );
}
