import { ZJourneyDocument, type TJourneyDocument } from "../document";
import { MAX_REPORTED_ERRORS, type TTransferResult } from "./errors";

export function journeyToJson(document: TJourneyDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Reads a JSON export back; every problem is reported with its path (stages.3.touchpoints.1.channel). */
export function parseJourneyJson(text: string): TTransferResult<TJourneyDocument> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, errors: [{ line: null, field: "", code: "transfer.notJson" }] };
  }
  const parsed = ZJourneyDocument.safeParse(raw);
  if (parsed.success) return { ok: true, document: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.slice(0, MAX_REPORTED_ERRORS).map((issue) => ({
      line: null,
      field: issue.path.join("."),
      code: messageKeyOf(issue),
    })),
  };
}

/** Our own refinements carry a message key; zod's built-in issues get one of ours. */
export function messageKeyOf(issue: { code: string; message: string }): string {
  if (/^(validation|errors|transfer)\./.test(issue.message)) return issue.message;
  return issue.code === "invalid_value" ? "transfer.unknownValue" : "transfer.invalidValue";
}
