"use client";
import { useTranslations } from "next-intl";
import type { TPilotVerdict } from "@/lib/stats/pilot-verdict";

const TONES: Record<TPilotVerdict, string> = {
  IMPROVED: "border-green-300 bg-green-50 text-green-800",
  WORSENED: "border-red-300 bg-red-50 text-red-800",
  NO_CLEAR_DIFFERENCE: "border-neutral-300 bg-neutral-50 text-neutral-700",
  NOT_ENOUGH_DATA: "border-amber-300 bg-amber-50 text-amber-800",
};

/** The pilot's verdict as a short label, coloured by meaning. */
export function VerdictBadge({ verdict }: { verdict: TPilotVerdict }) {
  const t = useTranslations("improve.verdicts");
  return (
    <span
      className={`inline-flex items-center rounded border px-1.5 py-0.5 text-xs font-medium ${TONES[verdict]}`}
      data-testid="pilot-verdict"
      data-verdict={verdict}
    >
      {t(verdict)}
    </span>
  );
}
