import { avisCarRental } from "./avis-car-rental";
import { hiltonHotelStay } from "./hilton-hotel-stay";
import { sktMobileLifecycle } from "./skt-mobile-lifecycle";
import type { TJourneyTemplateInput } from "./types";
import { virginAtlanticAirline } from "./virgin-atlantic-airline";

/** The journey templates the gallery offers, from the cases in the seed articles. */
export const JOURNEY_TEMPLATES: readonly TJourneyTemplateInput[] = [
  avisCarRental,
  sktMobileLifecycle,
  hiltonHotelStay,
  virginAtlanticAirline,
];

export function findTemplate(key: string): TJourneyTemplateInput | undefined {
  return JOURNEY_TEMPLATES.find((template) => template.key === key);
}

/** What the gallery shows of a template: the case card and the journey's size, not the whole journey. */
export function describeTemplates() {
  return JOURNEY_TEMPLATES.map(({ journey, ...card }) => ({
    ...card,
    nameKo: journey.nameKo ?? "",
    nameEn: journey.nameEn ?? "",
    stageCount: journey.stages.length,
    touchpointCount: journey.stages.reduce(
      (sum, stage) => sum + (stage.touchpoints?.length ?? 0),
      0,
    ),
    motCount: journey.stages.reduce(
      (sum, stage) => sum + (stage.touchpoints ?? []).filter((t) => t.isMoT).length,
      0,
    ),
  }));
}
