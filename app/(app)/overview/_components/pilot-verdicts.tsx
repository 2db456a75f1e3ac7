import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatInteger } from "@/lib/format/numbers";
import { localized } from "@/lib/i18n/localized";
import { shownPValue } from "@/lib/pilots/shown-p-value";
import type { TOverviewPilot } from "@/lib/overview/schemas";
import { formatMetricDifference, formatPValue, VERDICT_TONE } from "./metric-format";
import { EMPTY_CLASS, LIST_CLASS, ROW_LINK_CLASS } from "./overview-section";

/** Every pilot with its verdict in words, the difference with its interval and p, n against plan, and the decision; each opens the pilot. */
export async function PilotVerdicts({ pilots }: { pilots: TOverviewPilot[] }) {
  const [t, locale] = await Promise.all([getTranslations("overview.pilots"), getLocale()]);
  if (pilots.length === 0) return <p className={EMPTY_CLASS}>{t("none")}</p>;
  return (
    <ul className={LIST_CLASS}>
      {pilots.map((pilot) => {
        const { outcome, decision } = pilot;
        const n = {
          pilot: formatInteger(outcome.pilot.n, locale),
          control: formatInteger(outcome.control.n, locale),
        };
        // No p-value beside a comparison no verdict may rest on (one site a group, not exploratory).
        const p = shownPValue(outcome);
        return (
          <li key={pilot.id} data-testid="overview-pilot">
            <Link
              href={`/improve/${pilot.projectId}/pilots/${pilot.id}`}
              className={`${ROW_LINK_CLASS} flex items-start justify-between gap-3`}
              aria-label={t("open", { name: pilot.name })}
            >
              <span className="min-w-0">
                <span className="block font-medium text-neutral-900">{pilot.name}</span>
                <span className="block text-xs text-neutral-600">
                  {localized(pilot.touchpoint, "name", locale)} · {t(`metric.${pilot.metric}`)} ·{" "}
                  {t("window", { from: pilot.startDay, to: pilot.endDay })}
                </span>
                <span className="block text-xs tabular-nums text-neutral-600">
                  {outcome.difference
                    ? t(p === null ? "differenceNoP" : "difference", {
                        value: formatMetricDifference(
                          pilot.metric,
                          outcome.difference.value,
                          locale,
                        ),
                        low: formatMetricDifference(
                          pilot.metric,
                          outcome.difference.interval.low,
                          locale,
                        ),
                        high: formatMetricDifference(
                          pilot.metric,
                          outcome.difference.interval.high,
                          locale,
                        ),
                        p: p === null ? "" : formatPValue(p, locale),
                      })
                    : t("noDifference")}
                </span>
                <span className="block text-xs tabular-nums text-neutral-500">
                  {outcome.plannedPerGroup === null
                    ? t(outcome.infeasiblePlan ? "groupsInfeasible" : "groupsUnplanned", n)
                    : t("groups", {
                        ...n,
                        planned: formatInteger(outcome.plannedPerGroup, locale),
                      })}
                </span>
              </span>
              <span className="shrink-0 text-right text-xs">
                <span
                  className={`block text-sm font-semibold ${VERDICT_TONE[outcome.verdict]}`}
                  data-testid="overview-pilot-verdict"
                >
                  {t(`verdict.${outcome.verdict}`)}
                </span>
                {pilot.design === "BEFORE_AFTER" && (
                  <span
                    className="block text-neutral-600"
                    data-testid="overview-pilot-uncontrolled"
                  >
                    {t("qualifier.UNCONTROLLED")}
                  </span>
                )}
                {outcome.isJudgedAsExploratory && (
                  <span className="block text-neutral-600">{t("qualifier.EXPLORATORY")}</span>
                )}
                <span className="block text-neutral-600">
                  {decision
                    ? t(`decision.${decision.decision}`, { day: decision.rolloutDay ?? "" })
                    : t("undecided")}
                </span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
