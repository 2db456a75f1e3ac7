import { describe, expect, it } from "vitest";
import {
  actionSuggestions,
  auditSearchString,
  MAX_AUDIT_ID,
  parseAuditLogFilter,
  ZAuditCursor,
} from "./schemas";

describe("parseAuditLogFilter", () => {
  it("reads each filter from its URL parameter", () => {
    expect(
      parseAuditLogFilter({
        action: "user.",
        actor: "u1",
        entityType: "User",
        entity: "u2",
        from: "2026-11-01",
        to: "2026-11-25",
        before: "120",
      }),
    ).toEqual({
      filter: {
        action: "user.",
        actorId: "u1",
        entityType: "User",
        entityId: "u2",
        from: "2026-11-01",
        to: "2026-11-25",
        before: "120",
      },
      ignored: [],
    });
  });

  it("treats empty values as no filter and takes the first of repeated ones", () => {
    expect(parseAuditLogFilter({ action: "", actor: ["u1", "u2"], from: "  " })).toEqual({
      filter: { actorId: "u1" },
      ignored: [],
    });
  });

  it("leaves out what does not parse, names it, and keeps the rest", () => {
    expect(
      parseAuditLogFilter({
        action: "user.%",
        from: "2026-02-30",
        before: "12abc",
        entityType: "User",
      }),
    ).toEqual({
      filter: { entityType: "User" },
      ignored: ["action", "from", "before"],
    });
  });

  it("takes a cursor up to the largest bigint and leaves out a larger one, whatever its digits", () => {
    expect(parseAuditLogFilter({ before: "9223372036854775807" })).toEqual({
      filter: { before: "9223372036854775807" },
      ignored: [],
    });
    expect(parseAuditLogFilter({ before: "0009223372036854775" })).toEqual({
      filter: { before: "0009223372036854775" },
      ignored: [],
    });
    for (const before of [
      "9223372036854775808",
      "9999999999999999999",
      "18446744073709551616",
      "-1",
      "1e3",
      "0x10",
    ]) {
      expect(parseAuditLogFilter({ before }), before).toEqual({ filter: {}, ignored: ["before"] });
    }
  });

  it("reads a range given the wrong way round the right way", () => {
    expect(parseAuditLogFilter({ from: "2026-11-25", to: "2026-11-01" }).filter).toEqual({
      from: "2026-11-01",
      to: "2026-11-25",
    });
  });
});

describe("ZAuditCursor", () => {
  it("is exactly the ids PostgreSQL's bigint holds, and never throws on what it refuses", () => {
    expect(MAX_AUDIT_ID).toBe(2n ** 63n - 1n);
    expect(ZAuditCursor.safeParse(MAX_AUDIT_ID.toString()).success).toBe(true);
    expect(ZAuditCursor.safeParse((MAX_AUDIT_ID + 1n).toString()).success).toBe(false);
    for (const refused of ["", "12abc", " 1", "１２", 12, null])
      expect(ZAuditCursor.safeParse(refused).success, String(refused)).toBe(false);
  });
});

describe("auditSearchString", () => {
  it("writes back what it reads, leaving out empty fields, with patches", () => {
    const filter = { action: "user.", actorId: "u1", before: "99" };
    expect(auditSearchString(filter)).toBe("?action=user.&actor=u1&before=99");
    expect(auditSearchString(filter, { before: undefined })).toBe("?action=user.&actor=u1");
    expect(
      parseAuditLogFilter(Object.fromEntries(new URLSearchParams(auditSearchString(filter))))
        .filter,
    ).toEqual(filter);
    expect(auditSearchString({})).toBe("");
  });
});

describe("actionSuggestions", () => {
  it("offers each group first, then the actions", () => {
    expect(
      actionSuggestions(["user.create", "auth.sign_in", "user.role_change", "legacy"]),
    ).toEqual(["auth.", "user.", "auth.sign_in", "legacy", "user.create", "user.role_change"]);
  });
});
