"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { useMessage } from "@/components/ui/use-message";
import type { TActionResult } from "@/lib/action-result";
import {
  draftFromGuess,
  draftFromMapping,
  emptyDraft,
  isDraftComplete,
  mappingFromDraft,
  type TMappingDraft,
} from "@/lib/imports/draft";
import type {
  TImportChoices,
  TImportFailure,
  TImportOutcome,
  TImportPreview,
  TSavedMapping,
} from "@/lib/imports/schemas";
import { MappingForm } from "./mapping-form";
import { PreviewTable } from "./preview-table";
import { RowErrors } from "./row-errors";
import { postPreview, postRun } from "./upload";

type TProps = {
  mappings: TSavedMapping[];
  choices: TImportChoices;
  saveMapping: (input: unknown) => Promise<TActionResult<{ id: string }>>;
  deleteMapping: (input: unknown) => Promise<TActionResult<void>>;
};

const keyOf = (draft: TMappingDraft) => JSON.stringify(mappingFromDraft(draft));

/** Upload → map columns → preview → import with progress → result, on one page. */
export function ImportWizard({ mappings, choices, saveMapping, deleteMapping }: TProps) {
  const t = useTranslations("imports");
  const tAll = useTranslations();
  const message = useMessage();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0); // a new key empties the file input
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  const [previewKey, setPreviewKey] = useState<string | null>(null);
  const [draft, setDraft] = useState<TMappingDraft>(() => emptyDraft());
  const [mappingName, setMappingName] = useState("");
  const [suggestedName, setSuggestedName] = useState<string | null>(null);
  const [validRowsOnly, setValidRowsOnly] = useState(false);
  const [busy, setBusy] = useState<"reading" | "previewing" | "running" | null>(null);
  const [processed, setProcessed] = useState(0);
  const [outcome, setOutcome] = useState<TImportOutcome | null>(null);
  const [failure, setFailure] = useState<TImportFailure | null>(null);
  const save = useActionForm(saveMapping, { onSuccess: () => router.refresh() });
  const remove = useActionForm(deleteMapping, { onSuccess: () => router.refresh() });

  const savedMapping = mappings.find((m) => m.name === mappingName);
  const isComplete = isDraftComplete(draft);
  const isPreviewCurrent = preview !== null && previewKey === keyOf(draft);
  const describeFailure = (f: TImportFailure) =>
    tAll.has(f.error)
      ? tAll(f.error, {
          columns: (f.fieldErrors.columns ?? []).join(", "),
          limit: (f.fieldErrors.limit ?? []).join(""),
        })
      : f.error;
  const mappingErrors = Object.fromEntries(
    Object.entries(failure?.fieldErrors ?? {}).map(([field, keys]) => [field, keys.map(message)]),
  );

  async function readFile(chosen: File | null) {
    setFile(chosen);
    setPreview(null);
    setOutcome(null);
    setFailure(null);
    setSuggestedName(null);
    if (!chosen) return;
    setBusy("reading");
    const answer = await postPreview(chosen, null);
    setBusy(null);
    if (!answer.ok) return setFailure(answer);
    const found = answer.data;
    const suggested = mappings.find((m) => m.id === found.suggestedMappingId);
    const next = found.mapping
      ? draftFromMapping(found.mapping)
      : draftFromGuess(found.guessedColumns, {
          ...emptyDraft(-new Date().getTimezoneOffset()),
          journeyId: choices.journeys.length === 1 ? choices.journeys[0]!.id : "",
        });
    setDraft(next);
    setPreview(found);
    setPreviewKey(found.mapping ? keyOf(next) : null);
    if (suggested) {
      setSuggestedName(suggested.name);
      setMappingName(suggested.name);
    }
  }

  async function runPreview() {
    if (!file) return;
    setBusy("previewing");
    setFailure(null);
    setOutcome(null);
    const answer = await postPreview(file, mappingFromDraft(draft));
    setBusy(null);
    if (!answer.ok) return setFailure(answer);
    setPreview(answer.data);
    setPreviewKey(keyOf(draft));
  }

  async function runImport() {
    if (!file) return;
    setBusy("running");
    setProcessed(0);
    setFailure(null);
    const answer = await postRun(
      file,
      { mapping: mappingFromDraft(draft), validRowsOnly },
      setProcessed,
    );
    setBusy(null);
    if (!answer.ok) return setFailure(answer);
    setOutcome(answer.data);
    router.refresh();
  }

  const total = preview?.counts.rows ?? 0;
  return (
    <div className="flex flex-col gap-6" data-testid="import-wizard">
      <section className="rounded-lg border border-neutral-200 bg-white p-4">
        <h2 className="mb-3 font-semibold">{t("steps.file")}</h2>
        <Field label={t("file.label")} hint={t("file.hint")}>
          {(ids) => (
            <TextInput
              key={inputKey}
              id={ids.id}
              type="file"
              accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className="py-2 text-sm"
              aria-describedby={ids.describedBy}
              disabled={busy !== null}
              onChange={(e) => void readFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        {busy === "reading" && <p className="mt-2 text-sm text-neutral-600">{t("file.reading")}</p>}
        {preview && (
          <p className="mt-2 text-xs text-neutral-600">
            {t("file.summary", {
              format: preview.format.toUpperCase(),
              count: preview.headers.length,
            })}
          </p>
        )}
      </section>

      {failure && <Notice tone="error">{describeFailure(failure)}</Notice>}

      {preview && (
        <section className="rounded-lg border border-neutral-200 bg-white p-4">
          <h2 className="mb-3 font-semibold">{t("steps.mapping")}</h2>
          {suggestedName && (
            <div className="mb-3">
              <Notice tone="success">{t("mapping.suggested", { name: suggestedName })}</Notice>
            </div>
          )}
          {mappings.length > 0 && (
            <div className="mb-4 max-w-sm">
              <Field label={t("mapping.saved")}>
                {(ids) => (
                  <Select
                    id={ids.id}
                    value={savedMapping?.id ?? ""}
                    onChange={(e) => {
                      const chosen = mappings.find((m) => m.id === e.target.value);
                      if (chosen) setDraft(draftFromMapping(chosen.mapping));
                      setMappingName(chosen?.name ?? "");
                    }}
                  >
                    <option value="">{t("mapping.savedNone")}</option>
                    {mappings.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.name}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            </div>
          )}
          <MappingForm
            headers={preview.headers}
            draft={draft}
            onChange={setDraft}
            choices={choices}
            fieldErrors={mappingErrors}
          />
          <div className="mt-5 flex flex-wrap items-end gap-3 border-t border-neutral-100 pt-4">
            <div className="w-64">
              <Field
                label={t("mapping.saveName")}
                hint={t("mapping.saveNameHint")}
                errors={save.errorsOf("name")}
              >
                {(ids) => (
                  <TextInput
                    id={ids.id}
                    value={mappingName}
                    maxLength={100}
                    onChange={(e) => setMappingName(e.target.value)}
                    aria-describedby={ids.describedBy}
                    aria-invalid={ids.invalid}
                  />
                )}
              </Field>
            </div>
            <Button
              type="button"
              variant="secondary"
              disabled={!isComplete || mappingName.trim() === "" || save.isPending}
              onClick={() => save.submit({ name: mappingName, mapping: mappingFromDraft(draft) })}
            >
              {t("mapping.save")}
            </Button>
            {savedMapping && (
              <Button
                type="button"
                variant="ghost"
                disabled={remove.isPending}
                onClick={() =>
                  window.confirm(t("mapping.confirmDelete", { name: savedMapping.name })) &&
                  remove.submit({ mappingId: savedMapping.id })
                }
              >
                {t("mapping.delete")}
              </Button>
            )}
            <Button
              type="button"
              className="ml-auto"
              disabled={!isComplete || busy !== null}
              onClick={() => void runPreview()}
            >
              {busy === "previewing" ? t("preview.running") : t("preview.button")}
            </Button>
          </div>
          {save.error && <Notice tone="error">{save.error}</Notice>}
          {save.isSuccess && <Notice tone="success">{t("mapping.savedNotice")}</Notice>}
          {!isComplete && (
            <p className="mt-2 text-xs text-neutral-600">{t("mapping.incomplete")}</p>
          )}
        </section>
      )}

      {preview && isPreviewCurrent && !outcome && (
        <section
          className="flex flex-col gap-4 rounded-lg border border-neutral-200 bg-white p-4"
          data-testid="import-preview"
        >
          <h2 className="font-semibold">{t("steps.preview")}</h2>
          <p className="text-sm font-medium" data-testid="preview-counts">
            {t("preview.counts", preview.counts)}
          </p>
          <PreviewTable rows={preview.rows} />
          <RowErrors errors={preview.errors} total={preview.counts.invalid} />

          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-semibold">{t("mode.legend")}</legend>
            {([false, true] as const).map((value) => (
              <label key={String(value)} className="flex items-start gap-2 text-sm">
                <input
                  type="radio"
                  name="mode"
                  className="mt-1"
                  checked={validRowsOnly === value}
                  onChange={() => setValidRowsOnly(value)}
                />
                <span>
                  <span className="font-medium">
                    {value ? t("mode.validOnly") : t("mode.allOrNothing")}
                  </span>
                  <span className="block text-xs text-neutral-600">
                    {value ? t("mode.validOnlyHint") : t("mode.allOrNothingHint")}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <div>
            <Button
              type="button"
              disabled={busy !== null}
              onClick={() => void runImport()}
              data-testid="run-import"
            >
              {t("run.button")}
            </Button>
          </div>
          {busy === "running" && <ImportProgress processed={processed} total={total} />}
        </section>
      )}

      {outcome && (
        <ImportResult
          outcome={outcome}
          onAgain={() => {
            setInputKey((k) => k + 1);
            void readFile(null);
          }}
        />
      )}
    </div>
  );
}

function ImportProgress({ processed, total }: { processed: number; total: number }) {
  const t = useTranslations("imports");
  const percent = total > 0 ? Math.min(100, Math.round((processed / total) * 100)) : 0;
  return (
    <div className="flex flex-col gap-1" data-testid="import-progress">
      <div
        role="progressbar"
        aria-label={t("run.progressLabel")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 w-full overflow-hidden rounded bg-neutral-200"
      >
        <div className="h-full bg-accent transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-neutral-600 tabular-nums">
        {t("run.running", { processed, total })}
      </p>
    </div>
  );
}

function ImportResult({ outcome, onAgain }: { outcome: TImportOutcome; onAgain: () => void }) {
  const t = useTranslations("imports");
  const { counts } = outcome;
  return (
    <section
      className="flex flex-col gap-3"
      data-testid="import-result"
      data-status={outcome.status}
    >
      {outcome.status === "COMPLETED" ? (
        <Notice tone="success">{t("result.completed", counts)}</Notice>
      ) : (
        <Notice tone="error">{t("result.failed", counts)}</Notice>
      )}
      {outcome.followUpsOpened > 0 && (
        <p className="text-sm text-neutral-700">
          {t("result.followUps", { count: outcome.followUpsOpened })}
        </p>
      )}
      {outcome.followUpsSkippedAsOld > 0 && (
        <p className="text-sm text-neutral-700" data-testid="import-follow-ups-skipped">
          {t("result.followUpsSkippedAsOld", { count: outcome.followUpsSkippedAsOld })}
        </p>
      )}
      <RowErrors errors={outcome.errors} total={counts.invalid} />
      <div>
        <Button type="button" variant="secondary" onClick={onAgain}>
          {t("result.again")}
        </Button>
      </div>
    </section>
  );
}
