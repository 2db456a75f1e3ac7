"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { useMessage } from "@/components/ui/use-message";
import type { TActionResult } from "@/lib/action-result";
import type { TImportResult } from "@/lib/journeys/schemas";
import { MAX_IMPORT_BYTES } from "@/lib/journeys/transfer/errors";

type TProps = { importJourney: (input: unknown) => Promise<TActionResult<TImportResult>> };

/** Imports a CSV or JSON export as a new journey; a bad file gets a row-by-row report and changes nothing. */
export function ImportJourneyForm({ importJourney }: TProps) {
  const t = useTranslations("journeys");
  const message = useMessage();
  const router = useRouter();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const form = useActionForm(importJourney, {
    toInput: (data) => ({
      format: file?.name.toLowerCase().endsWith(".json") ? "json" : "csv",
      content: file?.content ?? "",
      nameKo: data.get("nameKo"),
      nameEn: data.get("nameEn"),
    }),
    onSuccess: (result) => result.ok && router.push(`/journeys/${result.id}`),
  });
  const rowErrors = form.data && !form.data.ok ? form.data.errors : [];

  async function onFile(selected: File | undefined) {
    setFileError(null);
    setFile(null);
    if (!selected) return;
    if (selected.size > MAX_IMPORT_BYTES) return setFileError(message("transfer.tooLarge"));
    setFile({ name: selected.name, content: await selected.text() });
  }

  return (
    <form
      onSubmit={form.onSubmit}
      className="flex flex-col gap-3"
      noValidate
      data-testid="import-journey-form"
    >
      {(form.error || fileError) && <Notice tone="error">{fileError ?? form.error}</Notice>}
      {rowErrors.length > 0 && (
        <div
          role="alert"
          data-testid="import-report"
          className="rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-800"
        >
          <p className="font-medium">{t("importRefused", { count: rowErrors.length })}</p>
          <ul className="mt-1 max-h-60 list-disc overflow-y-auto pl-5 text-xs">
            {rowErrors.map((error, index) => (
              <li key={index}>
                {error.line !== null && t("importLine", { line: error.line })}{" "}
                {error.field && <code>{error.field}</code>} {message(error.code)}
                {error.value !== undefined && error.code.startsWith("transfer.") && (
                  <> ({error.value})</>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Field label={t("importFile")} errors={form.errorsOf("content")}>
        {({ id, describedBy }) => (
          <input
            id={id}
            type="file"
            accept=".csv,.json,text/csv,application/json"
            aria-describedby={describedBy}
            className="text-sm"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        )}
      </Field>
      <Field label={t("nameKo")} hint={t("importNameHint")} errors={form.errorsOf("nameKo")}>
        {({ id, describedBy, invalid }) => (
          <TextInput
            id={id}
            name="nameKo"
            lang="ko"
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field label={t("nameEn")} errors={form.errorsOf("nameEn")}>
        {({ id, describedBy, invalid }) => (
          <TextInput
            id={id}
            name="nameEn"
            lang="en"
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Button type="submit" disabled={form.isPending || !file}>
        {form.isPending ? t("importing") : t("importSubmit")}
      </Button>
    </form>
  );
}
