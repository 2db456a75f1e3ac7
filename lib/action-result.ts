import type { TErrorCode } from "./errors";

/** What every server action answers: data, or a message key with per-field message keys. */
export type TActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: TErrorCode | "INTERNAL";
      error: string;
      fieldErrors: Record<string, string[]>;
    };
