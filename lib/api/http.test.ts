import { describe, expect, it } from "vitest";
import {
  API_ERROR_CODES,
  bearerTokenOf,
  errorAnswer,
  isJsonContentType,
  retryAfterSeconds,
} from "./http";

describe("bearerTokenOf", () => {
  it("takes the token of a Bearer authorization, whatever the scheme's case", () => {
    expect(bearerTokenOf("Bearer mk_live_abc")).toBe("mk_live_abc");
    expect(bearerTokenOf("bearer  mk_live_abc ")).toBe("mk_live_abc");
  });

  it("refuses no header, another scheme, an empty or spaced token", () => {
    for (const header of [
      null,
      "",
      "Basic dXNlcjpwYXNz",
      "Bearer",
      "Bearer ",
      "Bearer a b",
      "mk_live_abc",
    ])
      expect(bearerTokenOf(header)).toBeNull();
  });
});

describe("isJsonContentType", () => {
  it("accepts application/json, with no charset or UTF-8", () => {
    for (const type of [
      "application/json",
      "Application/JSON",
      "application/json; charset=utf-8",
      'application/json;charset="UTF-8"',
    ])
      expect(isJsonContentType(type)).toBe(true);
  });

  it("refuses other types and other charsets", () => {
    for (const type of [
      null,
      "",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json; charset=latin1",
      "application/jsonx",
    ]) {
      expect(isJsonContentType(type)).toBe(false);
    }
  });
});

describe("errorAnswer", () => {
  it("answers JSON with the code's status, the code, the message and the details", async () => {
    const answer = errorAnswer("invalid_reference", "Unknown", {
      details: [{ index: 2, field: "touchpointId", message: "No touchpoint" }],
      headers: { "x-test": "1" },
    });
    expect(answer.status).toBe(422);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("x-test")).toBe("1");
    expect(await answer.json()).toEqual({
      code: "invalid_reference",
      message: "Unknown",
      details: [{ index: 2, field: "touchpointId", message: "No touchpoint" }],
    });
  });

  it("maps every code to a 4xx or 5xx status", () => {
    for (const status of Object.values(API_ERROR_CODES)) expect(status).toBeGreaterThanOrEqual(400);
    expect(API_ERROR_CODES.rate_limited).toBe(429);
    expect(API_ERROR_CODES.body_too_large).toBe(413);
  });
});

describe("retryAfterSeconds", () => {
  it("rounds up to whole seconds, at least one", () => {
    expect(retryAfterSeconds(0)).toBe("1");
    expect(retryAfterSeconds(1)).toBe("1");
    expect(retryAfterSeconds(1001)).toBe("2");
    expect(retryAfterSeconds(59_000)).toBe("59");
  });
});
