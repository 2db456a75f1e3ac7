"use client";
import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { AXIS_TICK, CHART_COLORS } from "./chart-theme";

type TParetoDatum = {
  label: string;
  count: number;
  cumulativeShare: number;
  isVitalFew: boolean;
};

type TProps = { data: TParetoDatum[]; countLabel: string; cumulativeLabel: string };

/** Bars by count, most frequent first, and the running share as a line: the vital few stand out. */
export function ParetoChart({ data, countLabel, cumulativeLabel }: TProps) {
  const rows = data.map((d) => ({
    ...d,
    cumulativePercent: Math.round(d.cumulativeShare * 1000) / 10,
  }));
  return (
    <div className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis
            dataKey="label"
            tick={AXIS_TICK}
            interval={0}
            tickFormatter={(label: string) =>
              label.length > 14 ? `${label.slice(0, 13)}…` : label
            }
          />
          <YAxis
            yAxisId="count"
            tick={AXIS_TICK}
            allowDecimals={false}
            label={{ value: countLabel, angle: -90, position: "insideLeft", fontSize: 11 }}
          />
          <YAxis
            yAxisId="share"
            orientation="right"
            domain={[0, 100]}
            tick={AXIS_TICK}
            unit="%"
            label={{ value: cumulativeLabel, angle: 90, position: "insideRight", fontSize: 11 }}
          />
          <Tooltip />
          <Bar yAxisId="count" dataKey="count" name={countLabel} radius={[3, 3, 0, 0]}>
            {rows.map((row) => (
              // The vital few in the warm colour, the rest muted.
              <Cell
                key={row.label}
                fill={row.isVitalFew ? CHART_COLORS.below : CHART_COLORS.neutral}
              />
            ))}
          </Bar>
          <Line
            yAxisId="share"
            dataKey="cumulativePercent"
            name={cumulativeLabel}
            stroke={CHART_COLORS.ink}
            strokeWidth={2}
            dot={{ r: 3 }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
