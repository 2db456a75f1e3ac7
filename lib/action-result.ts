import { isAppError, type TErrorCode } from "./errors";

/** A refusal as every boundary answers it (actions, route handlers): a message key with per-field message keys. */
export type TFailure = {
  ok: false;
  code: TErrorCode | "INTERNAL";
  error: string;
  fieldErrors: Record<string, string[]>;
};

/** What every server action answers: data, or a failure. */
export type TActionResult<T> = { ok: true; data: T } | TFailure;

/**
 * An error as a failure: an AppError with its code, message key and field errors; anything else
 * is a bug — logged with where it happened, answered INTERNAL without its details.
 */
export function failureOf(error: unknown, where: string): TFailure {
  if (isAppError(error))
    return { ok: false, code: error.code, error: error.message, fieldErrors: error.fieldErrors };
  console.error(`Unexpected error in ${where}`, error);
  return { ok: false, code: "INTERNAL", error: "errors.INTERNAL", fieldErrors: {} };
}
