import { POST } from "@/app/api/v1/observations/route";

// Calls the route handler itself with real Request objects: parsing, auth, rate limit,
// validation and storage run as they do behind Next.js, without a server.

const OBSERVATIONS_URL = "http://localhost/api/v1/observations";

export type TPostOptions = {
  secret?: string | null;
  idempotencyKey?: string;
  contentType?: string;
  address?: string;
  headers?: Record<string, string>;
};

/** POSTs a body (an object is sent as JSON, a string or a stream as it is). */
export function postObservations(
  body: unknown,
  {
    secret,
    idempotencyKey,
    contentType = "application/json",
    address,
    headers = {},
  }: TPostOptions = {},
) {
  const all: Record<string, string> = { "content-type": contentType, ...headers };
  if (secret) all.authorization = `Bearer ${secret}`;
  if (idempotencyKey !== undefined) all["idempotency-key"] = idempotencyKey;
  if (address) all["x-forwarded-for"] = address;
  const raw =
    typeof body === "string" || body instanceof ReadableStream ? body : JSON.stringify(body);
  return POST(
    new Request(OBSERVATIONS_URL, {
      method: "POST",
      headers: all,
      body: raw,
      duplex: "half",
    } as RequestInit),
  );
}
