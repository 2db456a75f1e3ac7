"use client";
import { useLocale, useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ErrorBar,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatInteger, formatSigned } from "@/lib/format/numbers";
import { gapTone } from "@/lib/analytics/gap-tone";
import type { TMean } from "@/lib/analytics/schemas";
import { AXIS_LABEL, AXIS_TICK, CHART_COLORS } from "./chart-theme";
import { errorOffsets } from "./error-offsets";

export type TGapBar = { label: string; gap: TMean };

type TDatum = {
  label: string;
  mean: number;
  error: [number, number];
  n: number;
  low: number | null;
  high: number | null;
  tone: keyof typeof CHART_COLORS;
};

/**
 * Mean gap per slice as horizontal bars with the 95 % interval as whiskers: warm below
 * expectation, cool above, grey when too few observations to colour.
 */
export function GapBars({ bars }: { bars: TGapBar[] }) {
  const t = useTranslations("measure.chart");
  const locale = useLocale();
  const data: TDatum[] = bars.map(({ label, gap }) => ({
    label,
    mean: gap.mean,
    error: errorOffsets(gap.mean, gap.interval),
    n: gap.n,
    low: gap.interval?.low ?? null,
    high: gap.interval?.high ?? null,
    tone: gapTone(gap),
  }));
  const extent = Math.max(
    1,
    ...data.map((d) => Math.max(Math.abs(d.low ?? d.mean), Math.abs(d.high ?? d.mean))),
  );
  // Symmetric around "as expected", on round ticks: ±1 in halves, wider in whole points.
  const limit = extent <= 1 ? 1 : Math.ceil(extent);
  const step = limit <= 2 ? 0.5 : 1;
  const ticks = Array.from(
    { length: Math.round((2 * limit) / step) + 1 },
    (_, i) => -limit + i * step,
  );
  return (
    <div style={{ height: 48 + data.length * 30 }} role="img" aria-label={t("gapBarsLabel")}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 20, left: 4 }}>
          <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
          <XAxis
            type="number"
            domain={[-limit, limit]}
            ticks={ticks}
            tick={AXIS_TICK}
            tickFormatter={(v: number) => formatSigned(v, locale, 1)}
            label={{
              value: t("gapAxis"),
              position: "insideBottom",
              offset: -12,
              style: AXIS_LABEL,
            }}
          />
          <YAxis type="category" dataKey="label" width={140} tick={AXIS_TICK} interval={0} />
          <ReferenceLine x={0} stroke={CHART_COLORS.ink} />
          <Tooltip cursor={{ fill: "#f1f3f5" }} content={<GapTooltip />} />
          <Bar dataKey="mean" isAnimationActive={false} barSize={14}>
            {data.map((d, i) => (
              <Cell key={i} fill={CHART_COLORS[d.tone]} />
            ))}
            <ErrorBar dataKey="error" direction="x" width={6} stroke={CHART_COLORS.ink} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function GapTooltip({ active, payload }: { active?: boolean; payload?: { payload: TDatum }[] }) {
  const t = useTranslations("measure.chart");
  const locale = useLocale();
  const d = payload?.[0]?.payload;
  if (!active || !d) return null;
  return (
    <div className="rounded-md border border-neutral-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-medium text-neutral-900">{d.label}</p>
      <p className="tabular-nums text-neutral-700">
        {d.low !== null && d.high !== null
          ? t("gapWithInterval", {
              gap: formatSigned(d.mean, locale),
              low: formatSigned(d.low, locale),
              high: formatSigned(d.high, locale),
            })
          : t("gapOnly", { gap: formatSigned(d.mean, locale) })}
      </p>
      <p className="text-neutral-500">{t("n", { n: formatInteger(d.n, locale) })}</p>
    </div>
  );
}
