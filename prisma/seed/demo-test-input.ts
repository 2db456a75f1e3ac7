import { findTemplate } from "@/lib/templates/catalog";
import type { TObservationInput } from "@/lib/observations/schemas";
import {
  DEMO_SKT_TEMPLATE,
  type TDemoGeneratorInput,
  type TDemoTouchpoint,
} from "./demo-observations";
import { koreanDayNumber } from "./demo-pilot";
import { DEMO_SEGMENTS, DEMO_SITES } from "./demo-users";

// The generator's input as the seed builds it, from the template itself with made-up ids: what
// the demo generators' unit tests run on (no database).

export const template = findTemplate(DEMO_SKT_TEMPLATE)!;
export const touchpoints: TDemoTouchpoint[] = template.journey.stages.flatMap(
  (stage, stagePosition) =>
    (stage.touchpoints ?? []).map((t, i) => ({
      id: `tp-${stagePosition}-${i}`,
      nameEn: t.nameEn!,
      stagePosition,
      isMoT: t.isMoT ?? false,
      dimension: t.dimension!,
      channel: t.channel!,
      drivers: (t.drivers ?? []).map((d, j) => ({
        id: `dr-${stagePosition}-${i}-${j}`,
        nameEn: d.nameEn!,
      })),
    })),
);
export const segments = DEMO_SEGMENTS.map((s, i) => ({ id: `seg-${i}`, nameEn: s.nameEn }));
export const sites = DEMO_SITES.map((s) => ({ id: `site-${s.code}`, code: s.code }));
export const TEST_NOW = new Date("2026-11-25T03:00:00Z");

export const demoInput = (seed = 2009, now = TEST_NOW): TDemoGeneratorInput => ({
  touchpoints,
  segments,
  sites,
  count: 5000,
  seed,
  now,
});
export const touchpointNamed = (nameEn: string) => touchpoints.find((t) => t.nameEn === nameEn)!;
/** Local days (Korea time) from an observation to `now`: 0 is today. */
export const daysAgoOf = (row: TObservationInput, now = TEST_NOW) =>
  koreanDayNumber(now) - koreanDayNumber(row.observedAt as Date);
