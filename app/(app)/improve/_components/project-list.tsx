import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AlertTriangle, Star } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, type TTableColumn } from "@/components/ui/table";
import { formatNumber } from "@/lib/format/numbers";
import { localized } from "@/lib/i18n/localized";
import type { TProjectListItem } from "@/lib/projects/schemas";
import { PhaseTrack } from "./phase-track";

/** Every improvement project: its touchpoints, phase, owner, targets, progress and due day. */
export async function ProjectList({
  projects,
  canWrite,
}: {
  projects: TProjectListItem[];
  canWrite: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations("improve"), getLocale()]);
  const columns: TTableColumn<TProjectListItem>[] = [
    {
      key: "project",
      header: t("list.project"),
      isRowHeader: true,
      cell: (p) => (
        <>
          <Link href={`/improve/${p.id}`} className="font-medium text-accent hover:underline">
            {p.title}
          </Link>
          <span className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-neutral-600">
            {p.touchpoints.map((tp) => (
              <span key={tp.id} className="inline-flex items-center gap-0.5">
                {tp.isMoT && <Star aria-label={t("mot")} className="size-3 fill-mot text-mot" />}
                {localized(tp, "name", locale)}
              </span>
            ))}
          </span>
        </>
      ),
    },
    {
      key: "phase",
      header: t("list.phase"),
      cell: (p) => (
        <>
          <PhaseTrack phase={p.phase} />
          <span className="mt-0.5 block text-xs text-neutral-600">
            {t(`phases.${p.phase}`)}
            {p.status !== "ACTIVE" && ` · ${t(`statuses.${p.status}`)}`}
          </span>
        </>
      ),
    },
    { key: "owner", header: t("list.owner"), cell: (p) => p.owner?.name ?? t("list.noOwner") },
    {
      key: "targets",
      header: t("list.targets"),
      className: "text-xs",
      cell: (p) => (
        <>
          {p.targetGapClosed !== null && (
            <span className="block">
              {t("list.targetGap", { value: formatNumber(p.targetGapClosed, locale, 1) })}
            </span>
          )}
          {p.targetCsatChange !== null && (
            <span className="block">
              {t("list.targetCsat", { value: formatNumber(p.targetCsatChange, locale, 0) })}
            </span>
          )}
          {p.targetGapClosed === null && p.targetCsatChange === null && (
            <span className="text-neutral-500">{t("list.noTargets")}</span>
          )}
        </>
      ),
    },
    {
      key: "progress",
      header: t("list.progress"),
      className: "text-xs",
      cell: (p) => (
        <>
          <span className="block">
            {t("list.actionsDone", { done: p.actions.done, total: p.actions.total })}
          </span>
          <span className="block text-neutral-600">
            {t("list.pilotsDecided", { decided: p.pilots.decided, total: p.pilots.total })}
          </span>
        </>
      ),
    },
    {
      key: "due",
      header: t("list.due"),
      className: "text-xs",
      cell: (p) => (
        <>
          {p.dueDay ?? t("list.noDue")}
          {p.isOverdue && (
            <span className="mt-0.5 flex items-center gap-1 text-gap-below">
              <AlertTriangle aria-hidden className="size-3" />
              {t("list.overdue")}
            </span>
          )}
        </>
      ),
    },
  ];
  return (
    <Table
      columns={columns}
      rows={projects}
      rowKey={(p) => p.id}
      rowProps={() => ({ className: "align-top", "data-testid": "project-row" })}
      caption={t("list.heading")}
      empty={
        <EmptyState title={t("list.empty")}>
          {canWrite ? t("list.emptyHint") : t("list.emptyReadOnly")}
        </EmptyState>
      }
      testId="project-list"
    />
  );
}
