"use client";
import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useMessage } from "@/components/ui/use-message";
import { errorReportCsv } from "@/lib/imports/error-report";
import type { TRowError } from "@/lib/imports/schemas";

/** The bad rows — line, field, reason, value — and the same list as a CSV to fix the file with. */
export function RowErrors({ errors, total }: { errors: TRowError[]; total: number }) {
  const t = useTranslations("imports");
  const message = useMessage();
  if (errors.length === 0) return null;
  const describe = (error: TRowError) => ({
    field: error.field ? t(`fields.${error.field}` as "fields.file") : "",
    reason: message(error.message),
  });

  function download() {
    const csv = errorReportCsv(
      errors,
      {
        line: t("report.line"),
        field: t("report.field"),
        reason: t("report.reason"),
        value: t("report.value"),
      },
      describe,
    );
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = t("report.fileName");
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section className="rounded-lg border border-red-200 bg-white p-4" data-testid="row-errors">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-red-800">{t("preview.errorsHeading")}</h3>
        <Button variant="secondary" className="min-h-8" onClick={download}>
          <Download aria-hidden className="size-4" />
          {t("result.download")}
        </Button>
      </div>
      {total > errors.length && (
        <p className="mb-2 text-xs text-neutral-600">
          {t("result.shown", { shown: errors.length, total })}
        </p>
      )}
      <ul className="max-h-72 overflow-y-auto text-sm">
        {errors.map((error, index) => {
          const { field, reason } = describe(error);
          return (
            <li key={index} className="border-t border-neutral-100 py-1" data-testid="row-error">
              <span className="font-medium tabular-nums">{`${t("preview.line")} ${error.line}`}</span>
              {field && <span className="ml-2 text-neutral-600">{field}</span>}
              <span className="ml-2">{reason}</span>
              {error.value && (
                <code className="ml-2 rounded bg-neutral-100 px-1 text-xs">{error.value}</code>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
