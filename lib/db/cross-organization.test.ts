import { describe, expect, it } from "vitest";
import { missedLookupOf } from "./cross-organization";

const scoped = { where: { id: "j1", organizationId: "org-a", archivedAt: null } };

describe("missedLookupOf", () => {
  it("names a lookup of one id in one organization that found nothing", () => {
    const missed = { id: "j1", organizationId: "org-a" };
    expect(missedLookupOf("findFirst", scoped, null)).toEqual(missed);
    expect(missedLookupOf("findUnique", scoped, null)).toEqual(missed);
    expect(missedLookupOf("findMany", scoped, [])).toEqual(missed);
    expect(missedLookupOf("count", scoped, 0)).toEqual(missed);
    expect(missedLookupOf("updateMany", scoped, { count: 0 })).toEqual(missed);
    expect(missedLookupOf("deleteMany", scoped, { count: 0 })).toEqual(missed);
  });

  it("ignores lookups that found something", () => {
    expect(missedLookupOf("findFirst", scoped, { id: "j1" })).toBeNull();
    expect(missedLookupOf("findMany", scoped, [{ id: "j1" }])).toBeNull();
    expect(missedLookupOf("count", scoped, 1)).toBeNull();
    expect(missedLookupOf("updateMany", scoped, { count: 1 })).toBeNull();
  });

  it("ignores queries that are not one id of one organization, and writes", () => {
    expect(missedLookupOf("findFirst", { where: { organizationId: "org-a" } }, null)).toBeNull();
    expect(missedLookupOf("findFirst", { where: { id: "j1" } }, null)).toBeNull();
    expect(
      missedLookupOf("findMany", { where: { id: { in: ["j1"] }, organizationId: "org-a" } }, []),
    ).toBeNull();
    expect(
      missedLookupOf("findFirst", { where: { id: "j1", organizationId: { in: ["org-a"] } } }, null),
    ).toBeNull();
    expect(missedLookupOf("findMany", undefined, [])).toBeNull();
    expect(missedLookupOf("create", scoped, null)).toBeNull();
    expect(missedLookupOf("aggregate", scoped, { count: 0 })).toBeNull();
  });
});
