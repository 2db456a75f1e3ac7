"use client";
import { useFormatter, useTranslations } from "next-intl";
import { SCORE_FIELDS, type TPreviewRow } from "@/lib/imports/schemas";

/** The first rows of the file as they will be stored: names resolved, dates read, scores checked. */
export function PreviewTable({ rows }: { rows: TPreviewRow[] }) {
  const t = useTranslations("imports");
  const tSource = useTranslations("observationSources");
  const format = useFormatter();
  if (rows.length === 0) return <p className="text-sm text-neutral-600">{t("preview.none")}</p>;
  const columns = [
    "touchpoint",
    "driver",
    "segment",
    "site",
    "source",
    "observedAt",
    ...SCORE_FIELDS,
    "comment",
  ] as const;
  return (
    <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
      <table className="min-w-full text-left text-xs" data-testid="preview-table">
        <thead className="bg-neutral-50 text-neutral-600">
          <tr>
            <th scope="col" className="px-2 py-2 font-medium">
              {t("preview.line")}
            </th>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-2 py-2 font-medium whitespace-nowrap">
                {t(`fields.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} className="border-t border-neutral-100">
              <td className="px-2 py-1.5 text-neutral-500 tabular-nums">{row.line}</td>
              <td className="px-2 py-1.5">{row.touchpoint}</td>
              <td className="px-2 py-1.5">{row.driver}</td>
              <td className="px-2 py-1.5">{row.segment}</td>
              <td className="px-2 py-1.5">{row.site}</td>
              <td className="px-2 py-1.5">{tSource(row.source)}</td>
              <td className="px-2 py-1.5 whitespace-nowrap tabular-nums">
                {format.dateTime(new Date(row.observedAt), {
                  dateStyle: "medium",
                  timeStyle: "short",
                })}
              </td>
              {SCORE_FIELDS.map((field) => (
                <td key={field} className="px-2 py-1.5 text-right tabular-nums">
                  {row.scores[field] ?? ""}
                </td>
              ))}
              <td className="max-w-xs truncate px-2 py-1.5" title={row.comment}>
                {row.comment}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
