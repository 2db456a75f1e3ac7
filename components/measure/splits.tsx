"use client";
import { useTranslations } from "next-intl";
import { SliceGapCard } from "./slice-gap-card";
import type { TMeasureView } from "@/lib/analytics/schemas";

const SPLITS = ["dimension", "kind", "segment", "site", "source"] as const;

/** The gap split five ways: by dimension, rational vs emotional, segment, site and source. */
export function Splits({ splits }: Pick<TMeasureView, "splits">) {
  const t = useTranslations("measure.splits");
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {SPLITS.map((key) => (
        <SliceGapCard
          key={key}
          title={t(`${key}.title`)}
          description={t("description")}
          sliceHeader={t(`${key}.header`)}
          slices={splits[key]}
          csvSlug={`gap-by-${key}`}
          testId={`split-${key}`}
        />
      ))}
    </div>
  );
}
