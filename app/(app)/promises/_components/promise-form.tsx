"use client";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";
import { localized } from "@/lib/i18n/localized";
import { MAX_AUDIT_EVERY_DAYS, type TPromise, type TPromisesView } from "@/lib/promises/schemas";

type TSave = (input: unknown) => Promise<TActionResult<{ id: string }>>;
type TProps = {
  promise?: TPromise;
  touchpoints: TPromisesView["touchpoints"];
  savePromise: TSave;
  onSaved?: () => void;
};

/** The form's fields as the action's input: the checklist one item per line, the checkbox as a boolean. */
function toInput(data: FormData, promiseId?: string) {
  return {
    ...(promiseId ? { promiseId } : {}),
    titleKo: data.get("titleKo"),
    titleEn: data.get("titleEn"),
    description: data.get("description"),
    touchpointId: data.get("touchpointId"),
    checklistItems: String(data.get("checklistItems") ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    auditEveryDays: data.get("auditEveryDays"),
    isActive: data.get("isActive") === "on",
  };
}

/** Defines a promise or edits one: titles, what is promised, the checklist, how often to audit. */
export function PromiseForm({ promise, touchpoints, savePromise, onSaved }: TProps) {
  const t = useTranslations("promises.form");
  const locale = useLocale();
  const form = useActionForm(savePromise, {
    toInput: (data) => toInput(data, promise?.id),
    resetOnSuccess: !promise,
    onSuccess: onSaved,
  });
  return (
    <form onSubmit={form.onSubmit} className="grid gap-3 md:grid-cols-2" data-testid="promise-form">
      <Field label={t("titleKo")} errors={form.errorsOf("titleKo")}>
        {({ id, describedBy, invalid }) => (
          <TextInput
            id={id}
            name="titleKo"
            maxLength={200}
            defaultValue={promise?.titleKo}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field label={t("titleEn")} errors={form.errorsOf("titleEn")}>
        {({ id, describedBy, invalid }) => (
          <TextInput
            id={id}
            name="titleEn"
            maxLength={200}
            defaultValue={promise?.titleEn}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <div className="md:col-span-2">
        <Field label={t("description")} errors={form.errorsOf("description")}>
          {({ id, describedBy, invalid }) => (
            <TextArea
              id={id}
              name="description"
              maxLength={2000}
              rows={2}
              defaultValue={promise?.description}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
      </div>
      <div className="md:col-span-2">
        <Field
          label={t("checklist")}
          hint={t("checklistHint")}
          errors={form.errorsOf("checklistItems")}
        >
          {({ id, describedBy, invalid }) => (
            <TextArea
              id={id}
              name="checklistItems"
              rows={4}
              required
              defaultValue={promise?.checklistItems.join("\n")}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
      </div>
      <Field label={t("touchpoint")} errors={form.errorsOf("touchpointId")}>
        {({ id, describedBy, invalid }) => (
          <Select
            id={id}
            name="touchpointId"
            defaultValue={promise?.touchpoint?.id ?? ""}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          >
            <option value="">{t("noTouchpoint")}</option>
            {touchpoints.map((tp) => (
              <option key={tp.id} value={tp.id}>
                {`${localized(tp.journey, "name", locale)} · ${localized(tp, "name", locale)}`}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t("auditEveryDays")} errors={form.errorsOf("auditEveryDays")}>
        {({ id, describedBy, invalid }) => (
          <TextInput
            id={id}
            name="auditEveryDays"
            type="number"
            min={1}
            max={MAX_AUDIT_EVERY_DAYS}
            required
            defaultValue={promise?.auditEveryDays ?? 30}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <label className="flex items-center gap-2 text-sm md:col-span-2">
        <input
          type="checkbox"
          name="isActive"
          defaultChecked={promise?.isActive ?? true}
          className="size-4"
        />
        {t("isActive")}
      </label>
      <div className="flex flex-wrap items-center gap-3 md:col-span-2" aria-live="polite">
        <Button type="submit" disabled={form.isPending}>
          {t("save")}
        </Button>
        {form.isSuccess && !promise && <Notice tone="success">{t("saved")}</Notice>}
      </div>
      {form.error && (
        <div className="md:col-span-2">
          <Notice tone="error">{form.error}</Notice>
        </div>
      )}
    </form>
  );
}

/** The edit form in a dialog, behind a button. */
export function EditPromiseButton(props: Omit<TProps, "onSaved"> & { promise: TPromise }) {
  const t = useTranslations("promises.form");
  const tCommon = useTranslations("common");
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="promise-edit">
        {t("edit")}
      </Button>
      <Dialog
        title={t("editTitle")}
        isOpen={isOpen}
        onClose={() => setOpen(false)}
        closeLabel={tCommon("close")}
        wide
      >
        <PromiseForm {...props} onSaved={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
