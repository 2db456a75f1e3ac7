"use client";
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from "recharts";
import { AXIS_TICK, CHART_COLORS } from "@/components/charts/chart-theme";

// Drawn at a fixed size and scaled to its column by the SVG's viewBox (print.css): a trend
// must fit a column on screen and on an A4 page alike, where a resize observer may not fire.
const WIDTH = 280;
const HEIGHT = 100;

type TProps = {
  points: { label: string; value: number | null }[];
  ariaLabel: string;
  domain: [number | string, number | string];
  referenceY?: number;
  format: (value: number) => string;
};

/** A small line of monthly values; a month without answers breaks the line. */
export function TrendSparkline({ points, ariaLabel, domain, referenceY, format }: TProps) {
  return (
    <div className="overview-sparkline" role="img" aria-label={ariaLabel}>
      <LineChart
        width={WIDTH}
        height={HEIGHT}
        data={points}
        margin={{ top: 6, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis dataKey="label" tick={AXIS_TICK} interval="preserveStartEnd" tickLine={false} />
        <YAxis domain={domain} tick={AXIS_TICK} width={36} tickFormatter={format} tickCount={3} />
        {referenceY !== undefined && (
          <ReferenceLine y={referenceY} stroke={CHART_COLORS.ink} strokeDasharray="3 3" />
        )}
        <Line
          dataKey="value"
          type="monotone"
          stroke={CHART_COLORS.accent}
          strokeWidth={2}
          dot={{ r: 2 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
