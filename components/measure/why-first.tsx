"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatInteger, formatNumber, formatPercent, formatSigned } from "@/lib/format/numbers";
import { shortfallPulledAway } from "@/lib/analytics/gap-tone";
import type { TMeasures } from "@/lib/analytics/schemas";
import type { TRankReason } from "@/lib/stats/ranking";

/** What was ranked: the wording of "its most important driver", "the busiest …" depends on it. */
export type TRankSubject = "touchpoint" | "driver";

type TProps = { reason: TRankReason; measures: TMeasures | undefined; subject: TRankSubject };

/**
 * "Why is this first?": the ranking formula (docs/METHODS.md, "Fix-first score") in words, with
 * this row's own numbers — the gap and how sure we are of it, the importance and where it comes
 * from, the reach, and the product. One explanation for touchpoints and loyalty drivers alike.
 */
export function WhyFirst({ reason: r, measures, subject }: TProps) {
  const t = useTranslations("measure.why");
  const locale = useLocale();
  const n2 = (v: number) => formatNumber(v, locale, 2);
  const s2 = (v: number) => formatSigned(v, locale, 2);
  const confidence = formatPercent(r.gapInterval?.confidence ?? 0.95, locale);

  let gapSentence: string;
  if (r.verdict === "TOO_FEW_OBSERVATIONS" || r.gapInterval === null || r.meanGap === null) {
    gapSentence = t("tooFew", { n: r.n, min: formatInteger(r.minAnswers, locale), subject });
  } else if (r.shortfallBound > 0) {
    const numbers = {
      gap: s2(r.meanGap),
      bound: n2(r.shortfallBound),
      low: s2(r.gapInterval.low),
      high: s2(r.gapInterval.high),
      n: formatInteger(r.n, locale),
      confidence,
    };
    gapSentence =
      measures?.expectation != null && measures.experience != null
        ? t("below", {
            ...numbers,
            expectation: n2(measures.expectation),
            experience: n2(measures.experience),
          })
        : t("belowNoLevels", numbers);
  } else {
    const numbers = {
      gap: s2(r.meanGap),
      low: s2(r.gapInterval.low),
      high: s2(r.gapInterval.high),
      n: formatInteger(r.n, locale),
      confidence,
    };
    // Its own answers fall below expectation, but not once pulled toward the common gap.
    gapSentence =
      shortfallPulledAway(r) && r.commonGap !== null
        ? t("notShownBelowPulled", { ...numbers, common: s2(r.commonGap), subject })
        : t("notShownBelow", numbers);
  }
  // Said only when the pull moved the bound's starting point visibly (at two decimals).
  const shrunkSentence =
    r.gapEstimate !== null &&
    r.commonGap !== null &&
    r.meanGap !== null &&
    Math.abs(r.gapEstimate - r.meanGap) >= 0.005
      ? t("shrunk", {
          n: formatInteger(r.n, locale),
          share: formatPercent(r.shrinkage, locale),
          common: s2(r.commonGap),
          estimate: s2(r.gapEstimate),
          subject,
        })
      : null;

  return (
    <div
      className="space-y-1.5 text-sm leading-relaxed text-neutral-700"
      data-testid="why-first-text"
    >
      <p>{gapSentence}</p>
      {shrunkSentence && <p>{shrunkSentence}</p>}
      <p>
        <ImportanceSentence reason={r} subject={subject} />
      </p>
      <p>
        {t("reach", {
          observations: formatInteger(measures?.observations ?? r.n, locale),
          share: formatPercent(r.reachShare, locale),
          subject,
        })}
      </p>
      <p className="font-medium text-neutral-900">
        {r.verdict === "TOO_FEW_OBSERVATIONS"
          ? t("scoreUnranked", { min: formatInteger(r.minAnswers, locale) })
          : r.shortfallBound === 0
            ? t("scoreZero", { subject })
            : t("score", {
                bound: n2(r.shortfallBound),
                importance: n2(r.importance),
                weight: n2(r.reachWeight),
                score: formatNumber(r.score, locale, 3),
              })}
      </p>
    </div>
  );
}

/** Where the importance comes from: stated, derived (with its correlation), or why none was derived. */
function ImportanceSentence({
  reason: r,
  subject,
}: {
  reason: TRankReason;
  subject: TRankSubject;
}) {
  const t = useTranslations("measure.why");
  const locale = useLocale();
  const importance = formatNumber(r.importance, locale, 2);
  const detail = r.importanceDetail;
  const correlation = detail?.correlation;
  const r2 = (v: number) => formatSigned(v, locale, 2);
  const link = correlation && {
    r: r2(correlation.r),
    n: formatInteger(correlation.n, locale),
    low: correlation.interval ? r2(correlation.interval.low) : "–",
    high: correlation.interval ? r2(correlation.interval.high) : "–",
  };
  if (r.importanceSource === "DERIVED")
    return t("importance.DERIVED", {
      importance,
      r: link?.r ?? "–",
      n: link?.n ?? "–",
      low: link?.low ?? "–",
      high: link?.high ?? "–",
      strongest: detail?.strongestR != null ? formatNumber(detail.strongestR, locale, 2) : "–",
    });
  if (r.importanceSource === "DEFAULT" && detail?.defaultReason) {
    if (detail.defaultReason === "NOT_SHOWN" && link)
      return t("importanceDefault.NOT_SHOWN", { importance, ...link });
    if (detail.defaultReason === "TOO_FEW_PAIRS")
      return t("importanceDefault.TOO_FEW_PAIRS", { importance, n: correlation?.n ?? 0 });
    if (detail.defaultReason === "NO_CORRELATION")
      return t("importanceDefault.NO_CORRELATION", { importance });
  }
  if (r.importanceSource === "STATED") return t("importance.STATED", { importance, subject });
  return t("importance.DEFAULT", { importance });
}
