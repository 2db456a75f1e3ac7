import { z } from "zod";
import { invalid } from "@/lib/errors";
import { validationMessageKey } from "@/lib/validation";

/**
 * Validates a domain function's input as the action boundary does (lib/action.ts): a refusal is a
 * VALIDATION AppError whose field errors are message keys, so a script or test calling the domain
 * directly gets the same answer a form does, and nothing is written.
 */
export function parseInput<TSchema extends z.ZodType>(schema: TSchema, raw: unknown): z.output<TSchema> {
  const parsed = schema.safeParse(raw, { error: validationMessageKey });
  if (parsed.success) return parsed.data;
  const { fieldErrors, formErrors } = z.flattenError(parsed.error);
  throw invalid({ ...(fieldErrors as Record<string, string[]>), ...(formErrors.length ? { form: formErrors } : {}) });
}
