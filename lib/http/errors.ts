import { failureOf, type TFailure } from "@/lib/action-result";

// The one answer of every route handler of the app that refuses a request: the status of the
// AppError's code and, as the body, the failure a server action answers with (message keys, so
// the browser shows it in the user's language). Plain Request/Response, no Next.js. The public
// ingestion API (lib/api/) keeps its own documented English errors (docs/api/openapi.yaml).

const STATUS: Record<TFailure["code"], number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  INTERNAL: 500,
};

/** The response of a refused request: JSON, never cached, with its code's status unless one is given. */
export function errorResponse(error: unknown, options: { status?: number } = {}): Response {
  const failure = failureOf(error, "a route handler");
  return Response.json(failure, {
    status: options.status ?? STATUS[failure.code],
    headers: { "Cache-Control": "no-store" },
  });
}
