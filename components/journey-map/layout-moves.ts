import { moveItem } from "@/lib/journeys/layout-rules";
import type { TJourneyLayout } from "@/lib/journeys/schemas";

// Pure moves on a journey layout, shared by drag and drop and the keyboard buttons.

export function moveStage(layout: TJourneyLayout, stageId: string, delta: number): TJourneyLayout {
  const from = layout.findIndex((s) => s.stageId === stageId);
  return moveItem(layout, from, from + delta);
}

/** Moves a touchpoint one place up or down; past the end of its stage it goes on to the next one. */
export function stepTouchpoint(
  layout: TJourneyLayout,
  touchpointId: string,
  delta: -1 | 1,
): TJourneyLayout {
  const stageIndex = layout.findIndex((s) => s.touchpointIds.includes(touchpointId));
  const stage = layout[stageIndex];
  if (!stage) return layout;
  const index = stage.touchpointIds.indexOf(touchpointId);
  const target = index + delta;
  if (target >= 0 && target < stage.touchpointIds.length) {
    return layout.map((s, i) =>
      i === stageIndex ? { ...s, touchpointIds: moveItem(s.touchpointIds, index, target) } : s,
    );
  }
  const neighbour = stageIndex + delta;
  if (neighbour < 0 || neighbour >= layout.length) return layout;
  return layout.map((s, i) => {
    if (i === stageIndex)
      return { ...s, touchpointIds: s.touchpointIds.filter((id) => id !== touchpointId) };
    if (i === neighbour)
      return {
        ...s,
        touchpointIds:
          delta === 1 ? [touchpointId, ...s.touchpointIds] : [...s.touchpointIds, touchpointId],
      };
    return s;
  });
}

/** Puts a touchpoint into a stage at an index (drag and drop across stages). */
export function placeTouchpoint(
  layout: TJourneyLayout,
  touchpointId: string,
  stageId: string,
  index: number,
): TJourneyLayout {
  const without = layout.map((s) => ({
    ...s,
    touchpointIds: s.touchpointIds.filter((id) => id !== touchpointId),
  }));
  return without.map((s) => {
    if (s.stageId !== stageId) return s;
    const at = Math.max(0, Math.min(index, s.touchpointIds.length));
    return {
      ...s,
      touchpointIds: [...s.touchpointIds.slice(0, at), touchpointId, ...s.touchpointIds.slice(at)],
    };
  });
}

export const stageOf = (layout: TJourneyLayout, touchpointId: string) =>
  layout.find((s) => s.touchpointIds.includes(touchpointId));
export const sameLayout = (a: TJourneyLayout, b: TJourneyLayout) =>
  JSON.stringify(a) === JSON.stringify(b);
