import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  escapeCopyText,
  formatTimestamp,
  LARGE_COPY_COLUMNS,
  largeClientId,
  largeIdPrefix,
  largeObservationId,
  toCopyLine,
} from "./copy-text";
import { rows, testRefs } from "./large-test-input";

describe("a large row as a COPY line", () => {
  it("has one tab-separated field per column, \\N for null, and the row's ids", () => {
    const row = rows.find((r) => r.driver === null && r.nps === null && r.comment !== "")!;
    const fields = toCopyLine(row, testRefs).slice(0, -1).split("\t");
    expect(toCopyLine(row, testRefs).endsWith("\n")).toBe(true);
    expect(fields).toHaveLength(LARGE_COPY_COLUMNS.length);
    const field = (column: (typeof LARGE_COPY_COLUMNS)[number]) =>
      fields[LARGE_COPY_COLUMNS.indexOf(column)];
    expect(field("organizationId")).toBe("org-large");
    expect(field("touchpointId")).toBe(`tp-${row.touchpoint}`);
    expect(field("driverId")).toBe("\\N");
    expect(field("nps")).toBe("\\N");
    expect(field("experiencedScore")).toBe(String(row.experiencedScore));
    expect(field("comment")).toBe(row.comment);
    expect(field("clientId")).toBe(`large:${row.index + 1}`);
    expect(field("observedAt")).toBe(
      new Date(row.observedAt).toISOString().replace("T", " ").slice(0, 23),
    );
    expect(field("createdAt")).toBe(field("observedAt"));
  });

  it("escapes what COPY's text format treats as special, and nothing else", () => {
    expect(escapeCopyText("a\tb\nc\\d\re")).toBe("a\\tb\\nc\\\\d\\re");
    expect(escapeCopyText("대기 시간이 너무 길었어요.")).toBe("대기 시간이 너무 길었어요.");
  });

  it("writes UTC timestamps as PostgreSQL reads them, on either side of midnight", () => {
    for (const ms of [
      0,
      1_767_225_599_999,
      1_782_000_000_123,
      Date.UTC(2026, 1, 28, 23, 59, 59, 5),
    ]) {
      expect(formatTimestamp(ms)).toBe(new Date(ms).toISOString().replace("T", " ").slice(0, 23));
    }
  });

  it("gives each row a deterministic UUID (version 8) that ascends with the row, and client ids from large:1", () => {
    const prefix = largeIdPrefix("org-a");
    expect(largeIdPrefix("org-a")).toBe(prefix);
    expect(largeIdPrefix("org-b")).not.toBe(prefix);
    const ids = [0, 1, 15, 16, 9_999_999, 10_000_000].map((i) => largeObservationId(prefix, i));
    for (const id of ids) expect(z.uuid().safeParse(id).success, id).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(largeClientId(0)).toBe("large:1");
  });
});
