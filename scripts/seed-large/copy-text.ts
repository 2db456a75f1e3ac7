import { createHash } from "node:crypto";
import type { TLargeRow } from "./generate-rows";
import { LARGE_CLIENT_ID_PREFIX } from "./large-organization";

// A generated row as one line of PostgreSQL's COPY text format (tab-separated, \N for null),
// in the column order of LARGE_COPY_COLUMNS. Pure, so that its escaping is unit-tested.

/** Observation's columns as the bulk loader sends them; the others keep their defaults (null). */
export const LARGE_COPY_COLUMNS = [
  "id",
  "organizationId",
  "touchpointId",
  "driverId",
  "segmentId",
  "siteId",
  "source",
  "observedAt",
  "expectationScore",
  "experiencedScore",
  "emotionalScore",
  "nps",
  "csat",
  "ces",
  "comment",
  "clientId",
  "createdAt",
] as const;

/** The database ids the model's indexes stand for, in the model's order. */
export type TLargeRefs = {
  organizationId: string;
  /** From largeIdPrefix(organizationId). */
  idPrefix: string;
  touchpointIds: readonly string[];
  /** Per touchpoint, its drivers' ids in the model's order. */
  driverIds: readonly (readonly string[])[];
  segmentIds: readonly string[];
  siteIds: readonly string[];
};

export const largeClientId = (index: number) => `${LARGE_CLIENT_ID_PREFIX}${index + 1}`;

/**
 * Row ids are UUIDs of version 8 (RFC 9562's custom layout): 76 bits from the organization's id,
 * 48 bits of the row's number. Deterministic, like the client id; and ascending, so the primary
 * key's index grows at its right edge instead of taking random inserts all over 10 million
 * entries (what gen_random_uuid() would cost).
 */
export function largeIdPrefix(organizationId: string): string {
  const h = createHash("sha256").update(`moments:large:${organizationId}`).digest("hex");
  const variant = (8 | (parseInt(h[16]!, 16) & 3)).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-`;
}

export const largeObservationId = (idPrefix: string, index: number) =>
  idPrefix + index.toString(16).padStart(12, "0");

const DAY_MS = 86_400_000;
const dateTexts = new Map<number, string>();
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** UTC as PostgreSQL's `timestamp(3)` reads it ("2026-07-01 09:30:05.000"), as the store writes it; fast (dates cached). */
export function formatTimestamp(epochMs: number): string {
  const day = Math.floor(epochMs / DAY_MS);
  let date = dateTexts.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dateTexts.set(day, date);
  }
  const ms = epochMs - day * DAY_MS;
  const seconds = Math.floor(ms / 1000);
  const millis = ms - seconds * 1000;
  return `${date} ${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}.${String(millis).padStart(3, "0")}`;
}

/** COPY text format: backslash, tab, newline and carriage return are escaped; nothing else is special. */
export function escapeCopyText(text: string): string {
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (c) =>
        c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
      )
    : text;
}

const orNull = (value: number | string | null | undefined) =>
  value === null || value === undefined ? "\\N" : String(value);

/** One row as a COPY line, newline included. */
export function toCopyLine(row: TLargeRow, refs: TLargeRefs): string {
  const observedAt = formatTimestamp(row.observedAt);
  return (
    [
      largeObservationId(refs.idPrefix, row.index),
      refs.organizationId,
      refs.touchpointIds[row.touchpoint],
      row.driver === null ? null : refs.driverIds[row.touchpoint]![row.driver],
      row.segment === null ? null : refs.segmentIds[row.segment],
      row.site === null ? null : refs.siteIds[row.site],
      row.source,
      observedAt,
      row.expectationScore,
      row.experiencedScore,
      row.emotionalScore,
      row.nps,
      row.csat,
      row.ces,
      escapeCopyText(row.comment),
      largeClientId(row.index),
      // Stored when it was observed, as a live programme would have stored it.
      observedAt,
    ]
      .map(orNull)
      .join("\t") + "\n"
  );
}
