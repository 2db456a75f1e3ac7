"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatInteger, formatSigned } from "@/lib/format/numbers";
import { heatColor, heatTextIsLight } from "@/lib/analytics/gap-tone";
import type { TMean } from "@/lib/analytics/schemas";

type TAxis = { key: string; label: string }[];

type TProps = {
  rows: TAxis;
  columns: TAxis;
  /** values[row][column]: the mean gap of that cell, null when it has no observations. */
  values: (TMean | null)[][];
  rowHeader: string;
};

/**
 * A heat map as a real table (screen readers read it cell by cell): each cell's colour is its
 * mean gap — warm below expectation, cool above, grey when too few observations.
 */
export function HeatGrid({ rows, columns, values, rowHeader }: TProps) {
  const t = useTranslations("measure.chart");
  const locale = useLocale();
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-separate border-spacing-0.5 text-xs">
        <thead>
          <tr>
            <th
              scope="col"
              className="sticky left-0 z-10 bg-white px-2 py-1 text-left font-medium text-neutral-600"
            >
              {rowHeader}
            </th>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className="min-w-20 px-1 py-1 text-center align-bottom font-medium text-neutral-600"
              >
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.key}>
              <th
                scope="row"
                className="sticky left-0 z-10 max-w-40 truncate bg-white px-2 py-1 text-left font-medium text-neutral-800"
                title={row.label}
              >
                {row.label}
              </th>
              {columns.map((column, c) => {
                const gap = values[r]?.[c] ?? null;
                const label = gap
                  ? t("heatCell", {
                      row: row.label,
                      column: column.label,
                      gap: formatSigned(gap.mean, locale),
                      n: formatInteger(gap.n, locale),
                    })
                  : t("heatCellEmpty", { row: row.label, column: column.label });
                return (
                  <td
                    key={column.key}
                    aria-label={label}
                    title={label}
                    className={`h-11 rounded px-1 text-center tabular-nums ${heatTextIsLight(gap) ? "text-white" : "text-neutral-800"}`}
                    style={{ backgroundColor: heatColor(gap) }}
                  >
                    {gap ? (
                      <>
                        <span className="block font-semibold">
                          {formatSigned(gap.mean, locale, 1)}
                        </span>
                        <span className="block text-[10px] opacity-80">
                          {t("nShort", { n: formatInteger(gap.n, locale) })}
                        </span>
                      </>
                    ) : (
                      <span className="text-neutral-400">{t("noValue")}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
