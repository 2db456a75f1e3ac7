"use client";
import { useLocale, useTranslations } from "next-intl";
import { ChartCard } from "@/components/charts/chart-card";
import { GapLegend } from "@/components/charts/gap-legend";
import { HeatGrid } from "@/components/charts/heat-grid";
import { LineSeries } from "@/components/charts/line-series";
import type { TMeasureView } from "@/lib/analytics/schemas";
import { localized } from "@/lib/i18n/localized";
import { SCORE_SCALE } from "@/lib/observations/scale";

type TProps = Pick<TMeasureView, "stageBySegment" | "segments">;

const NO_SEGMENT = "__none";

/** Where along the journey, and for whom, experience falls short: the stage × segment heat map and the emotion curve. */
export function StageSegment({ stageBySegment, segments }: TProps) {
  const t = useTranslations("measure.stageSegment");
  const tCol = useTranslations("measure.columns");
  const tLabels = useTranslations("measure.labels");
  const locale = useLocale();

  const stages = [...new Map(stageBySegment.map((c) => [c.stage.id, c.stage])).values()].sort(
    (a, b) => a.position - b.position,
  );
  const present = new Set(stageBySegment.map((c) => c.segmentId ?? NO_SEGMENT));
  const rows = [
    ...segments
      .filter((s) => present.has(s.id))
      .map((s) => ({ key: s.id, label: localized(s, "name", locale) })),
    ...(present.has(NO_SEGMENT) ? [{ key: NO_SEGMENT, label: tLabels("noSegment") }] : []),
  ];
  const cell = new Map(
    stageBySegment.map((c) => [`${c.segmentId ?? NO_SEGMENT}|${c.stage.id}`, c.measures]),
  );
  const columns = stages.map((s) => ({ key: s.id, label: localized(s, "name", locale) }));
  const rowLabel = new Map(rows.map((r) => [r.key, r.label]));

  const gapN = stageBySegment.reduce((sum, c) => sum + (c.measures.gap?.n ?? 0), 0);
  const emotionalN = stageBySegment.reduce((sum, c) => sum + (c.measures.emotional?.n ?? 0), 0);
  const ordered = stages.flatMap((stage) =>
    rows.flatMap((row) => {
      const m = cell.get(`${row.key}|${stage.id}`);
      return m ? [{ stage, row, m }] : [];
    }),
  );

  const heatTable = {
    columns: [
      { label: tCol("stage") },
      { label: tCol("segment") },
      { label: tCol("meanGap"), format: "signed" as const },
      { label: tCol("ciLow"), format: "signed" as const },
      { label: tCol("ciHigh"), format: "signed" as const },
      { label: tCol("nGap"), format: "integer" as const },
    ],
    rows: ordered
      .filter(({ m }) => m.gap)
      .map(({ stage, row, m }) => [
        localized(stage, "name", locale),
        row.label,
        m.gap!.mean,
        m.gap!.interval?.low ?? null,
        m.gap!.interval?.high ?? null,
        m.gap!.n,
      ]),
  };
  const curveTable = {
    columns: [
      { label: tCol("stage") },
      { label: tCol("segment") },
      { label: tCol("emotional"), format: "number" as const },
      { label: tCol("ciLow"), format: "number" as const },
      { label: tCol("ciHigh"), format: "number" as const },
      { label: tCol("nEmotional"), format: "integer" as const },
    ],
    rows: ordered
      .filter(({ m }) => m.emotional)
      .map(({ stage, row, m }) => [
        localized(stage, "name", locale),
        row.label,
        m.emotional!.mean,
        m.emotional!.interval?.low ?? null,
        m.emotional!.interval?.high ?? null,
        m.emotional!.n,
      ]),
  };

  return (
    <div className="grid gap-4">
      <ChartCard
        title={t("heatTitle")}
        description={t("heatDescription")}
        n={gapN}
        table={heatTable}
        csvSlug="gap-stage-segment"
        testId="heat-map"
        footer={<GapLegend />}
      >
        <HeatGrid
          rowHeader={tCol("segment")}
          rows={rows}
          columns={columns}
          values={rows.map((row) =>
            stages.map((stage) => cell.get(`${row.key}|${stage.id}`)?.gap ?? null),
          )}
        />
      </ChartCard>
      <ChartCard
        title={t("curveTitle")}
        description={t("curveDescription")}
        n={emotionalN}
        table={curveTable}
        csvSlug="emotion-curve"
        testId="emotion-curve"
      >
        <LineSeries
          ariaLabel={t("curveTitle")}
          xLabel={t("stageAxis")}
          yLabel={t("emotionalAxis")}
          yDomain={[SCORE_SCALE.min, SCORE_SCALE.max]}
          series={rows.map((r) => ({ key: r.key, label: rowLabel.get(r.key) ?? r.key }))}
          points={stages.map((stage) => ({
            x: localized(stage, "name", locale),
            values: Object.fromEntries(
              rows.map((row) => [
                row.key,
                cell.get(`${row.key}|${stage.id}`)?.emotional?.mean ?? null,
              ]),
            ),
          }))}
        />
      </ChartCard>
    </div>
  );
}
