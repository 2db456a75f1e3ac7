import { describe, expect, it } from "vitest";
import { parseJsonBody, readBodyWithLimit } from "./read-body";

const encoder = new TextEncoder();

/** A streamed body without Content-Length, in chunks, recording how much was pulled. */
function streamedRequest(chunks: number, chunkSize: number, headers: Record<string, string> = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(chunkSize).fill(0x20));
    },
  });
  const request = new Request("http://test/", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("readBodyWithLimit", () => {
  it("returns the whole body when it fits, up to exactly the cap", async () => {
    const request = new Request("http://test/", { method: "POST", body: "x".repeat(100) });
    const read = await readBodyWithLimit(request, 100);
    expect(read.ok && read.bytes.byteLength).toBe(100);
  });

  it("refuses a declared Content-Length over the cap without reading", async () => {
    const request = new Request("http://test/", {
      method: "POST",
      body: "{}",
      headers: { "content-length": "5000000" },
    });
    expect(await readBodyWithLimit(request, 1000)).toEqual({ ok: false, reason: "too-large" });
    expect(request.bodyUsed).toBe(false);
  });

  it("counts the bytes of a streamed body and stops pulling once past the cap", async () => {
    const { request, pulled } = streamedRequest(100, 1000);
    expect(await readBodyWithLimit(request, 2500)).toEqual({ ok: false, reason: "too-large" });
    expect(pulled()).toBeLessThan(10);
  });

  it("does not trust a Content-Length smaller than the body", async () => {
    const { request } = streamedRequest(5, 1000, { "content-length": "10" });
    expect(request.headers.get("content-length")).toBe("10");
    expect(await readBodyWithLimit(request, 2000)).toEqual({ ok: false, reason: "too-large" });
  });

  it("reads an empty body as no bytes", async () => {
    const read = await readBodyWithLimit(new Request("http://test/", { method: "POST" }), 10);
    expect(read.ok && read.bytes.byteLength).toBe(0);
  });
});

describe("parseJsonBody", () => {
  it("parses UTF-8 JSON, Korean included", () => {
    expect(parseJsonBody(encoder.encode('{"comment":"친절해요"}'))).toEqual({
      ok: true,
      value: { comment: "친절해요" },
    });
  });

  it("refuses malformed JSON, an empty body and invalid UTF-8", () => {
    expect(parseJsonBody(encoder.encode('{"observations": ['))).toEqual({ ok: false });
    expect(parseJsonBody(new Uint8Array())).toEqual({ ok: false });
    expect(parseJsonBody(new Uint8Array([0x22, 0xff, 0xfe, 0x22]))).toEqual({ ok: false });
  });
});
