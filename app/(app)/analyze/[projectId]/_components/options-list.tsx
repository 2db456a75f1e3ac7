"use client";
import { useTranslations } from "next-intl";
import { CheckCircle2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";
import type { TOption } from "@/lib/projects/schemas";

type TProps = {
  projectId: string;
  options: TOption[];
  canWrite: boolean;
  saveOption: (input: unknown) => Promise<TActionResult<{ id: string }>>;
  chooseOption: (input: unknown) => Promise<TActionResult<void>>;
  deleteOption: (input: unknown) => Promise<TActionResult<void>>;
};

/** The options considered against the causes, and the one chosen to take into Improve. */
export function OptionsList({
  projectId,
  options,
  canWrite,
  saveOption,
  chooseOption,
  deleteOption,
}: TProps) {
  const t = useTranslations("analyze");
  const choose = useActionForm(chooseOption);
  const remove = useActionForm(deleteOption);
  const add = useActionForm(saveOption, {
    toInput: (data) => ({ projectId, description: data.get("description") }),
  });
  return (
    <section
      aria-labelledby="options"
      className="rounded-lg border border-neutral-200 bg-white p-4"
    >
      <h2 id="options" className="font-medium">
        {t("options")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{t("optionsLead")}</p>
      {(choose.error || remove.error) && (
        <Notice tone="error">{choose.error ?? remove.error}</Notice>
      )}
      <ul className="mt-3 flex flex-col gap-2">
        {options.map((option) => (
          <li
            key={option.id}
            className={`flex items-center justify-between gap-3 rounded-md border px-3 py-2 text-sm ${option.isChosen ? "border-green-300 bg-green-50" : "border-neutral-200"}`}
            data-testid="option"
          >
            <span className="flex items-center gap-2">
              {option.isChosen && (
                <CheckCircle2 aria-label={t("chosen")} className="size-4 text-green-700" />
              )}
              {option.description}
            </span>
            {canWrite && (
              <span className="flex shrink-0 gap-2">
                {!option.isChosen && (
                  <Button
                    variant="secondary"
                    className="min-h-8"
                    disabled={choose.isPending}
                    onClick={() => choose.submit({ projectId, optionId: option.id })}
                  >
                    {t("choose")}
                  </Button>
                )}
                <Button
                  variant="ghost"
                  className="min-h-8"
                  disabled={remove.isPending}
                  onClick={() => remove.submit({ projectId, optionId: option.id })}
                >
                  {t("delete")}
                </Button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {canWrite && (
        <form onSubmit={add.onSubmit} className="mt-3 flex flex-wrap items-end gap-3">
          <div className="min-w-64 flex-1">
            <Field label={t("option")} errors={add.errorsOf("description")}>
              {({ id, describedBy, invalid }) => (
                <TextInput
                  id={id}
                  name="description"
                  required
                  maxLength={500}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </Field>
          </div>
          <Button type="submit" disabled={add.isPending}>
            {t("addOption")}
          </Button>
        </form>
      )}
    </section>
  );
}
