"use client";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";
import { localized } from "@/lib/i18n/localized";
import type { TSegment } from "@/lib/segments/schemas";

type TProps = {
  segments: TSegment[];
  canEdit: boolean;
  saveSegment: (input: unknown) => Promise<TActionResult<{ id: string }>>;
  deleteSegment: (input: unknown) => Promise<TActionResult<void>>;
};

export function SegmentList({ segments, canEdit, saveSegment, deleteSegment }: TProps) {
  const t = useTranslations("segments");
  const locale = useLocale();
  const [editingId, setEditingId] = useState<string | null>(null);
  const remove = useActionForm(deleteSegment);
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <section aria-label={t("title")}>
        {remove.error && <Notice tone="error">{remove.error}</Notice>}
        {segments.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <ul className="flex flex-col gap-2" data-testid="segment-list">
            {segments.map((segment) => (
              <li key={segment.id} className="rounded-lg border border-neutral-200 bg-white p-4">
                {editingId === segment.id ? (
                  <SegmentForm
                    segment={segment}
                    saveSegment={saveSegment}
                    onDone={() => setEditingId(null)}
                  />
                ) : (
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div>
                      <p className="font-medium">{localized(segment, "name", locale)}</p>
                      {segment.description && (
                        <p className="text-sm text-neutral-600">{segment.description}</p>
                      )}
                      <p className="mt-1 text-xs text-neutral-500">
                        {t("usage", {
                          expectations: segment.expectationCount,
                          observations: segment.observationCount,
                        })}
                      </p>
                    </div>
                    {canEdit && (
                      <span className="flex gap-2">
                        <Button
                          variant="secondary"
                          className="min-h-8"
                          onClick={() => setEditingId(segment.id)}
                        >
                          {t("edit")}
                        </Button>
                        <Button
                          variant="danger"
                          className="min-h-8"
                          disabled={remove.isPending}
                          onClick={() =>
                            window.confirm(
                              t("confirmDelete", { count: segment.expectationCount }),
                            ) && remove.submit({ segmentId: segment.id })
                          }
                        >
                          {t("delete")}
                        </Button>
                      </span>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {canEdit && (
        <aside className="rounded-lg border border-neutral-200 bg-white p-4">
          <h2 className="mb-3 font-medium">{t("new")}</h2>
          <SegmentForm saveSegment={saveSegment} />
        </aside>
      )}
    </div>
  );
}

type TFormProps = { segment?: TSegment; saveSegment: TProps["saveSegment"]; onDone?: () => void };

function SegmentForm({ segment, saveSegment, onDone }: TFormProps) {
  const t = useTranslations("segments");
  const tc = useTranslations("common");
  const form = useActionForm(saveSegment, {
    toInput: (data) => ({ ...Object.fromEntries(data), segmentId: segment?.id }),
    resetOnSuccess: !segment,
    onSuccess: () => onDone?.(),
  });
  return (
    <form
      onSubmit={form.onSubmit}
      className="flex flex-col gap-3"
      noValidate
      data-testid={segment ? "edit-segment-form" : "create-segment-form"}
    >
      {form.error && <Notice tone="error">{form.error}</Notice>}
      {form.isSuccess && !segment && <Notice tone="success">{t("created")}</Notice>}
      <Field label={t("nameKo")} errors={form.errorsOf("nameKo")}>
        {(ids) => (
          <TextInput
            id={ids.id}
            name="nameKo"
            lang="ko"
            defaultValue={segment?.nameKo}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid}
          />
        )}
      </Field>
      <Field label={t("nameEn")} errors={form.errorsOf("nameEn")}>
        {(ids) => (
          <TextInput
            id={ids.id}
            name="nameEn"
            lang="en"
            defaultValue={segment?.nameEn}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid}
          />
        )}
      </Field>
      <Field
        label={t("description")}
        hint={t("descriptionHint")}
        errors={form.errorsOf("description")}
      >
        {(ids) => (
          <TextInput
            id={ids.id}
            name="description"
            defaultValue={segment?.description}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid}
          />
        )}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={form.isPending}>
          {form.isPending ? tc("saving") : segment ? tc("save") : t("create")}
        </Button>
        {onDone && (
          <Button type="button" variant="ghost" onClick={onDone}>
            {tc("cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}
