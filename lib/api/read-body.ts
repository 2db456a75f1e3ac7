// Reads a request body as a stream, up to a hard cap. Content-Length is only a hint: a client may
// omit it (chunked) or lie, so the bytes are counted as they arrive and the stream is cancelled
// as soon as the cap is passed — an oversized body is never held in memory.

export type TBodyRead = { ok: true; bytes: Uint8Array } | { ok: false; reason: "too-large" };

export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<TBodyRead> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: "too-large" };
  if (!request.body) return { ok: true, bytes: new Uint8Array() };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, reason: "too-large" };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}

/** UTF-8 text of the body, then JSON; undefined when either is malformed. */
export function parseJsonBody(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false };
  }
}
