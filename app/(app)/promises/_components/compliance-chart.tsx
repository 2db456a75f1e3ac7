"use client";
import { useLocale, useTranslations } from "next-intl";
import { ChartCard } from "@/components/charts/chart-card";
import { LineSeries } from "@/components/charts/line-series";
import { formatMonth } from "@/lib/format/months";
import type { TComplianceSeries } from "@/lib/promises/schemas";

type TProps = {
  title: string;
  description: string;
  /** What a series is (a promise, a site), for the table and the chart's label. */
  seriesLabel: string;
  series: (TComplianceSeries & { label: string })[];
  months: string[];
  csvSlug: string;
  testId: string;
};

const percent = (share: number) => Math.round(share * 1000) / 10;

/** Compliance per month, one line per promise or site; months without audits are gaps. */
export function ComplianceChart({
  title,
  description,
  seriesLabel,
  series,
  months,
  csvSlug,
  testId,
}: TProps) {
  const t = useTranslations("promises.compliance");
  const locale = useLocale();
  const points = months.map((month) => ({
    x: formatMonth(month, locale),
    values: Object.fromEntries(
      series.map((s, i) => [
        `s${i}`,
        ((m) => (m ? percent(m.rate) : null))(s.months.find((m) => m.month === month)),
      ]),
    ),
  }));
  if (series.every((s) => s.months.length === 0)) {
    return (
      <section
        className="rounded-lg border border-neutral-200 bg-white px-4 py-3"
        data-testid={testId}
      >
        <h3 className="text-sm font-semibold text-neutral-900">{title}</h3>
        <p className="mt-0.5 text-xs text-neutral-600">{description}</p>
        <p className="py-8 text-center text-sm text-neutral-600">{t("empty")}</p>
      </section>
    );
  }
  const rows = series.flatMap((s) =>
    s.months.map((m) => [
      formatMonth(m.month, locale),
      s.label,
      m.audits,
      m.passed,
      percent(m.rate),
      m.interval ? percent(m.interval.low) : null,
      m.interval ? percent(m.interval.high) : null,
    ]),
  );
  return (
    <ChartCard
      title={title}
      description={description}
      n={series.reduce((sum, s) => sum + (s.total?.audits ?? 0), 0)}
      csvSlug={csvSlug}
      testId={testId}
      table={{
        columns: [
          { label: t("month") },
          { label: seriesLabel },
          { label: t("audits"), format: "integer" },
          { label: t("passed"), format: "integer" },
          { label: t("rate"), format: "number", digits: 1 },
          { label: t("low"), format: "number", digits: 1 },
          { label: t("high"), format: "number", digits: 1 },
        ],
        rows,
      }}
      footer={<p>{t("note")}</p>}
    >
      <LineSeries
        points={points}
        series={series.map((s, i) => ({ key: `s${i}`, label: s.label }))}
        xLabel={t("xAxis")}
        yLabel={t("yAxis")}
        yDomain={[0, 100]}
        ariaLabel={t("ariaLabel", { of: seriesLabel })}
      />
    </ChartCard>
  );
}
