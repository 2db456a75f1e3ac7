"use client";
import { useLocale, useTranslations } from "next-intl";
import {
  CartesianGrid,
  Label,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatNumber, formatSigned } from "@/lib/format/numbers";
import type { TQuadrant } from "@/lib/analytics/schemas";
import { AXIS_LABEL, AXIS_TICK, CHART_COLORS } from "./chart-theme";

type TQuadrantPoint = {
  id: string;
  label: string;
  importance: number;
  performance: number;
  quadrant: TQuadrant;
  isMoT: boolean;
};

type TProps = {
  points: TQuadrantPoint[];
  cuts: { importance: number; performance: number };
  /** Performance axis bounds, whole numbers (the mean gap's range). */
  performanceDomain: [number, number];
};

// Only the quadrant that asks for action is coloured; the others stay neutral.
const QUADRANT_FILL: Record<TQuadrant, string> = {
  CONCENTRATE_HERE: CHART_COLORS.below,
  KEEP_UP_THE_GOOD_WORK: CHART_COLORS.ink,
  LOW_PRIORITY: CHART_COLORS.neutral,
  POSSIBLE_OVERKILL: CHART_COLORS.neutral,
};

/**
 * Importance–performance analysis (Martilla & James): performance across, importance up, the
 * cuts as reference lines, each quadrant named in its corner. MOTs are drawn as diamonds.
 */
export function QuadrantScatter({ points, cuts, performanceDomain }: TProps) {
  const t = useTranslations("measure");
  const locale = useLocale();
  const corner = { fontSize: 11, fontWeight: 600, fill: "#868e96" };
  return (
    <div className="h-96" role="img" aria-label={t("ipa.ariaLabel")}>
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 16, right: 16, bottom: 28, left: 8 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} />
          <XAxis
            type="number"
            dataKey="performance"
            domain={performanceDomain}
            ticks={Array.from(
              { length: performanceDomain[1] - performanceDomain[0] + 1 },
              (_, i) => performanceDomain[0] + i,
            )}
            tick={AXIS_TICK}
            tickFormatter={(v: number) => formatSigned(v, locale, 0)}
            label={{
              value: t("ipa.performanceAxis"),
              position: "insideBottom",
              offset: -16,
              style: AXIS_LABEL,
            }}
          />
          <YAxis
            type="number"
            dataKey="importance"
            domain={[0, 1]}
            ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
            tick={AXIS_TICK}
            width={44}
            tickFormatter={(v: number) => formatNumber(v, locale, 1)}
            label={{
              value: t("ipa.importanceAxis"),
              angle: -90,
              position: "insideLeft",
              offset: 4,
              style: { ...AXIS_LABEL, textAnchor: "middle" },
            }}
          />
          <ReferenceLine x={cuts.performance} stroke={CHART_COLORS.ink} strokeDasharray="4 3">
            <Label
              value={t("ipa.cutPerformance", { value: formatSigned(cuts.performance, locale, 2) })}
              position="insideBottomRight"
              style={AXIS_LABEL}
            />
          </ReferenceLine>
          <ReferenceLine y={cuts.importance} stroke={CHART_COLORS.ink} strokeDasharray="4 3">
            <Label
              value={t("ipa.cutImportance", { value: formatNumber(cuts.importance, locale, 2) })}
              position="insideTopLeft"
              style={AXIS_LABEL}
            />
          </ReferenceLine>
          {/* Quadrant names sit in the corners of the plot area (importance up, performance across). */}
          <ReferenceLine y={1} stroke="none">
            <Label
              value={t("quadrants.CONCENTRATE_HERE")}
              position="insideTopLeft"
              style={{ ...corner, fill: CHART_COLORS.below }}
            />
            <Label
              value={t("quadrants.KEEP_UP_THE_GOOD_WORK")}
              position="insideTopRight"
              style={corner}
            />
          </ReferenceLine>
          <ReferenceLine y={0} stroke="none">
            <Label value={t("quadrants.LOW_PRIORITY")} position="insideBottomLeft" style={corner} />
            <Label
              value={t("quadrants.POSSIBLE_OVERKILL")}
              position="insideBottomRight"
              style={corner}
            />
          </ReferenceLine>
          <Tooltip content={<PointTooltip />} cursor={{ strokeDasharray: "3 3" }} />
          <Scatter
            data={points.filter((p) => !p.isMoT)}
            isAnimationActive={false}
            shape={(props: TShapeProps) => <Dot {...props} />}
          />
          <Scatter
            data={points.filter((p) => p.isMoT)}
            isAnimationActive={false}
            shape={(props: TShapeProps) => <Dot {...props} isMoT />}
          />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}

type TShapeProps = { cx?: number; cy?: number; payload?: TQuadrantPoint };

function Dot({ cx = 0, cy = 0, payload, isMoT }: TShapeProps & { isMoT?: boolean }) {
  const fill = payload ? QUADRANT_FILL[payload.quadrant] : CHART_COLORS.neutral;
  if (isMoT)
    return (
      <path
        d={`M${cx},${cy - 7} L${cx + 7},${cy} L${cx},${cy + 7} L${cx - 7},${cy} Z`}
        fill={fill}
        stroke={CHART_COLORS.mot}
        strokeWidth={2}
      />
    );
  return <circle cx={cx} cy={cy} r={5} fill={fill} fillOpacity={0.85} stroke="#fff" />;
}

function PointTooltip({
  active,
  payload,
}: {
  active?: boolean;
  payload?: { payload: TQuadrantPoint }[];
}) {
  const t = useTranslations("measure");
  const locale = useLocale();
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  return (
    <div className="rounded-md border border-neutral-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-medium text-neutral-900">{p.label}</p>
      <p className="tabular-nums text-neutral-700">
        {t("ipa.point", {
          importance: formatNumber(p.importance, locale, 2),
          performance: formatSigned(p.performance, locale, 2),
        })}
      </p>
      <p className="text-neutral-500">{t(`quadrants.${p.quadrant}`)}</p>
    </div>
  );
}
