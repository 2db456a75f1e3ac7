"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";

type TProps = { createJourney: (input: unknown) => Promise<TActionResult<{ id: string }>> };

export function CreateJourneyForm({ createJourney }: TProps) {
  const t = useTranslations("journeys");
  const router = useRouter();
  const form = useActionForm(createJourney, {
    onSuccess: ({ id }) => router.push(`/journeys/${id}`),
  });
  return (
    <form
      onSubmit={form.onSubmit}
      className="flex flex-col gap-3"
      noValidate
      data-testid="create-journey-form"
    >
      {form.error && <Notice tone="error">{form.error}</Notice>}
      <Field label={t("nameKo")} errors={form.errorsOf("nameKo")}>
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
      <Field label={t("description")} errors={form.errorsOf("description")}>
        {({ id, describedBy, invalid }) => (
          <TextInput
            id={id}
            name="description"
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Button type="submit" disabled={form.isPending}>
        {t("create")}
      </Button>
    </form>
  );
}
