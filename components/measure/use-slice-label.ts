"use client";
import { useLocale, useTranslations } from "next-intl";
import { localized } from "@/lib/i18n/localized";
import type { TSliceMeasures } from "@/lib/analytics/schemas";

/** Names a slice in the reader's language: a bilingual name, a site's name, or a translated enum value. */
export function useSliceLabel(): (label: TSliceMeasures["label"]) => string {
  const locale = useLocale();
  const t = useTranslations();
  return (label) => {
    switch (label.kind) {
      case "bilingual":
        return localized(label.name, "name", locale);
      case "text":
        return label.text;
      case "enum":
        if (label.group === "dimension") return t(`journeyMap.dimensions.${label.value}`);
        if (label.group === "kind") return t(`journeyMap.driverKinds.${label.value}`);
        if (label.group === "source") return t(`observationSources.${label.value}`);
        return label.value;
      case "none":
        return t("measure.labels.notSet");
    }
  };
}
