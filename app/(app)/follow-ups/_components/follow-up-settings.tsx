"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";
import { FOLLOW_UP_MAX_AGE_DAYS_RANGE } from "@/lib/follow-ups/rules";

type TProps = {
  maxAgeDays: number;
  canConfigure: boolean;
  saveSettings: (input: unknown) => Promise<TActionResult<void>>;
};

/** The rule that keeps historical answers from opening follow-ups, and (for managers) its setting. */
export function FollowUpSettings({ maxAgeDays, canConfigure, saveSettings }: TProps) {
  const t = useTranslations("followUps.settings");
  const form = useActionForm(saveSettings, { resetOnSuccess: false });
  return (
    <section
      className="flex flex-col gap-3 rounded-lg border border-neutral-200 bg-white p-4"
      data-testid="follow-up-settings"
    >
      <h2 className="font-medium">{t("title")}</h2>
      <p className="text-sm text-neutral-600">{t("rule", { days: maxAgeDays })}</p>
      {canConfigure && (
        <form onSubmit={form.onSubmit} className="flex flex-col gap-3">
          <Field label={t("maxAgeDays")} errors={form.errorsOf("maxAgeDays")}>
            {({ id, describedBy }) => (
              <TextInput
                id={id}
                name="maxAgeDays"
                type="number"
                min={FOLLOW_UP_MAX_AGE_DAYS_RANGE.min}
                max={FOLLOW_UP_MAX_AGE_DAYS_RANGE.max}
                step={1}
                required
                defaultValue={maxAgeDays}
                aria-describedby={describedBy}
              />
            )}
          </Field>
          {form.error && <Notice tone="error">{form.error}</Notice>}
          {form.isSuccess && <Notice tone="success">{t("saved")}</Notice>}
          <div>
            <Button type="submit" disabled={form.isPending}>
              {form.isPending ? t("saving") : t("save")}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
