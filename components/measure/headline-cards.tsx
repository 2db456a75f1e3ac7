"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatInteger, formatNumber, formatSigned } from "@/lib/format/numbers";
import { gapTone } from "@/lib/analytics/gap-tone";
import type { TInterval, TMeasures } from "@/lib/analytics/schemas";

type TCard = {
  key: string;
  label: string;
  value: string | null;
  interval: string | null;
  n: number;
  formula: string;
  tone?: "below" | "above" | "neutral";
};

const TONE_TEXT = { below: "text-gap-below", above: "text-gap-above", neutral: "text-neutral-900" };

/** The four headline measures of a slice, each with its n, its 95 % interval and its formula. */
export function HeadlineCards({ measures }: { measures: TMeasures }) {
  const t = useTranslations("measure.headline");
  const locale = useLocale();
  const range = (interval: TInterval | null, format: (v: number) => string) =>
    interval
      ? t("interval", {
          low: format(interval.low),
          high: format(interval.high),
          confidence: formatNumber(interval.confidence * 100, locale, 0),
        })
      : null;
  const signed = (v: number) => formatSigned(v, locale);
  const plain = (digits: number) => (v: number) => formatNumber(v, locale, digits);
  const { gap, csat, nps, ces } = measures;
  const cards: TCard[] = [
    {
      key: "gap",
      label: t("gap"),
      value: gap ? signed(gap.mean) : null,
      interval: range(gap?.interval ?? null, signed),
      n: gap?.n ?? 0,
      formula: t("gapFormula"),
      tone: gapTone(gap),
    },
    {
      key: "csat",
      label: t("csat"),
      value: csat ? t("percent", { value: plain(1)(csat.value) }) : null,
      interval: range(csat?.interval ?? null, plain(1)),
      n: csat?.n ?? 0,
      formula: t("csatFormula"),
    },
    {
      key: "nps",
      label: t("nps"),
      value: nps ? formatSigned(nps.value, locale, 0) : null,
      interval: range(nps?.interval ?? null, plain(0)),
      n: nps?.n ?? 0,
      formula: t("npsFormula"),
    },
    {
      key: "ces",
      label: t("ces"),
      value: ces ? plain(2)(ces.mean) : null,
      interval: range(ces?.interval ?? null, plain(2)),
      n: ces?.n ?? 0,
      formula: t("cesFormula"),
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="headline-cards">
      {cards.map((card) => (
        <div
          key={card.key}
          className="rounded-lg border border-neutral-200 bg-white px-4 py-3"
          data-testid={`headline-${card.key}`}
        >
          <dt className="flex items-center justify-between gap-2 text-xs font-medium text-neutral-600">
            {card.label}
            <abbr
              title={card.formula}
              className="cursor-help text-[11px] font-normal text-neutral-500 no-underline hover:text-accent"
            >
              {t("how")}
            </abbr>
          </dt>
          <dd
            className={`mt-1 text-2xl font-semibold tabular-nums ${TONE_TEXT[card.tone ?? "neutral"]}`}
          >
            {card.value ?? t("noValue")}
          </dd>
          <dd className="mt-0.5 text-xs tabular-nums text-neutral-600">
            {card.interval && <span>{card.interval}</span>}
            {card.interval && " · "}
            {t("n", { n: formatInteger(card.n, locale) })}
          </dd>
          <dd className="sr-only">{card.formula}</dd>
        </div>
      ))}
    </dl>
  );
}
