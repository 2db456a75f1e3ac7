"use client";
import { useLocale, useTranslations } from "next-intl";
import { CircleDashed } from "lucide-react";
import { formatInteger } from "@/lib/format/numbers";
import { isIndicative, MIN_N_FOR_FIRM_METRIC } from "@/lib/analytics/indicative-metric";
import type { TInterval } from "@/lib/analytics/schemas";

/** A metric's full scale, so that whiskers of different slices can be compared by eye. */
export type TMetricScale = { min: number; max: number; reference?: number };

type TProps = {
  metric: { value: number; n: number; interval: TInterval | null } | null;
  scale: TMetricScale;
  format: (value: number) => string;
  testId?: string;
};

/**
 * One metric of one slice: the value, its 95 % interval, n, and a whisker on the metric's full
 * scale. "—" when nobody answered; muted and marked when fewer than 30 did (indicative).
 */
export function MetricCell({ metric, scale, format, testId }: TProps) {
  const t = useTranslations("measure.metrics");
  const locale = useLocale();
  if (metric === null) {
    return (
      <div
        className="text-right tabular-nums"
        title={t("noAnswersTitle")}
        data-testid={testId}
        data-state="none"
      >
        <span className="text-neutral-400">{t("noValue")}</span>
        <span className="block text-[11px] text-neutral-500">
          {t("nAnswers", { n: formatInteger(0, locale) })}
        </span>
      </div>
    );
  }
  const indicative = isIndicative(metric.n);
  const { interval } = metric;
  return (
    <div
      className="text-right tabular-nums"
      title={
        indicative ? t("indicativeTitle", { n: metric.n, min: MIN_N_FOR_FIRM_METRIC }) : undefined
      }
      data-testid={testId}
      data-state={indicative ? "indicative" : "firm"}
    >
      <span
        className={`inline-flex items-center gap-1 font-semibold ${indicative ? "text-neutral-500" : "text-neutral-900"}`}
      >
        {indicative && <CircleDashed aria-hidden className="size-3 text-neutral-400" />}
        {format(metric.value)}
      </span>
      <span className="block text-[11px] text-neutral-500">
        {interval && t("interval", { low: format(interval.low), high: format(interval.high) })}
        {interval && " · "}
        {t("nAnswers", { n: formatInteger(metric.n, locale) })}
      </span>
      <Whisker value={metric.value} interval={interval} scale={scale} isMuted={indicative} />
    </div>
  );
}

const position = (v: number, { min, max }: TMetricScale) =>
  `${(100 * (Math.min(max, Math.max(min, v)) - min)) / (max - min)}%`;

/** The interval as a bar and the value as a dot on a hairline track spanning the whole scale. */
function Whisker({
  value,
  interval,
  scale,
  isMuted,
}: {
  value: number;
  interval: TInterval | null;
  scale: TMetricScale;
  isMuted: boolean;
}) {
  return (
    <span aria-hidden className="relative mt-1 ml-auto block h-2 w-full max-w-40">
      <span className="absolute inset-x-0 top-1/2 h-px bg-neutral-200" />
      {scale.reference !== undefined && (
        <span
          className="absolute top-0 h-2 w-px bg-neutral-300"
          style={{ left: position(scale.reference, scale) }}
        />
      )}
      {interval && (
        <span
          className={`absolute top-1/2 h-1 -translate-y-1/2 rounded-full ${isMuted ? "bg-neutral-200" : "bg-neutral-300"}`}
          style={{
            left: position(interval.low, scale),
            right: `calc(100% - ${position(interval.high, scale)})`,
          }}
        />
      )}
      <span
        className={`absolute top-1/2 size-1.5 -translate-1/2 rounded-full ${isMuted ? "bg-neutral-400" : "bg-neutral-800"}`}
        style={{ left: position(value, scale) }}
      />
    </span>
  );
}
