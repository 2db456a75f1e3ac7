"use client";
import { useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatInteger, formatNumber, formatPercent, formatSigned } from "@/lib/format/numbers";
import { rankedGapTone } from "@/lib/analytics/gap-tone";
import type { TMeasures, TRankingRules } from "@/lib/analytics/schemas";
import type { TRanked } from "@/lib/stats/ranking";
import { WhyFirst, type TRankSubject } from "./why-first";

const PAGE = 10;
// One grid for the header and the rows, so the columns line up; on a narrow screen each row stacks.
const COLUMNS =
  "md:grid-cols-[2rem_minmax(0,1.6fr)_minmax(0,0.9fr)_minmax(0,0.5fr)_minmax(0,0.8fr)_minmax(0,0.5fr)_minmax(0,0.6fr)]";
const TONE_TEXT = { below: "text-gap-below", above: "text-gap-above", neutral: "text-neutral-700" };

/** One ranked item as the list shows it; what it is (touchpoint, driver) is the caller's business. */
type TRankedRow = TRanked<{
  id: string;
  /** The item's measures, for "customers expected … and experienced …". */
  measures: TMeasures | undefined;
  name: string;
  /** Beside the name: the MOT mark, a driver's kind. */
  badges?: ReactNode;
  /** Under the name: its stage, or its touchpoint and dimension. */
  context: ReactNode;
  /** Beside "why": a drill-down link. */
  action?: ReactNode;
}>;

type TProps = {
  rows: TRankedRow[];
  subject: TRankSubject;
  /** Header of the name column ("Touchpoint", "Loyalty driver"). */
  nameHeader: string;
  /** Prefix of the test ids: `${testId}-list`, `-row`, `-name`, `-more`. */
  testId: string;
};

/**
 * A fix-first ranking as a dense list: rank, name, mean gap with its interval, n, importance and
 * its source, reach, score — ten at a time, each row with its "why is this first?".
 */
export function RankedList({ rows, subject, nameHeader, testId }: TProps) {
  const t = useTranslations("measure.ranking");
  const locale = useLocale();
  const [shown, setShown] = useState(PAGE);
  return (
    <>
      <div
        aria-hidden
        className={`-mx-4 hidden border-b border-neutral-100 px-4 pb-1.5 text-xs font-medium text-neutral-500 md:grid md:gap-x-3 ${COLUMNS}`}
      >
        <span>{t("rankShort")}</span>
        <span>{nameHeader}</span>
        <span className="text-right">{t("meanGapCi")}</span>
        <span className="text-right">{t("n")}</span>
        <span className="text-right">{t("importance")}</span>
        <span className="text-right">{t("reach")}</span>
        <span className="text-right">{t("score")}</span>
      </div>
      <ol className="-mx-4 divide-y divide-neutral-100" data-testid={`${testId}-list`}>
        {rows.slice(0, shown).map((row) => {
          const r = row.reason;
          const isRanked = r.verdict !== "TOO_FEW_OBSERVATIONS";
          // From the verdict, so that the colour never contradicts the words.
          const tone = rankedGapTone(r);
          return (
            <li key={row.id} className="px-4 py-2.5" data-testid={`${testId}-row`} data-id={row.id}>
              <div
                className={`grid grid-cols-[2rem_minmax(0,1fr)] gap-x-3 gap-y-1 md:items-center ${COLUMNS}`}
              >
                <span className="text-lg font-semibold tabular-nums text-neutral-400">
                  {isRanked ? row.rank : t("none")}
                </span>
                <div className="min-w-0">
                  <p className="flex items-start gap-1.5 font-medium leading-snug text-neutral-900">
                    <span className="line-clamp-2" title={row.name} data-testid={`${testId}-name`}>
                      {row.name}
                    </span>
                    {row.badges}
                  </p>
                  <div className="text-xs text-neutral-500">{row.context}</div>
                </div>
                <Metric label={t("meanGap")}>
                  <span className={`font-semibold ${TONE_TEXT[tone]}`}>
                    {r.meanGap === null ? t("none") : formatSigned(r.meanGap, locale)}
                  </span>
                  {r.gapInterval && (
                    <span className="block text-[11px] text-neutral-500">
                      {t("ci", {
                        low: formatSigned(r.gapInterval.low, locale),
                        high: formatSigned(r.gapInterval.high, locale),
                      })}
                    </span>
                  )}
                </Metric>
                <Metric label={t("n")}>{formatInteger(r.n, locale)}</Metric>
                <Metric label={t("importance")}>
                  {formatNumber(r.importance, locale, 2)}
                  <span className="block text-[11px] text-neutral-500">
                    {t(`sources.${r.importanceSource}`)}
                  </span>
                </Metric>
                <Metric label={t("reach")}>{formatPercent(r.reachShare, locale)}</Metric>
                <Metric label={t("score")}>
                  {isRanked ? (
                    <span className="font-semibold text-neutral-900">
                      {formatNumber(r.score, locale, 3)}
                    </span>
                  ) : (
                    <span className="text-xs text-neutral-500" data-testid={`${testId}-unranked`}>
                      {t("unranked")}
                    </span>
                  )}
                </Metric>
              </div>
              <div className="mt-1.5 flex flex-wrap items-start gap-x-4 gap-y-1 pl-11">
                <details className="group min-w-0 flex-1" data-testid="why-first">
                  <summary className="cursor-pointer select-none text-xs font-medium text-accent hover:underline">
                    {isRanked ? t("why", { rank: row.rank }) : t("whyUnranked")}
                  </summary>
                  <div className="mt-2 rounded-md bg-neutral-50 px-3 py-2">
                    <WhyFirst reason={r} measures={row.measures} subject={subject} />
                  </div>
                </details>
                {row.action}
              </div>
            </li>
          );
        })}
      </ol>
      {rows.length > shown && (
        <button
          type="button"
          onClick={() => setShown(shown + PAGE)}
          className="mt-2 text-sm font-medium text-accent hover:underline"
          data-testid={`${testId}-more`}
        >
          {t("showMore", { count: Math.min(PAGE, rows.length - shown), total: rows.length })}
        </button>
      )}
    </>
  );
}

function Metric({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="col-start-2 flex items-baseline justify-between gap-2 text-sm tabular-nums md:col-start-auto md:block md:text-right">
      <span className="text-xs text-neutral-500 md:sr-only">{label}</span>
      <span>{children}</span>
    </div>
  );
}

/** "How is the score computed?" under a ranking. */
/** The ranking rules as the method texts' placeholders: {min}, {pairs} and {confidence}. */
export function rankingRuleValues(rules: TRankingRules, locale: string) {
  return {
    min: rules.minAnswers,
    pairs: rules.minPairs,
    confidence: formatPercent(rules.confidence, locale),
  };
}

export function RankingMethod({ title, text }: { title: string; text: string }) {
  return (
    <details>
      <summary className="cursor-pointer select-none font-medium text-accent hover:underline">
        {title}
      </summary>
      <p className="mt-1.5 max-w-3xl leading-relaxed">{text}</p>
    </details>
  );
}
