"use client";
import { useTranslations } from "next-intl";
import { MIN_N_FOR_TONE } from "@/lib/analytics/gap-tone";
import { CHART_COLORS } from "./chart-theme";

/** What the colours mean, wherever gaps are coloured (map, bars, heat map). */
export function GapLegend() {
  const t = useTranslations("measure.chart");
  const items = [
    { color: CHART_COLORS.below, label: t("legendBelow") },
    { color: CHART_COLORS.above, label: t("legendAbove") },
    { color: "#e9ecef", label: t("legendNeutral", { n: MIN_N_FOR_TONE }) },
  ];
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-neutral-600">
      {items.map((item) => (
        <li key={item.label} className="inline-flex items-center gap-1.5">
          <span
            aria-hidden
            className="inline-block size-3 rounded-sm border border-neutral-300"
            style={{ backgroundColor: item.color }}
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
