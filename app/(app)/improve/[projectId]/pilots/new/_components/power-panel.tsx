"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatInteger, formatNumber } from "@/lib/format/numbers";
import {
  answersPerDay,
  BASELINE_DAYS,
  baselineFigure,
  daysToReach,
  hasTooFewSites,
  planPilot,
  planSitesOf,
} from "@/lib/pilots/planning";
import type { TPilotBaseline, TPilotDesign, TPilotMetric } from "@/lib/pilots/schemas";
import { DEFAULT_ALPHA, DEFAULT_POWER } from "@/lib/stats/power";

type TProps = {
  metric: TPilotMetric;
  effect: number;
  baseline: TPilotBaseline;
  design: TPilotDesign;
  pilotSiteIds: string[];
  controlSiteIds: string[];
  /** Days in the pilot window and in the before/after baseline window (0 when not set). */
  windowDays: number;
  baselineDays: number;
};

/**
 * The power analysis, recomputed as the manager types: the touchpoint's spread (or CSAT share, or
 * NPS mix) over the days before the pilot, the answers each group needs to detect the target effect, and whether the
 * chosen sites and days are likely to collect them. The same pure functions run on the server.
 */
export function PowerPanel({
  metric,
  effect,
  baseline,
  design,
  pilotSiteIds,
  controlSiteIds,
  windowDays,
  baselineDays,
}: TProps) {
  const t = useTranslations("improve.power");
  const locale = useLocale();
  const figure = baselineFigure(metric, baseline.totals);
  // A control-site pilot plans over its chosen sites (their number, the touchpoint's ICC), as createPilot does.
  const plan = planPilot(
    metric,
    baseline.totals,
    effect,
    planSitesOf(baseline, design, pilotSiteIds, controlSiteIds),
  );
  const clustering = "perGroup" in plan ? plan.clustering : null;
  const isOneSite =
    design === "CONTROL_SITES" &&
    pilotSiteIds.length > 0 &&
    controlSiteIds.length > 0 &&
    hasTooFewSites(pilotSiteIds.length, controlSiteIds.length);
  const pilotPace = answersPerDay(metric, baseline.bySite, pilotSiteIds, BASELINE_DAYS);
  const controlPace =
    design === "CONTROL_SITES"
      ? answersPerDay(metric, baseline.bySite, controlSiteIds, BASELINE_DAYS)
      : pilotPace;
  const comparisonDays = design === "CONTROL_SITES" ? windowDays : baselineDays;
  const expected = {
    pilot: Math.round(pilotPace * windowDays),
    comparison: Math.round(controlPace * comparisonDays),
  };
  const perGroup = "perGroup" in plan ? plan.perGroup : null;
  const days =
    perGroup !== null
      ? daysToReach(perGroup, design === "CONTROL_SITES" ? [pilotPace, controlPace] : [pilotPace])
      : null;
  const isEnough =
    perGroup !== null &&
    windowDays > 0 &&
    expected.pilot >= perGroup &&
    expected.comparison >= perGroup;
  const rate = (v: number) => formatNumber(v, locale, 1);

  return (
    <section
      aria-labelledby="power-heading"
      aria-live="polite"
      className="rounded-lg border border-accent/30 bg-accent/5 p-4"
      data-testid="power-analysis"
    >
      <h2 id="power-heading" className="font-medium">
        {t("heading")}
      </h2>
      <p className="mt-1 text-xs text-neutral-600">
        {t("settings", {
          alpha: formatNumber(DEFAULT_ALPHA, locale, 2),
          power: formatInteger(DEFAULT_POWER * 100, locale),
        })}
      </p>
      <p className="mt-3 text-sm" data-testid="power-baseline">
        {!figure
          ? t("noBaseline", { days: BASELINE_DAYS, from: baseline.from, to: baseline.to })
          : figure.metric === "MEAN_EXPERIENCE"
            ? t("baselineMean", {
                mean: formatNumber(figure.mean, locale, 2),
                sd: formatNumber(figure.sd, locale, 2),
                n: formatInteger(figure.n, locale),
                days: BASELINE_DAYS,
                from: baseline.from,
                to: baseline.to,
              })
            : figure.metric === "CSAT"
              ? t("baselineCsat", {
                  share: formatNumber(figure.share * 100, locale, 1),
                  n: formatInteger(figure.n, locale),
                  days: BASELINE_DAYS,
                  from: baseline.from,
                  to: baseline.to,
                })
              : t("baselineNps", {
                  nps: formatNumber(figure.nps, locale, 1),
                  promoters: formatNumber(figure.promoterShare * 100, locale, 0),
                  detractors: formatNumber(figure.detractorShare * 100, locale, 0),
                  n: formatInteger(figure.n, locale),
                  days: BASELINE_DAYS,
                  from: baseline.from,
                  to: baseline.to,
                })}
      </p>
      {perGroup !== null ? (
        <>
          <p className="mt-3 text-sm">
            {t("required", {
              effect: t(`effect.${metric}`, {
                value: formatNumber(effect, locale, metric === "MEAN_EXPERIENCE" ? 2 : 0),
              }),
            })}
          </p>
          <p
            className="mt-1 text-3xl font-semibold tabular-nums"
            data-testid="required-per-group"
            data-value={perGroup}
          >
            {t("perGroup", { n: formatInteger(perGroup, locale) })}
          </p>
          {clustering && (
            <p
              className="mt-2 text-sm text-neutral-700"
              data-testid="plan-clustering"
              data-effective={clustering.effectivePerGroup}
            >
              {t("clustered", {
                sites: clustering.sitesPerGroup,
                icc: formatNumber(clustering.icc, locale, 3),
                estimated: t(clustering.iccEstimated ? "iccEstimated" : "iccAssumed"),
                deff: formatNumber(clustering.designEffect, locale, 2),
                n: formatInteger(perGroup, locale),
                effective: formatInteger(Math.round(clustering.effectivePerGroup), locale),
                df: pilotSiteIds.length + controlSiteIds.length - 2,
              })}
            </p>
          )}
          {isOneSite && (
            <p
              className="mt-2 rounded-md bg-amber-50 px-2 py-1 text-sm text-amber-800"
              data-testid="plan-one-site"
            >
              {t("oneSite")}
            </p>
          )}
          <p className="mt-3 text-sm text-neutral-700">
            {design === "CONTROL_SITES"
              ? t("paceControl", { pilot: rate(pilotPace), control: rate(controlPace) })
              : t("paceBeforeAfter", { pilot: rate(pilotPace) })}{" "}
            {days !== null ? t("daysNeeded", { days }) : t("noPace")}
          </p>
          {windowDays > 0 && (
            <p
              className={`mt-2 rounded-md px-2 py-1 text-sm ${isEnough ? "bg-green-50 text-green-800" : "bg-amber-50 text-amber-800"}`}
              data-testid="power-window"
              data-enough={isEnough}
            >
              {t(isEnough ? "windowEnough" : "windowShort", {
                days: windowDays,
                pilot: formatInteger(expected.pilot, locale),
                comparison: formatInteger(expected.comparison, locale),
                n: formatInteger(perGroup, locale),
              })}
            </p>
          )}
        </>
      ) : "problem" in plan && plan.problem === "TOO_FEW_SITES" ? (
        <p className="mt-3 text-sm text-amber-800" data-testid="plan-too-few-sites">
          {plan.minSitesPerGroup !== null
            ? t("tooFewSites", { min: plan.minSitesPerGroup })
            : t("tooFewSitesUnknown")}
        </p>
      ) : (
        figure && (
          <p className="mt-3 text-sm text-amber-800">
            {t(effect > 0 ? "effectOutOfRange" : "enterEffect")}
          </p>
        )
      )}
    </section>
  );
}
