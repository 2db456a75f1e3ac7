import { describe, expect, it } from "vitest";
import { isCrossOriginPost } from "./same-origin";

const post = (headers: Record<string, string>) =>
  new Request("http://moments.example/measure/import/run", { method: "POST", headers });

describe("isCrossOriginPost", () => {
  it("accepts the app's own origin, by Host or by the proxy's X-Forwarded-Host", () => {
    expect(
      isCrossOriginPost(post({ origin: "http://moments.example", host: "moments.example" })),
    ).toBe(false);
    expect(
      isCrossOriginPost(
        post({
          origin: "https://cx.example.com",
          host: "127.0.0.1:3000",
          "x-forwarded-host": "cx.example.com",
        }),
      ),
    ).toBe(false);
  });

  it("refuses another site, a sandboxed frame's null origin and garbage", () => {
    expect(
      isCrossOriginPost(post({ origin: "https://evil.example", host: "moments.example" })),
    ).toBe(true);
    expect(isCrossOriginPost(post({ origin: "null", host: "moments.example" }))).toBe(true);
    expect(
      isCrossOriginPost(
        post({ origin: "http://moments.example.evil.example", host: "moments.example" }),
      ),
    ).toBe(true);
  });

  it("leaves requests without Origin (not a browser's POST) and GETs alone", () => {
    expect(isCrossOriginPost(post({ host: "moments.example" }))).toBe(false);
    expect(
      isCrossOriginPost(
        new Request("http://moments.example/x", { headers: { origin: "https://evil.example" } }),
      ),
    ).toBe(false);
  });
});
