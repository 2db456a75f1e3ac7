import type { TFrontlineTouchpoint } from "@/lib/observations/schemas";

export type TTouchpointSections = {
  recent: TFrontlineTouchpoint[];
  mots: TFrontlineTouchpoint[];
  others: TFrontlineTouchpoint[];
};

const normalize = (text: string) =>
  text.normalize("NFC").toLocaleLowerCase().replace(/\s+/g, " ").trim();

/**
 * The picker's order: the user's recent touchpoints (most recent first), then the Moments of
 * Truth, then the rest, each touchpoint once and otherwise in journey order. A search keeps the
 * touchpoints whose name or stage (in either language) contains every word typed.
 */
export function sectionTouchpoints(
  touchpoints: TFrontlineTouchpoint[],
  recentIds: string[],
  query = "",
): TTouchpointSections {
  const words = normalize(query).split(" ").filter(Boolean);
  const matches = (t: TFrontlineTouchpoint) => {
    const haystack = normalize([t.nameKo, t.nameEn, t.stageNameKo, t.stageNameEn].join(" "));
    return words.every((word) => haystack.includes(word));
  };
  const visible = touchpoints.filter(matches);
  const byId = new Map(visible.map((t) => [t.id, t]));
  const recent = [...new Set(recentIds)].flatMap((id) => byId.get(id) ?? []);
  const isRecent = new Set(recent.map((t) => t.id));
  const rest = visible.filter((t) => !isRecent.has(t.id));
  return { recent, mots: rest.filter((t) => t.isMoT), others: rest.filter((t) => !t.isMoT) };
}

/** The device's recent list after logging at `touchpointId`: it moves to the front. */
export function rememberRecent(recentIds: string[], touchpointId: string, max = 5): string[] {
  return [touchpointId, ...recentIds.filter((id) => id !== touchpointId)].slice(0, max);
}
