import { z } from "zod";
import { invalid } from "@/lib/errors";

// Zod issues without a message of their own become message keys under "validation" in
// messages/*.json, so that every boundary answers in the user's language.
export function validationMessageKey(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null
        ? "validation.required"
        : "validation.invalidType";
    case "too_small":
      return issue.origin === "string" ? "validation.tooShort" : "validation.tooSmall";
    case "too_big":
      return issue.origin === "string" ? "validation.tooLong" : "validation.tooBig";
    case "invalid_format":
      return issue.format === "email" ? "validation.email" : "validation.invalidFormat";
    case "invalid_value":
      return "validation.invalidValue";
    case "unrecognized_keys":
      return "validation.unknownField";
    default:
      return "validation.invalid";
  }
}

export type TInputCheck<TOutput> =
  | { ok: true; data: TOutput }
  | { ok: false; fieldErrors: Record<string, string[]>; formErrors: string[] };

/** Validates input against a schema, every refusal as message keys: per field, and for the whole form. */
export function checkInput<TSchema extends z.ZodType>(
  schema: TSchema,
  raw: unknown,
): TInputCheck<z.output<TSchema>> {
  const parsed = schema.safeParse(raw, { error: validationMessageKey });
  if (parsed.success) return { ok: true, data: parsed.data };
  const { fieldErrors, formErrors } = z.flattenError(parsed.error);
  return { ok: false, fieldErrors: fieldErrors as Record<string, string[]>, formErrors };
}

/**
 * Validates a domain function's input as the action boundary does (lib/action.ts): a refusal is a
 * VALIDATION AppError whose field errors are message keys (form-wide ones under "form"), so a
 * script or test calling the domain directly gets the same answer a form does, and nothing is written.
 * A nested refusal is filed under its top-level field, as forms show it; with `fieldPaths: "whole"`
 * under its whole path ("mapping.columns.nps"), for forms that show it at the nested field.
 */
export function parseInput<TSchema extends z.ZodType>(
  schema: TSchema,
  raw: unknown,
  options: { fieldPaths?: "top" | "whole" } = {},
): z.output<TSchema> {
  if (options.fieldPaths !== "whole") {
    const checked = checkInput(schema, raw);
    if (checked.ok) return checked.data;
    throw invalid({
      ...checked.fieldErrors,
      ...(checked.formErrors.length ? { form: checked.formErrors } : {}),
    });
  }
  const parsed = schema.safeParse(raw, { error: validationMessageKey });
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues)
    (fieldErrors[issue.path.join(".") || "form"] ??= []).push(issue.message);
  throw invalid(fieldErrors);
}
