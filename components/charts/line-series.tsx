"use client";
import { useLocale } from "next-intl";
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatNumber } from "@/lib/format/numbers";
import { AXIS_LABEL, AXIS_TICK, CHART_COLORS, SERIES_COLORS } from "./chart-theme";

type TSeries = { key: string; label: string; isEmphasized?: boolean };
/** One point on the x axis: its label, each series' value there (null = no data, the line breaks) and an optional interval. */
type TLinePoint = {
  x: string;
  values: Record<string, number | null>;
  band?: [number, number] | null;
};

type TProps = {
  points: TLinePoint[];
  series: TSeries[];
  xLabel: string;
  yLabel: string;
  yDomain?: [number, number];
  /** A horizontal reference (0 for a gap). */
  referenceY?: number;
  ariaLabel: string;
  /** Name of the shaded interval drawn from the points' `band` (e.g. "95% CI"). */
  bandLabel?: string;
};

/** Lines over ordered categories (stages, weeks): the emotion curve, a weekly trend. */
export function LineSeries({
  points,
  series,
  xLabel,
  yLabel,
  yDomain,
  referenceY,
  ariaLabel,
  bandLabel,
}: TProps) {
  const locale = useLocale();
  const data = points.map((p) => ({ x: p.x, ...p.values, band: p.band ?? null }));
  const format = (v: unknown) =>
    typeof v === "number"
      ? formatNumber(v, locale, 2)
      : Array.isArray(v)
        ? v.map((x) => formatNumber(Number(x), locale, 2)).join(" – ")
        : String(v);
  return (
    <div className="h-72" role="img" aria-label={ariaLabel}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis
            dataKey="x"
            tick={AXIS_TICK}
            interval="preserveStartEnd"
            label={{ value: xLabel, position: "insideBottom", offset: -14, style: AXIS_LABEL }}
          />
          <YAxis
            domain={yDomain ?? ["auto", "auto"]}
            tick={AXIS_TICK}
            width={44}
            tickFormatter={(v: number) => formatNumber(v, locale, 1)}
            label={{
              value: yLabel,
              angle: -90,
              position: "insideLeft",
              offset: 4,
              style: { ...AXIS_LABEL, textAnchor: "middle" },
            }}
          />
          {referenceY !== undefined && (
            <ReferenceLine y={referenceY} stroke={CHART_COLORS.ink} strokeDasharray="3 3" />
          )}
          <Tooltip formatter={format} contentStyle={{ fontSize: 12 }} />
          {(series.length > 1 || bandLabel) && (
            <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
          )}
          {bandLabel && (
            <Area
              dataKey="band"
              name={bandLabel}
              type="monotone"
              stroke="none"
              fill={CHART_COLORS.neutral}
              fillOpacity={0.3}
              isAnimationActive={false}
              connectNulls={false}
            />
          )}
          {series.map((s, i) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              type="monotone"
              connectNulls={false}
              isAnimationActive={false}
              stroke={s.isEmphasized ? CHART_COLORS.ink : SERIES_COLORS[i % SERIES_COLORS.length]}
              strokeWidth={s.isEmphasized ? 2.5 : 1.5}
              strokeDasharray={s.isEmphasized ? "5 3" : undefined}
              dot={{ r: 3 }}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
