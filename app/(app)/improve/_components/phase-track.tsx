"use client";
import { useTranslations } from "next-intl";
import { PHASES, type TPhase } from "@/lib/projects/schemas";

/** D-M-A-I-C as five small steps: done, current, to come. Read as "phase 3 of 5: Analyze". */
export function PhaseTrack({ phase }: { phase: TPhase }) {
  const t = useTranslations("improve");
  const current = PHASES.indexOf(phase);
  return (
    <span
      className="inline-flex items-center gap-0.5"
      role="img"
      aria-label={t("phaseOf", {
        step: current + 1,
        total: PHASES.length,
        phase: t(`phases.${phase}`),
      })}
      data-testid="phase-track"
      data-phase={phase}
    >
      {PHASES.map((p, i) => (
        <span
          key={p}
          aria-hidden
          className={`inline-flex size-5 items-center justify-center rounded text-[10px] font-semibold ${
            i < current
              ? "bg-accent/15 text-accent"
              : i === current
                ? "bg-accent text-white"
                : "bg-neutral-100 text-neutral-400"
          }`}
        >
          {t(`phaseLetters.${p}`)}
        </span>
      ))}
    </span>
  );
}
