"use client";
import { useLocale, useTranslations } from "next-intl";
import { localized } from "@/lib/i18n/localized";
import type { TJourneyLayout, TStage } from "@/lib/journeys/schemas";

/**
 * The whole journey at a glance above the map: one chip per stage, a dot per Moment of Truth;
 * a click scrolls the map to that stage. Long journeys (29 stages) stay readable this way.
 */
export function StageIndex({
  layout,
  stagesById,
}: {
  layout: TJourneyLayout;
  stagesById: Map<string, TStage>;
}) {
  const t = useTranslations("journeyMap");
  const locale = useLocale();
  if (layout.length < 6) return null;
  return (
    <nav aria-label={t("stageIndex")} className="mb-3">
      <ol className="flex flex-wrap gap-1">
        {layout.map((entry, index) => {
          const stage = stagesById.get(entry.stageId);
          if (!stage) return null;
          const mots = stage.touchpoints.filter((tp) => tp.isMoT).length;
          return (
            <li key={stage.id}>
              <button
                type="button"
                onClick={() =>
                  document
                    .getElementById(`stage-${stage.id}`)
                    ?.scrollIntoView({ behavior: "smooth", inline: "start", block: "nearest" })
                }
                className="inline-flex max-w-40 items-center gap-1 rounded border border-neutral-200 bg-white px-1.5 py-0.5 text-xs text-neutral-700 hover:border-accent"
                title={localized(stage, "name", locale)}
              >
                <span className="tabular-nums text-neutral-500">{index + 1}</span>
                <span className="truncate">{localized(stage, "name", locale)}</span>
                {mots > 0 && (
                  <span
                    className="inline-flex items-center gap-0.5 text-mot"
                    aria-label={t("motCount", { count: mots })}
                  >
                    {Array.from({ length: Math.min(mots, 3) }, (_, i) => (
                      <span key={i} aria-hidden className="size-1.5 rounded-full bg-mot" />
                    ))}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
