"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";

type TProps = {
  templateKey: string;
  name: string;
  createFromTemplate: (input: unknown) => Promise<TActionResult<{ id: string }>>;
};

/** One click: a new journey of the organization from the template, then its map. */
export function UseTemplateButton({ templateKey, name, createFromTemplate }: TProps) {
  const t = useTranslations("templates");
  const router = useRouter();
  const action = useActionForm(createFromTemplate, {
    onSuccess: ({ id }) => router.push(`/journeys/${id}`),
  });
  return (
    <>
      {action.error && <Notice tone="error">{action.error}</Notice>}
      <Button
        onClick={() => action.submit({ templateKey })}
        disabled={action.isPending}
        aria-label={t("useNamed", { name })}
      >
        {action.isPending ? t("creating") : t("use")}
      </Button>
    </>
  );
}
