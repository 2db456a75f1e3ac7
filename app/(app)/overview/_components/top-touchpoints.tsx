import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Star } from "lucide-react";
import { formatInteger, formatNumber, formatSigned } from "@/lib/format/numbers";
import { rankedGapTone } from "@/lib/analytics/gap-tone";
import { searchStringOf } from "@/lib/analytics/filter-url";
import { localized } from "@/lib/i18n/localized";
import type { TPeriod } from "@/lib/overview/periods";
import type { TOverviewTouchpoint } from "@/lib/overview/schemas";
import { EMPTY_CLASS, LIST_CLASS, ROW_LINK_CLASS } from "./overview-section";

const TONE_TEXT = { below: "text-gap-below", above: "text-gap-above", neutral: "text-neutral-700" };

/** Up to ten touchpoints shown below expectation, to fix first across journeys, each opening its drill-down in Measure for the same 90 days. */
export async function TopTouchpoints({
  top,
  period,
}: {
  top: TOverviewTouchpoint[];
  period: TPeriod;
}) {
  const [t, tMap, locale] = await Promise.all([
    getTranslations("overview.top"),
    getTranslations("journeyMap"),
    getLocale(),
  ]);
  if (top.length === 0) return <p className={EMPTY_CLASS}>{t("none")}</p>;
  return (
    <ol className={LIST_CLASS}>
      {top.map((item) => {
        const { touchpoint, reason } = item;
        const name = localized(touchpoint, "name", locale);
        const tone = rankedGapTone(reason);
        return (
          <li key={touchpoint.id} data-testid="overview-top-row">
            <Link
              href={`/measure/touchpoints/${touchpoint.id}${searchStringOf({ journeyId: item.journey.id, ...period })}`}
              className={`${ROW_LINK_CLASS} grid grid-cols-[1.75rem_minmax(0,1fr)_auto] items-start gap-x-2`}
              aria-label={t("open", { touchpoint: name })}
            >
              <span className="text-sm font-semibold tabular-nums text-neutral-500">
                {formatInteger(item.rank, locale)}
              </span>
              <span className="min-w-0">
                <span className="flex items-start gap-1.5">
                  <span className="font-medium text-neutral-900" data-testid="overview-top-name">
                    {name}
                  </span>
                  {touchpoint.isMoT && (
                    <span
                      className="mt-0.5 inline-flex shrink-0 items-center gap-0.5 rounded bg-mot px-1 text-[10px] font-semibold uppercase text-white"
                      title={tMap("motLong")}
                    >
                      <Star aria-hidden className="size-3 fill-current" />
                      {tMap("mot")}
                    </span>
                  )}
                </span>
                <span className="block truncate text-xs text-neutral-500">
                  {t("journey", { journey: localized(item.journey, "name", locale) })} ·{" "}
                  {t(`verdict.${reason.verdict}`)}
                </span>
              </span>
              <span className="text-right tabular-nums">
                <span className={`block text-sm font-semibold ${TONE_TEXT[tone]}`}>
                  {reason.meanGap === null
                    ? ""
                    : t("gap", { gap: formatSigned(reason.meanGap, locale) })}
                </span>
                <span className="block text-[11px] text-neutral-500">
                  {reason.gapInterval &&
                    t("gapInterval", {
                      low: formatSigned(reason.gapInterval.low, locale),
                      high: formatSigned(reason.gapInterval.high, locale),
                    })}
                  {reason.gapInterval && " · "}
                  {t("n", { n: formatInteger(reason.n, locale) })} ·{" "}
                  {t("score", { score: formatNumber(reason.score, locale, 3) })}
                </span>
              </span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
