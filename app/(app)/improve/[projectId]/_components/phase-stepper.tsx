"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Check } from "lucide-react";
import { PHASES, type TPhase } from "@/lib/projects/schemas";

type TProps = { projectId: string; phase: TPhase; shown: TPhase };

/**
 * Define → Measure → Analyze → Improve → Control. The project's phase is the current step; any
 * step can be opened to see what that phase produced (the earlier issues' work, linked).
 */
export function PhaseStepper({ projectId, phase, shown }: TProps) {
  const t = useTranslations("improve");
  const current = PHASES.indexOf(phase);
  return (
    <nav aria-label={t("stepper.label")} className="mb-6">
      <ol
        className="grid grid-cols-5 gap-1 rounded-lg border border-neutral-200 bg-white p-1"
        data-testid="phase-stepper"
      >
        {PHASES.map((p, i) => {
          const state = i < current ? "done" : i === current ? "current" : "upcoming";
          const isShown = p === shown;
          return (
            <li key={p} className="min-w-0">
              <Link
                href={`/improve/${projectId}?phase=${p}`}
                scroll={false}
                aria-current={i === current ? "step" : undefined}
                data-testid={`phase-step-${p}`}
                data-state={state}
                className={`flex min-h-12 items-center gap-2 rounded-md px-2 py-1.5 text-sm ${isShown ? "bg-neutral-900 text-white" : "text-neutral-700 hover:bg-neutral-100"}`}
              >
                <span
                  aria-hidden
                  className={`inline-flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${
                    state === "done"
                      ? "bg-accent/15 text-accent"
                      : state === "current"
                        ? "bg-accent text-white"
                        : "border border-neutral-300 text-neutral-500"
                  }`}
                >
                  {state === "done" ? <Check className="size-3.5" /> : t(`phaseLetters.${p}`)}
                </span>
                <span className="min-w-0">
                  <span className="block truncate font-medium">{t(`phases.${p}`)}</span>
                  <span
                    className={`block truncate text-xs ${isShown ? "text-neutral-300" : "text-neutral-500"}`}
                  >
                    {t(`stepper.${state}`)}
                  </span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
