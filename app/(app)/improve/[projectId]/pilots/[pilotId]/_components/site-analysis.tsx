"use client";
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatInteger, formatNumber } from "@/lib/format/numbers";
import type { TPilotDetail } from "@/lib/pilots/schemas";
import { usePilotFormat } from "../../../../_components/use-pilot-format";

/**
 * What the sites behind the groups do to the result: for a control-site pilot, the ICC, each
 * group's design effect and effective sample size (n ÷ DEFF); for a before/after pilot, the
 * difference in differences against the sites that did not run it.
 */
export function SiteAnalysis({ pilot }: { pilot: TPilotDetail }) {
  const t = useTranslations("improve.result");
  const locale = useLocale();
  const format = usePilotFormat();
  const { outcome, metric } = pilot;
  const { clustering, differenceInDifferences: did } = outcome;

  if (clustering) {
    const groups = [
      { key: "pilot", label: t("groups.pilot"), group: clustering.pilot },
      { key: "control", label: t("groups.control"), group: clustering.control },
    ] as const;
    return (
      <Panel id="clustering" heading={t("clustering.heading")} testId="pilot-clustering">
        <p className="mt-1 text-neutral-600">{t("clustering.lead")}</p>
        <p className="mt-2">
          {t("clustering.icc", {
            icc: formatNumber(clustering.icc, locale, 3),
            source: t(`clustering.iccSource.${clustering.iccSource ?? "NONE"}`),
          })}
        </p>
        <ul className="mt-1 flex flex-col gap-0.5">
          {groups.map(({ key, label, group }) => (
            <li key={key} data-testid={`effective-${key}`} data-value={group.effectiveN}>
              {t("clustering.group", {
                group: label,
                sites: formatInteger(group.sites, locale),
                n: formatInteger(group.n, locale),
                deff: formatNumber(group.designEffect, locale, 2),
                effective: formatInteger(Math.round(group.effectiveN), locale),
              })}
            </li>
          ))}
        </ul>
      </Panel>
    );
  }

  if (pilot.design !== "BEFORE_AFTER") return null;
  return (
    <Panel id="did" heading={t("did.heading")} testId="pilot-did">
      {did ? (
        <>
          <p className="mt-2 text-base" data-testid="did-value">
            {did.interval && did.pValue !== null
              ? t("did.value", {
                  value: format.difference(metric, did.value),
                  low: format.signed(metric, did.interval.low),
                  high: format.signed(metric, did.interval.high),
                  p: format.pValue(did.pValue),
                })
              : t("did.estimate", { value: format.difference(metric, did.value) })}
          </p>
          <p className="mt-1 text-neutral-600">
            {t("did.lead", {
              pilotSites: formatInteger(did.pilotSites, locale),
              sites: formatInteger(did.others.sites, locale),
              before: formatInteger(did.others.before, locale),
              after: formatInteger(did.others.after, locale),
            })}
          </p>
          {!did.interval && (
            <p className="mt-1 text-neutral-600" data-testid="did-too-few-sites">
              {t("did.tooFewSites")}
            </p>
          )}
        </>
      ) : (
        <p className="mt-2 text-neutral-600">{t("did.none")}</p>
      )}
    </Panel>
  );
}

/** The frame both analyses share: a bordered section named by its heading. */
function Panel({
  id,
  heading,
  testId,
  children,
}: {
  id: string;
  heading: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="rounded-lg border border-neutral-200 bg-white p-4 text-sm"
      data-testid={testId}
    >
      <h2 id={`${id}-heading`} className="font-medium">
        {heading}
      </h2>
      {children}
    </section>
  );
}
