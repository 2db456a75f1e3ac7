// The shape of every answer of the /api/v1 endpoints: JSON, a machine-readable `code`, an English
// `message` for the developer reading logs, and `details` naming the items and fields at fault.

export const API_ERROR_CODES = {
  malformed_json: 400,
  invalid_idempotency_key: 400,
  missing_api_key: 401,
  invalid_api_key: 401,
  revoked_api_key: 401,
  insufficient_scope: 403,
  idempotency_key_reused: 409,
  body_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  invalid_reference: 422,
  rate_limited: 429,
  internal_error: 500,
} as const;
export type TApiErrorCode = keyof typeof API_ERROR_CODES;

/** One problem of a request: which item of the batch (null: the request as a whole), which field, what is wrong. */
export type TApiProblemDetail = { index: number | null; field: string; message: string };

type TApiErrorBody = { code: TApiErrorCode; message: string; details?: TApiProblemDetail[] };

const NO_STORE = { "cache-control": "no-store" };

export function jsonAnswer(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function errorAnswer(
  code: TApiErrorCode,
  message: string,
  options: { details?: TApiProblemDetail[]; headers?: Record<string, string> } = {},
): Response {
  const body: TApiErrorBody = {
    code,
    message,
    ...(options.details ? { details: options.details } : {}),
  };
  return jsonAnswer(API_ERROR_CODES[code], body, options.headers);
}

/** The token of `Authorization: Bearer <token>` (scheme case-insensitive, RFC 6750), or null. */
export function bearerTokenOf(authorization: string | null): string | null {
  const match = /^Bearer +(\S+) *$/i.exec(authorization ?? "");
  return match ? match[1]! : null;
}

/** Whether Content-Type is application/json, with no charset or UTF-8 (RFC 8259 JSON is UTF-8). */
export function isJsonContentType(contentType: string | null): boolean {
  if (!contentType) return false;
  const [mediaType, ...parameters] = contentType
    .split(";")
    .map((part) => part.trim().toLowerCase());
  if (mediaType !== "application/json") return false;
  return parameters.every(
    (parameter) => !parameter.startsWith("charset=") || /^charset="?utf-8"?$/.test(parameter),
  );
}

/** Seconds to wait, as Retry-After wants them: a whole number, at least 1. */
export function retryAfterSeconds(milliseconds: number): string {
  return String(Math.max(1, Math.ceil(milliseconds / 1000)));
}
