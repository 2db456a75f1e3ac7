"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Plus } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { localized } from "@/lib/i18n/localized";
import { shownPValue } from "@/lib/pilots/shown-p-value";
import type { TPilotSummary } from "@/lib/pilots/schemas";
import { usePilotFormat } from "../../_components/use-pilot-format";
import { VerdictBadge } from "../../_components/verdict-badge";

type TProps = {
  projectId: string;
  pilots: TPilotSummary[];
  canPlan: boolean;
  planHint: string | null;
};

/** The project's pilots: what each tried, where and when, how far its groups got, the verdict and the decision. */
export function PilotList({ projectId, pilots, canPlan, planHint }: TProps) {
  const t = useTranslations("improve.pilots");
  const tImprove = useTranslations("improve");
  const locale = useLocale();
  const format = usePilotFormat();
  return (
    <section
      aria-labelledby="pilots-heading"
      className="rounded-lg border border-neutral-200 bg-white p-4"
      data-testid="pilot-list"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="pilots-heading" className="font-medium">
          {t("heading")}
        </h2>
        {canPlan && (
          <Link
            href={`/improve/${projectId}/pilots/new`}
            className="inline-flex min-h-9 items-center gap-1.5 rounded-md bg-accent px-3 text-sm font-medium text-white hover:bg-accent-strong"
            data-testid="plan-pilot"
          >
            <Plus aria-hidden className="size-4" />
            {t("plan")}
          </Link>
        )}
      </div>
      <p className="mt-1 text-sm text-neutral-600">{t("lead")}</p>
      {planHint && <p className="mt-1 text-xs text-neutral-500">{planHint}</p>}
      {pilots.length === 0 ? (
        <div className="mt-3">
          <EmptyState title={t("empty")} />
        </div>
      ) : (
        <ul className="mt-3 flex flex-col gap-2">
          {pilots.map((pilot) => {
            const { outcome } = pilot;
            // No p-value beside a comparison no verdict may rest on (one site a group, not exploratory).
            const p = shownPValue(outcome);
            const difference = outcome.difference
              ? format.difference(pilot.metric, outcome.difference.value)
              : null;
            return (
              <li
                key={pilot.id}
                className="rounded-md border border-neutral-200 p-3"
                data-testid="pilot-row"
              >
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <Link
                      href={`/improve/${projectId}/pilots/${pilot.id}`}
                      className="font-medium text-accent hover:underline"
                    >
                      {pilot.name}
                    </Link>
                    <p className="text-xs text-neutral-600">
                      {t("summary", {
                        touchpoint: localized(pilot.touchpoint, "name", locale),
                        metric: tImprove(`metrics.${pilot.metric}`),
                        start: pilot.startDay,
                        end: pilot.endDay,
                      })}
                    </p>
                    <p className="text-xs text-neutral-600">
                      {pilot.design === "BEFORE_AFTER"
                        ? t("groupsBeforeAfter", {
                            pilot: pilot.sites.map((s) => s.name).join(", "),
                          })
                        : t("groupsControl", {
                            pilot: pilot.sites
                              .filter((s) => s.group === "PILOT")
                              .map((s) => s.name)
                              .join(", "),
                            control: pilot.sites
                              .filter((s) => s.group === "CONTROL")
                              .map((s) => s.name)
                              .join(", "),
                          })}
                    </p>
                  </div>
                  <div className="flex flex-col items-end gap-1 text-xs">
                    <span className="text-neutral-600">{t(`stages.${pilot.stage}`)}</span>
                    <VerdictBadge verdict={outcome.verdict} />
                  </div>
                </div>
                <p className="mt-2 text-xs text-neutral-700">
                  {t("counts", {
                    pilot: outcome.pilot.n,
                    control: outcome.control.n,
                    planned: outcome.plannedPerGroup ?? "–",
                  })}
                  {difference !== null &&
                    ` · ${p === null ? t("differenceOnly", { difference }) : t("differenceIs", { difference, p: format.pValue(p) })}`}
                </p>
                {pilot.decision && (
                  <p
                    className="mt-1 text-xs font-medium text-neutral-800"
                    data-testid="pilot-decision"
                  >
                    {t("decided", {
                      decision: tImprove(`decisions.${pilot.decision.decision}`),
                      name: pilot.decision.decidedBy?.name ?? "–",
                    })}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
