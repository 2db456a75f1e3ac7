"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { CheckCircle2, Circle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TActionResult } from "@/lib/action-result";
import type { TRequirement } from "@/lib/projects/rules";
import type { TPhase } from "@/lib/projects/schemas";

type TProps = {
  projectId: string;
  version: number;
  next: TPhase | null;
  previous: TPhase | null;
  /** What the next phase asks for, met or not (rules.ts). */
  requirements: TRequirement[];
  isActive: boolean;
  canWrite: boolean;
  movePhase: (input: unknown) => Promise<TActionResult<{ version: number }>>;
};

/** The gate to the next phase as a checklist, and the buttons that move the project forward or back. */
export function PhaseControls({
  projectId,
  version,
  next,
  previous,
  requirements,
  isActive,
  canWrite,
  movePhase,
}: TProps) {
  const t = useTranslations("improve");
  const router = useRouter();
  const move = useActionForm(movePhase, { onSuccess: () => router.push(`/improve/${projectId}`) });
  const isReady = requirements.every((r) => r.isMet);
  const phaseErrors = move.errorsOf("phase");
  return (
    <section
      aria-labelledby="gate-heading"
      className="rounded-lg border border-neutral-200 bg-white p-4"
      data-testid="phase-controls"
    >
      <h2 id="gate-heading" className="font-medium">
        {next ? t("gate.heading", { phase: t(`phases.${next}`) }) : t("gate.lastPhase")}
      </h2>
      {next && (
        <ul className="mt-2 flex flex-col gap-1 text-sm" data-testid="gate-requirements">
          {requirements.map((r) => (
            <li key={r.key} className="flex items-start gap-2" data-met={r.isMet}>
              {r.isMet ? (
                <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0 text-green-700" />
              ) : (
                <Circle aria-hidden className="mt-0.5 size-4 shrink-0 text-neutral-400" />
              )}
              <span>
                {t(`gate.requirements.${r.key}`)}
                <span className="sr-only">{r.isMet ? t("gate.met") : t("gate.notMet")}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {!isActive && <p className="mt-2 text-sm text-neutral-600">{t("gate.notActive")}</p>}
      {(move.error || phaseErrors) && (
        <div className="mt-2">
          <Notice tone="error">{phaseErrors?.join(" ") ?? move.error}</Notice>
        </div>
      )}
      {canWrite && isActive && (
        <div className="mt-3 flex flex-wrap gap-2">
          {next && (
            <Button
              disabled={!isReady || move.isPending}
              onClick={() => move.submit({ projectId, version, phase: next })}
              data-testid="phase-forward"
            >
              {t("gate.moveTo", { phase: t(`phases.${next}`) })}
            </Button>
          )}
          {previous && (
            <Button
              variant="secondary"
              disabled={move.isPending}
              onClick={() => move.submit({ projectId, version, phase: previous })}
              data-testid="phase-back"
            >
              {t("gate.backTo", { phase: t(`phases.${previous}`) })}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
