import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatInteger } from "@/lib/format/numbers";
import type { TProjectListItem } from "@/lib/projects/schemas";
import { EMPTY_CLASS, LIST_CLASS, ROW_LINK_CLASS } from "./overview-section";

const PHASES = ["DEFINE", "MEASURE", "ANALYZE", "IMPROVE", "CONTROL"] as const;
/** Projects still under way; done and cancelled ones are counted, not listed. */
const isOpen = (p: TProjectListItem) => p.status === "ACTIVE" || p.status === "ON_HOLD";

/** How many projects stand in each DMAIC phase, then each open project with its phase; each opens its page. */
export async function ProjectPhases({ projects }: { projects: TProjectListItem[] }) {
  const [t, locale] = await Promise.all([getTranslations("overview.projects"), getLocale()]);
  if (projects.length === 0) return <p className={EMPTY_CLASS}>{t("none")}</p>;
  const open = projects.filter(isOpen);
  return (
    <>
      <ol
        className="mb-2 grid grid-cols-5 gap-1 text-center text-xs"
        data-testid="overview-phase-counts"
      >
        {PHASES.map((phase) => (
          <li key={phase} className="rounded-md border border-neutral-200 bg-white px-1 py-1.5">
            <span className="block text-lg font-semibold tabular-nums text-neutral-900">
              {formatInteger(open.filter((p) => p.phase === phase).length, locale)}
            </span>
            <span className="block text-neutral-600">{t(`phase.${phase}`)}</span>
          </li>
        ))}
      </ol>
      <ul className={LIST_CLASS}>
        {projects.map((project) => (
          <li key={project.id} data-testid="overview-project">
            <Link
              href={`/improve/${project.id}`}
              className={`${ROW_LINK_CLASS} flex items-start justify-between gap-3`}
              aria-label={t("open", { title: project.title })}
            >
              <span className="min-w-0">
                <span className="block font-medium text-neutral-900">{project.title}</span>
                <span className="block text-xs text-neutral-600">
                  {project.owner ? t("owner", { name: project.owner.name }) : t("noOwner")}
                  {" · "}
                  {t("actions", {
                    done: formatInteger(project.actions.done, locale),
                    total: formatInteger(project.actions.total, locale),
                  })}
                  {project.dueDay && ` · ${t("due", { day: project.dueDay })}`}
                  {project.isOverdue && (
                    <span className="ml-1 font-medium text-gap-below">{t("overdue")}</span>
                  )}
                </span>
              </span>
              <span className="shrink-0 text-right text-xs">
                <span className="block rounded bg-neutral-100 px-1.5 py-0.5 font-medium text-neutral-800">
                  {t(`phase.${project.phase}`)}
                </span>
                <span className="mt-0.5 block text-neutral-500">
                  {t(`status.${project.status}`)}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
