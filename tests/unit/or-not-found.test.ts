import { describe, expect, it, vi } from "vitest";
import { AppError, notFound } from "@/lib/errors";
import { orNotFound } from "@/app/_lib/or-not-found";

// next/navigation's notFound() throws to render the 404 page; here it throws a marker.
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("404 page");
  },
}));

describe("orNotFound", () => {
  it("answers the read's value", async () => {
    expect(await orNotFound(Promise.resolve(42))).toBe(42);
  });

  it("renders the 404 page for NOT_FOUND, and for VALIDATION only when asked", async () => {
    await expect(orNotFound(Promise.reject(notFound("projectId")))).rejects.toThrow("404 page");
    const invalid = () => Promise.reject(new AppError("VALIDATION"));
    await expect(orNotFound(invalid())).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(orNotFound(invalid(), { invalidIsNotFound: true })).rejects.toThrow("404 page");
  });

  it("lets every other error through", async () => {
    await expect(orNotFound(Promise.reject(new AppError("FORBIDDEN")))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const bug = new Error("bug");
    await expect(orNotFound(Promise.reject(bug))).rejects.toBe(bug);
  });
});
