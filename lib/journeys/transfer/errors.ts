/** One problem in an imported file: where it is and what is wrong, as a message key. */
export type TTransferError = { line: number | null; field: string; code: string; value?: string };

export type TTransferResult<T> =
  { ok: true; document: T } | { ok: false; errors: TTransferError[] };

/** Files above this size are refused before parsing: a journey of 1,000 touchpoints is ~300 KB. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
/** The error report stops listing after this many problems. */
export const MAX_REPORTED_ERRORS = 200;
