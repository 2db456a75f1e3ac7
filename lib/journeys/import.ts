import "server-only";
import type { TActor } from "@/lib/auth/permissions";
import { assertCan } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { createJourneyFromDocument } from "./from-document";
import { parseJourneyCsv } from "./transfer/csv";
import { parseJourneyJson } from "./transfer/json";
import { ZJourneyImportInput, type TImportResult, type TJourneyImportInput } from "./schemas";

/** Imports a journey file as a new journey: all of it, or nothing and a report of every bad row. */
export async function importJourney(
  actor: TActor,
  input: TJourneyImportInput,
): Promise<TImportResult> {
  assertCan(actor, "journey:write");
  const { format, content, nameKo, nameEn } = parseInput(ZJourneyImportInput, input);
  const parsed =
    format === "json" ? parseJourneyJson(content) : parseJourneyCsv(content, { nameKo, nameEn });
  if (!parsed.ok) return parsed;
  const document =
    format === "json" && (nameKo || nameEn)
      ? { ...parsed.document, nameKo, nameEn }
      : parsed.document;
  return {
    ok: true,
    ...(await createJourneyFromDocument(actor, document, { action: "journey.import" })),
  };
}
