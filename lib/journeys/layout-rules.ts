import type { TJourneyLayout } from "./schemas";

/**
 * A new layout must hold exactly the journey's stages and touchpoints, each once. Anything
 * else means the editor worked from an outdated copy (or the request was forged).
 */
export function isCompleteLayout(
  current: { stageIds: string[]; touchpointIds: string[] },
  layout: TJourneyLayout,
): boolean {
  const stageIds = layout.map((s) => s.stageId);
  const touchpointIds = layout.flatMap((s) => s.touchpointIds);
  return sameSet(current.stageIds, stageIds) && sameSet(current.touchpointIds, touchpointIds);
}

function sameSet(expected: string[], actual: string[]): boolean {
  const seen = new Set(actual);
  return (
    seen.size === actual.length &&
    actual.length === expected.length &&
    expected.every((id) => seen.has(id))
  );
}

/** Moves an item of a list from one index to another (the keyboard "move up/down" and drag-and-drop both use it). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= items.length || to < 0 || to >= items.length)
    return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}
