"use client";
import { useLocale, useTranslations } from "next-intl";
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { AXIS_LABEL, AXIS_TICK, CHART_COLORS } from "@/components/charts/chart-theme";
import { formatNumber } from "@/lib/format/numbers";
import type { TChartPoint } from "@/lib/control/schemas";

type TProps = { points: TChartPoint[]; yLabel: string; ariaLabel: string; digits: number };

type TFlag = "DOWN" | "UP" | "PATTERN" | null;

/** A point's mark: warm when a rule fires below the center, cool above, ringed for a pattern without a side. */
function flagOf(point: TChartPoint): TFlag {
  if (point.signals.some((s) => s.direction === "DOWN")) return "DOWN";
  if (point.signals.some((s) => s.direction === "UP")) return "UP";
  return point.signals.length ? "PATTERN" : null;
}

const FLAG_COLORS: Record<Exclude<TFlag, null>, string> = {
  DOWN: CHART_COLORS.below,
  UP: CHART_COLORS.above,
  PATTERN: CHART_COLORS.mot,
};

type TDotProps = {
  cx?: number;
  cy?: number;
  index?: number;
  payload?: { flag: TFlag; isBaseline: boolean };
};

function Dot({ cx, cy, payload }: TDotProps) {
  if (cx === undefined || cy === undefined || !payload) return null;
  const { flag, isBaseline } = payload;
  if (!flag)
    return (
      <circle cx={cx} cy={cy} r={2.5} fill={isBaseline ? CHART_COLORS.neutral : CHART_COLORS.ink} />
    );
  return (
    <circle
      cx={cx}
      cy={cy}
      r={5}
      fill={flag === "PATTERN" ? "white" : FLAG_COLORS[flag]}
      stroke={FLAG_COLORS[flag]}
      strokeWidth={2}
    />
  );
}

/** Values against the center line and the control limits; the baseline shaded, flagged points marked. */
export function ControlPlot({ points, yLabel, ariaLabel, digits }: TProps) {
  const t = useTranslations("control.charts");
  const locale = useLocale();
  const data = points.map((p) => ({
    x: p.date,
    value: p.value,
    center: p.center,
    upper: p.upper,
    lower: p.lower,
    flag: flagOf(p),
    isBaseline: p.isBaseline,
  }));
  const baseline = points.filter((p) => p.isBaseline);
  const format = (v: unknown) =>
    typeof v === "number" ? formatNumber(v, locale, digits) : String(v);
  return (
    <div className="h-72" role="img" aria-label={ariaLabel}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          {baseline.length > 0 && (
            <ReferenceArea
              x1={baseline[0]!.date}
              x2={baseline.at(-1)!.date}
              fill={CHART_COLORS.neutral}
              fillOpacity={0.15}
              label={{
                value: t("baselineBand"),
                position: "insideTopLeft",
                fontSize: 11,
                fill: CHART_COLORS.ink,
              }}
            />
          )}
          <XAxis
            dataKey="x"
            tick={AXIS_TICK}
            interval="preserveStartEnd"
            minTickGap={24}
            label={{ value: t("xAxis"), position: "insideBottom", offset: -14, style: AXIS_LABEL }}
          />
          <YAxis
            domain={["auto", "auto"]}
            tick={AXIS_TICK}
            width={48}
            tickFormatter={(v: number) => formatNumber(v, locale, 1)}
            label={{
              value: yLabel,
              angle: -90,
              position: "insideLeft",
              offset: 4,
              style: { ...AXIS_LABEL, textAnchor: "middle" },
            }}
          />
          <Tooltip formatter={format} contentStyle={{ fontSize: 12 }} />
          <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
          {/* Limits step with each point's n: a day with few answers gets wider limits. */}
          <Line
            dataKey="upper"
            name={t("upper")}
            type="stepAfter"
            stroke={CHART_COLORS.below}
            strokeDasharray="4 3"
            strokeWidth={1}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="center"
            name={t("center")}
            type="linear"
            stroke={CHART_COLORS.ink}
            strokeWidth={1}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="lower"
            name={t("lower")}
            type="stepAfter"
            stroke={CHART_COLORS.below}
            strokeDasharray="4 3"
            strokeWidth={1}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="value"
            name={t("value")}
            type="linear"
            stroke={CHART_COLORS.accent}
            strokeWidth={1.5}
            dot={(props: TDotProps) => <Dot key={props.index} {...props} />}
            activeDot={{ r: 5 }}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
