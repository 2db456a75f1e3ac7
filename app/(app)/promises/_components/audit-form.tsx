"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";
import type { TPromise, TSiteRef } from "@/lib/promises/schemas";

type TProps = {
  promise: TPromise;
  sites: TSiteRef[];
  today: string;
  recordAudit: (input: unknown) => Promise<TActionResult<{ id: string; passed: boolean }>>;
};

/** An audit as a checklist: each item met or not, with what the auditor saw. */
export function AuditForm({ promise, sites, today, recordAudit }: TProps) {
  const t = useTranslations("promises.audit");
  const tPromises = useTranslations("promises");
  // Which items are marked not met: their evidence becomes required.
  const [failed, setFailed] = useState<Set<number>>(new Set());
  const form = useActionForm(recordAudit, {
    toInput: (data) => ({
      promiseId: promise.id,
      siteId: data.get("siteId"),
      auditedAt: data.get("auditedAt"),
      evidence: data.get("evidence"),
      checklist: promise.checklistItems.map((item, i) => ({
        item,
        passed: data.get(`passed-${i}`) !== "no",
        evidence: data.get(`evidence-${i}`) ?? "",
      })),
    }),
    onSuccess: () => setFailed(new Set()),
  });
  const toggle = (index: number, isFailed: boolean) =>
    setFailed((current) => {
      const next = new Set(current);
      if (isFailed) next.add(index);
      else next.delete(index);
      return next;
    });

  return (
    <section
      aria-labelledby="record-audit"
      className="rounded-lg border border-neutral-200 bg-white p-4"
    >
      <h2 id="record-audit" className="font-medium">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{t("lead")}</p>
      <form onSubmit={form.onSubmit} className="mt-3 flex flex-col gap-3" data-testid="audit-form">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("site")} errors={form.errorsOf("siteId")}>
            {({ id, describedBy, invalid }) => (
              <Select id={id} name="siteId" aria-describedby={describedBy} aria-invalid={invalid}>
                {sites.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
                <option value="">{tPromises("noSite")}</option>
              </Select>
            )}
          </Field>
          <Field label={t("date")} errors={form.errorsOf("auditedAt")}>
            {({ id, describedBy, invalid }) => (
              <TextInput
                id={id}
                name="auditedAt"
                type="date"
                required
                max={today}
                defaultValue={today}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </Field>
        </div>
        <fieldset className="flex flex-col gap-2">
          <ol className="flex flex-col gap-2">
            {promise.checklistItems.map((item, i) => (
              <li
                key={item}
                className={`rounded-md border p-3 ${failed.has(i) ? "border-orange-300 bg-orange-50/60" : "border-neutral-200"}`}
                data-testid="audit-item"
              >
                <p className="text-sm font-medium text-neutral-900">{item}</p>
                <div
                  className="mt-2 flex flex-wrap items-center gap-4 text-sm"
                  role="radiogroup"
                  aria-label={item}
                >
                  <label className="flex min-h-10 items-center gap-2">
                    <input
                      type="radio"
                      name={`passed-${i}`}
                      value="yes"
                      defaultChecked
                      onChange={() => toggle(i, false)}
                      className="size-4"
                    />
                    {t("met")}
                  </label>
                  <label className="flex min-h-10 items-center gap-2">
                    <input
                      type="radio"
                      name={`passed-${i}`}
                      value="no"
                      onChange={() => toggle(i, true)}
                      className="size-4"
                    />
                    {t("notMet")}
                  </label>
                </div>
                <Field label={t("evidence")} hint={t("evidenceHint")}>
                  {({ id, describedBy }) => (
                    <TextInput
                      id={id}
                      name={`evidence-${i}`}
                      maxLength={1000}
                      required={failed.has(i)}
                      aria-describedby={describedBy}
                    />
                  )}
                </Field>
              </li>
            ))}
          </ol>
          {form.errorsOf("checklist") && (
            <p className="text-sm text-red-700" data-testid="field-error">
              {form.errorsOf("checklist")!.join(" ")}
            </p>
          )}
        </fieldset>
        <Field label={t("note")} errors={form.errorsOf("evidence")}>
          {({ id, describedBy, invalid }) => (
            <TextInput
              id={id}
              name="evidence"
              maxLength={2000}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
        <div className="flex flex-wrap items-center gap-3" aria-live="polite">
          <Button type="submit" disabled={form.isPending}>
            {t("record")}
          </Button>
          {form.data && (
            <Notice tone="success">
              {t(form.data.passed ? "recordedPassed" : "recordedFailed")}
            </Notice>
          )}
        </div>
        {form.error && <Notice tone="error">{form.error}</Notice>}
      </form>
    </section>
  );
}
