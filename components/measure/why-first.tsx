"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatInteger, formatNumber, formatPercent, formatSigned } from "@/lib/format/numbers";
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
  if (r.gapInterval === null || r.meanGap === null) {
    gapSentence = t("tooFew", { n: r.n });
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
    gapSentence = t("notShownBelow", {
      gap: s2(r.meanGap),
      low: s2(r.gapInterval.low),
      high: s2(r.gapInterval.high),
      n: formatInteger(r.n, locale),
      confidence,
    });
  }

  return (
    <div
      className="space-y-1.5 text-sm leading-relaxed text-neutral-700"
      data-testid="why-first-text"
    >
      <p>{gapSentence}</p>
      <p>{t(`importance.${r.importanceSource}`, { importance: n2(r.importance), subject })}</p>
      <p>
        {t("reach", {
          observations: formatInteger(measures?.observations ?? r.n, locale),
          share: formatPercent(r.reachShare, locale),
          subject,
        })}
      </p>
      <p className="font-medium text-neutral-900">
        {r.shortfallBound === 0
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
