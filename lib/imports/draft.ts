import type { TObservationSource } from "@/lib/observations/limits";
import type { TGuessableField } from "./headers";
import {
  OPTIONAL_COLUMN_FIELDS,
  type TImportMappingInput,
  type TOptionalColumnField,
} from "./schemas";

// The mapping form's state: every choice as a plain string, so a select can hold it. Pure; the
// browser builds the mapping from it and the server validates that mapping with zod.

export type TMappingDraft = {
  touchpointBy: "id" | "name" | "fixed";
  touchpointColumn: string;
  journeyId: string;
  touchpointId: string;
  observedAtBy: "column" | "fixed";
  observedAtColumn: string;
  date: string;
  columns: Record<TOptionalColumnField, string>;
  source: TObservationSource;
  siteId: string;
  utcOffsetMinutes: number;
};

const noColumns = () =>
  Object.fromEntries(OPTIONAL_COLUMN_FIELDS.map((field) => [field, ""])) as Record<
    TOptionalColumnField,
    string
  >;

export function emptyDraft(utcOffsetMinutes = 540): TMappingDraft {
  return {
    touchpointBy: "name",
    touchpointColumn: "",
    journeyId: "",
    touchpointId: "",
    observedAtBy: "column",
    observedAtColumn: "",
    date: "",
    columns: noColumns(),
    source: "SURVEY",
    siteId: "",
    utcOffsetMinutes,
  };
}

/** A first draft from the columns guessed from a file's headers. */
export function draftFromGuess(
  guess: Partial<Record<TGuessableField, string>>,
  base: TMappingDraft,
): TMappingDraft {
  const columns = noColumns();
  for (const field of OPTIONAL_COLUMN_FIELDS) columns[field] = guess[field] ?? "";
  const touchpointColumn = guess.touchpointId ?? guess.touchpointName ?? "";
  return {
    ...base,
    touchpointBy: guess.touchpointId ? "id" : "name",
    touchpointColumn,
    observedAtBy: guess.observedAt ? "column" : base.observedAtBy,
    observedAtColumn: guess.observedAt ?? "",
    columns,
  };
}

export function draftFromMapping(mapping: TImportMappingInput): TMappingDraft {
  const draft = emptyDraft(mapping.utcOffsetMinutes ?? 540);
  const { touchpoint, observedAt } = mapping;
  for (const field of OPTIONAL_COLUMN_FIELDS) draft.columns[field] = mapping.columns[field] ?? "";
  return {
    ...draft,
    touchpointBy: touchpoint.by,
    touchpointColumn: touchpoint.by === "fixed" ? "" : touchpoint.column,
    journeyId: touchpoint.by === "name" ? touchpoint.journeyId : "",
    touchpointId: touchpoint.by === "fixed" ? touchpoint.touchpointId : "",
    observedAtBy: observedAt.by,
    observedAtColumn: observedAt.by === "column" ? observedAt.column : "",
    date: observedAt.by === "fixed" ? observedAt.date : "",
    source: mapping.defaults?.source ?? "SURVEY",
    siteId: mapping.defaults?.siteId ?? "",
  };
}

/** The mapping the draft describes; the server says what is missing or wrong. */
export function mappingFromDraft(draft: TMappingDraft): TImportMappingInput {
  const touchpoint: TImportMappingInput["touchpoint"] =
    draft.touchpointBy === "fixed"
      ? { by: "fixed", touchpointId: draft.touchpointId }
      : draft.touchpointBy === "id"
        ? { by: "id", column: draft.touchpointColumn }
        : { by: "name", column: draft.touchpointColumn, journeyId: draft.journeyId };
  return {
    touchpoint,
    observedAt:
      draft.observedAtBy === "fixed"
        ? { by: "fixed", date: draft.date }
        : { by: "column", column: draft.observedAtColumn },
    columns: Object.fromEntries(
      OPTIONAL_COLUMN_FIELDS.map((field) => [field, draft.columns[field] || null]),
    ) as TImportMappingInput["columns"],
    defaults: { source: draft.source, siteId: draft.siteId || null },
    utcOffsetMinutes: draft.utcOffsetMinutes,
  };
}

/** Enough chosen to ask for a preview: a touchpoint, a date and a score column. */
export function isDraftComplete(draft: TMappingDraft): boolean {
  const touchpoint =
    draft.touchpointBy === "fixed"
      ? draft.touchpointId !== ""
      : draft.touchpointColumn !== "" && (draft.touchpointBy === "id" || draft.journeyId !== "");
  const date = draft.observedAtBy === "fixed" ? draft.date !== "" : draft.observedAtColumn !== "";
  const score = (["experiencedScore", "emotionalScore", "nps", "csat", "ces"] as const).some(
    (field) => draft.columns[field] !== "",
  );
  return touchpoint && date && score;
}
