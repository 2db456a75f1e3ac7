import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError, invalid, notFound } from "@/lib/errors";
import { errorResponse } from "./errors";

const answer = async (response: Response) => ({
  status: response.status,
  cacheControl: response.headers.get("cache-control"),
  body: (await response.json()) as unknown,
});

describe("errorResponse", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers each AppError code with its status and the failure an action answers", async () => {
    const statuses = {
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      VALIDATION: 400,
      CONFLICT: 409,
    } as const;
    for (const [code, status] of Object.entries(statuses))
      expect(await answer(errorResponse(new AppError(code as keyof typeof statuses)))).toEqual({
        status,
        cacheControl: "no-store",
        body: { ok: false, code, error: `errors.${code}`, fieldErrors: {} },
      });
    expect((await answer(errorResponse(notFound("journeyId")))).body).toEqual({
      ok: false,
      code: "NOT_FOUND",
      error: "errors.NOT_FOUND",
      fieldErrors: { journeyId: ["errors.NOT_FOUND"] },
    });
  });

  it("takes another status when the route has a more precise one", async () => {
    const tooLarge = new AppError("VALIDATION", "imports.errors.tooLarge");
    expect((await answer(errorResponse(tooLarge, { status: 413 }))).status).toBe(413);
    expect((await answer(errorResponse(invalid({ format: ["x"] }), {}))).status).toBe(400);
  });

  it("answers anything else as INTERNAL, 500, without its details, and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const bug = new Error("connection string postgres://secret@db");
    expect(await answer(errorResponse(bug))).toEqual({
      status: 500,
      cacheControl: "no-store",
      body: { ok: false, code: "INTERNAL", error: "errors.INTERNAL", fieldErrors: {} },
    });
    expect(log).toHaveBeenCalledWith(expect.any(String), bug);
  });
});
