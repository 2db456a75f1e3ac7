import "server-only";
import { z } from "zod";
import { authenticateApiKey, hasScope } from "@/lib/api-keys/authenticate";
import { auditRefusal } from "@/lib/audit/refusals";
import { requestMetaFrom } from "@/lib/audit/request-meta";
import { MAX_OBSERVATIONS_PER_BATCH } from "@/lib/observations/limits";
import { ZObservationBatch } from "@/lib/observations/schemas";
import {
  bearerTokenOf,
  errorAnswer,
  isJsonContentType,
  jsonAnswer,
  retryAfterSeconds,
} from "./http";
import { derivedClientId, hashRequestBody, idempotencyKeyOf } from "./idempotency";
import {
  findIdempotentAnswer,
  ingestObservations,
  type TIngestOutcome,
} from "./ingest-observations";
import { MAX_BODY_BYTES } from "./limits";
import { detailsOfReferenceProblems, detailsOfZodError, summarizeDetails } from "./problems";
import { checkFailedAuth, consumeKeyRequest, recordFailedAuth } from "./rate-limit";
import { parseJsonBody, readBodyWithLimit } from "./read-body";

const ZIngestBody = z.object({ observations: ZObservationBatch }).strict();

/**
 * POST /api/v1/observations, from the raw Request to the Response (Web standard objects, no
 * Next.js): cheap refusals first (key, rate, scope, headers, size), then the body, then
 * the database. Every refusal stores nothing.
 */
export async function postObservations(request: Request): Promise<Response> {
  try {
    return await handle(request);
  } catch (error) {
    console.error("POST /api/v1/observations failed", error);
    return errorAnswer(
      "internal_error",
      "Something went wrong on our side. Nothing was stored; retrying with the same Idempotency-Key is safe.",
    );
  }
}

async function handle(request: Request): Promise<Response> {
  const secret = bearerTokenOf(request.headers.get("authorization"));
  if (!secret)
    return errorAnswer("missing_api_key", "Send an API key: Authorization: Bearer mk_live_….", {
      headers: { "www-authenticate": "Bearer" },
    });
  const authentication = await authenticateApiKey(secret);
  const meta = requestMetaFrom(request.headers);
  if (!authentication.ok) {
    // Only failing requests are counted and stopped: a valid key is never refused because of
    // its address (the address comes from X-Forwarded-For, which a client can forge).
    const address = meta.ipAddress || "unknown";
    const blocked = await checkFailedAuth(address);
    if (!blocked.ok)
      return errorAnswer(
        "rate_limited",
        "Too many failed authentications from this address. Try again later.",
        { headers: { "retry-after": retryAfterSeconds(blocked.retryAfterMs) } },
      );
    await recordFailedAuth(address);
    if (authentication.reason === "unknown")
      return errorAnswer("invalid_api_key", "Unknown API key.", {
        headers: { "www-authenticate": 'Bearer error="invalid_token"' },
      });
    // A revoked key still names its organization, whose admins should see it being used; an
    // unknown key names nobody and is not written (lib/audit/refusals.ts).
    await auditRefusal({
      kind: "api_key_revoked",
      organizationId: authentication.organizationId,
      actorId: null,
      entity: { type: "ApiKey", id: authentication.apiKeyId },
      details: { path: new URL(request.url).pathname },
      meta,
    });
    return errorAnswer(
      "revoked_api_key",
      "This API key has been revoked. Ask an admin of your organization for a new one.",
      { headers: { "www-authenticate": 'Bearer error="invalid_token"' } },
    );
  }
  const { client } = authentication;

  const rate = await consumeKeyRequest(client.apiKeyId);
  if (!rate.ok)
    return errorAnswer("rate_limited", "Too many requests with this API key. Wait, then retry.", {
      headers: { "retry-after": retryAfterSeconds(rate.retryAfterMs) },
    });
  if (!hasScope(client, "observations:write")) {
    await auditRefusal({
      kind: "api_scope_missing",
      organizationId: client.organizationId,
      actorId: null,
      entity: { type: "ApiKey", id: client.apiKeyId },
      details: { scope: "observations:write", path: new URL(request.url).pathname },
      meta,
    });
    return errorAnswer("insufficient_scope", "This API key lacks the scope observations:write.");
  }
  if (!isJsonContentType(request.headers.get("content-type")))
    return errorAnswer(
      "unsupported_media_type",
      "Send the body as Content-Type: application/json.",
    );

  const idempotencyKey = idempotencyKeyOf(request.headers.get("idempotency-key"));
  if (idempotencyKey === "invalid")
    return errorAnswer(
      "invalid_idempotency_key",
      "Idempotency-Key must be 1 to 200 visible ASCII characters.",
    );

  const body = await readBodyWithLimit(request, MAX_BODY_BYTES);
  if (!body.ok)
    return errorAnswer(
      "body_too_large",
      `The body is larger than ${MAX_BODY_BYTES} bytes. Send fewer observations per request.`,
    );
  const idempotency =
    idempotencyKey === null
      ? null
      : { key: idempotencyKey, requestHash: hashRequestBody(body.bytes) };
  if (idempotency) {
    // A retry of a committed request is answered here, without parsing or a transaction.
    const earlier = await findIdempotentAnswer(client, idempotency);
    if (earlier) return answerOf(earlier);
  }

  const json = parseJsonBody(body.bytes);
  if (!json.ok) return errorAnswer("malformed_json", "The body is not valid JSON (UTF-8).");
  const parsed = ZIngestBody.safeParse(json.value, { reportInput: true });
  if (!parsed.success) {
    const { message, details } = summarizeDetails(
      detailsOfZodError(parsed.error),
      `Invalid batch (at most ${MAX_OBSERVATIONS_PER_BATCH} observations)`,
    );
    return errorAnswer("validation_failed", message, { details });
  }
  const observations = idempotency
    ? parsed.data.observations.map((item, index) =>
        item.clientId
          ? item
          : { ...item, clientId: derivedClientId(client.apiKeyId, idempotency.key, index) },
      )
    : parsed.data.observations;
  return answerOf(await ingestObservations({ client, observations, idempotency }));
}

function answerOf(outcome: TIngestOutcome): Response {
  switch (outcome.kind) {
    case "stored":
      return jsonAnswer(outcome.status, outcome.answer);
    case "replayed":
      return jsonAnswer(outcome.status, outcome.answer, { "idempotent-replayed": "true" });
    case "key-reused":
      return errorAnswer(
        "idempotency_key_reused",
        "This Idempotency-Key was already used with another body. Use a new key for a new batch.",
      );
    case "invalid-references": {
      const { message, details } = summarizeDetails(
        detailsOfReferenceProblems(outcome.problems),
        "Unknown or unusable references",
      );
      return errorAnswer("invalid_reference", message, { details });
    }
  }
}
