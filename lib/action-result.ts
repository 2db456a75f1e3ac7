import type { TErrorCode } from "./errors";

/** A refusal as every boundary answers it (actions, route handlers): a message key with per-field message keys. */
export type TFailure = {
  ok: false;
  code: TErrorCode | "INTERNAL";
  error: string;
  fieldErrors: Record<string, string[]>;
};

/** What every server action answers: data, or a failure. */
export type TActionResult<T> = { ok: true; data: T } | TFailure;
