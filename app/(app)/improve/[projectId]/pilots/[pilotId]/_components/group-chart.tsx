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
import { ChartCard } from "@/components/charts/chart-card";
import { AXIS_LABEL, AXIS_TICK, CHART_COLORS } from "@/components/charts/chart-theme";
import { errorOffsets } from "@/components/charts/error-offsets";
import { formatNumber } from "@/lib/format/numbers";
import type { TPilotDetail, TPilotMetric } from "@/lib/pilots/schemas";
import { SCORE_SCALE } from "@/lib/observations/scale";
import { usePilotFormat } from "../../../../_components/use-pilot-format";

/** The y axis of each metric: the 1–7 scale, CSAT 0–100 %, NPS −100…100. */
const DOMAINS: Record<TPilotMetric, [number, number]> = {
  MEAN_EXPERIENCE: [SCORE_SCALE.min, SCORE_SCALE.max],
  CSAT: [0, 100],
  NPS: [-100, 100],
};

type TDatum = {
  label: string;
  value: number;
  error: [number, number];
  n: number;
  isPilot: boolean;
};

/** The two groups' figures with their 95 % intervals, as bars with whiskers, a table view and CSV. */
export function GroupChart({ pilot }: { pilot: TPilotDetail }) {
  const t = useTranslations("improve.result");
  const tImprove = useTranslations("improve");
  const locale = useLocale();
  const format = usePilotFormat();
  const { outcome, metric } = pilot;
  const comparisonLabel =
    pilot.design === "BEFORE_AFTER" ? t("groups.before") : t("groups.control");
  const groups = [
    { label: t("groups.pilot"), figure: outcome.pilot, isPilot: true },
    { label: comparisonLabel, figure: outcome.control, isPilot: false },
  ];
  const data: TDatum[] = groups.flatMap(({ label, figure, isPilot }) =>
    figure.value === null
      ? []
      : [
          {
            label,
            value: figure.value,
            error: errorOffsets(figure.value, figure.interval),
            n: figure.n,
            isPilot,
          },
        ],
  );
  const digits = format.digits(metric);
  const siteRows = pilot.bySite.map(({ site, figure }) => [
    t("siteRow", {
      site: site.name,
      group: site.group === "PILOT" ? t("groups.pilot") : t("groups.control"),
    }),
    figure.n,
    figure.value,
    figure.interval?.low ?? null,
    figure.interval?.high ?? null,
  ]);
  const table = {
    columns: [
      { label: t("table.group") },
      { label: t("table.n"), format: "integer" as const },
      {
        label: t("table.value", { metric: tImprove(`metrics.${metric}`) }),
        format: "number" as const,
        digits,
      },
      { label: t("table.low"), format: "number" as const, digits },
      { label: t("table.high"), format: "number" as const, digits },
    ],
    rows: [
      ...groups.map(({ label, figure }) => [
        label,
        figure.n,
        figure.value,
        figure.interval?.low ?? null,
        figure.interval?.high ?? null,
      ]),
      ...(pilot.design === "CONTROL_SITES" ? siteRows : []),
    ],
  };
  return (
    <ChartCard
      title={t("chartTitle")}
      description={t("chartDescription", { metric: tImprove(`metrics.${metric}`) })}
      n={outcome.pilot.n + outcome.control.n}
      table={table}
      csvSlug={`pilot-${pilot.id}`}
      testId="pilot-chart"
    >
      <div
        className="h-64"
        role="img"
        aria-label={t("chartLabel", {
          pilot: format.value(metric, outcome.pilot.value),
          control: format.value(metric, outcome.control.value),
        })}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
            <XAxis dataKey="label" tick={AXIS_TICK} />
            <YAxis
              domain={DOMAINS[metric]}
              tick={AXIS_TICK}
              width={48}
              tickFormatter={(v: number) =>
                formatNumber(v, locale, metric === "MEAN_EXPERIENCE" ? 1 : 0)
              }
              label={{
                value: tImprove(`units.axis.${metric}`),
                angle: -90,
                position: "insideLeft",
                style: { ...AXIS_LABEL, textAnchor: "middle" },
              }}
            />
            {metric === "NPS" && <ReferenceLine y={0} stroke={CHART_COLORS.ink} />}
            <Tooltip
              formatter={(v: unknown) =>
                typeof v === "number" ? format.number(metric, v) : String(v)
              }
              contentStyle={{ fontSize: 12 }}
              cursor={{ fill: "#f1f3f5" }}
            />
            <Bar
              dataKey="value"
              name={tImprove(`metrics.${metric}`)}
              isAnimationActive={false}
              barSize={56}
            >
              {data.map((d) => (
                <Cell key={d.label} fill={d.isPilot ? CHART_COLORS.accent : CHART_COLORS.neutral} />
              ))}
              <ErrorBar dataKey="error" width={10} stroke={CHART_COLORS.ink} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}
