import { measuresOf } from "./measures";
import type { TGroupKey, TGroupMoments, TSliceMeasures } from "./schemas";

// One-key groups as the views' slice rows: the one place a group becomes a labelled row of measures.

type TLabel = TSliceMeasures["label"];
type TLabelOf = (group: TGroupMoments) => TLabel;

export const slices = (groups: TGroupMoments[], label: TLabelOf): TSliceMeasures[] =>
  groups.map((group) => ({
    key: group.keys[0] ?? null,
    label: label(group),
    measures: measuresOf(group),
  }));

/** A slice keyed by an id of one of `rows` (a segment, a site, a driver), labelled from that row. */
const byIdIn = <T extends { id: string }>(
  rows: readonly T[],
  label: (row: T) => TLabel,
): TLabelOf => {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return (group) => {
    const row = group.keys[0] ? byId.get(group.keys[0]) : undefined;
    return row ? label(row) : { kind: "none" };
  };
};

export const bilingualLabel = (rows: readonly { id: string; nameKo: string; nameEn: string }[]) =>
  byIdIn(rows, (name) => ({ kind: "bilingual", name }));

export const siteLabel = (sites: readonly { id: string; name: string }[]) =>
  byIdIn(sites, (s) => ({ kind: "text", text: s.name }));

/** An enum value the UI translates (dimension, kind, source). */
export const enumLabel =
  (key: TGroupKey): TLabelOf =>
  (group) =>
    group.keys[0] ? { kind: "enum", group: key, value: group.keys[0] } : { kind: "none" };

/** A period's first day (week, month), formatted by the UI. */
export const periodLabel: TLabelOf = (group) => ({ kind: "text", text: group.keys[0] ?? "" });
