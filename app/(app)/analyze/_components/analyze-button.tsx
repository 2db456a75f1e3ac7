"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";

type TProps = {
  touchpointId: string;
  openAnalysis: (input: unknown) => Promise<TActionResult<{ projectId: string }>>;
};

/** Opens (or finds) the touchpoint's analysis and goes there. */
export function AnalyzeButton({ touchpointId, openAnalysis }: TProps) {
  const t = useTranslations("analyze");
  const router = useRouter();
  const action = useActionForm(openAnalysis, {
    onSuccess: ({ projectId }) => router.push(`/analyze/${projectId}`),
  });
  return (
    <Button
      variant="secondary"
      className="min-h-8 shrink-0"
      disabled={action.isPending}
      onClick={() => action.submit({ touchpointId })}
    >
      {t("analyzeThis")}
    </Button>
  );
}
