import { describe, expect, it } from "vitest";
import {
  backupFileName,
  backupMigrationLevel,
  checksumLine,
  dependencyOrder,
  parseChecksumLine,
} from "./format";

const sum = (digit: string) => digit.repeat(64);

describe("dependencyOrder", () => {
  it("puts every table after the tables it references, alphabetically among equals", () => {
    expect(
      dependencyOrder(
        ["User", "Organization", "AuditLog", "Site"],
        [
          { from: "User", to: "Organization" },
          { from: "User", to: "Site" },
          { from: "Site", to: "Organization" },
          { from: "AuditLog", to: "User" },
          { from: "AuditLog", to: "Organization" },
        ],
      ),
    ).toEqual(["Organization", "Site", "User", "AuditLog"]);
  });

  it("ignores a table's reference to itself and references to tables not listed", () => {
    expect(
      dependencyOrder(
        ["B", "A"],
        [
          { from: "A", to: "A" },
          { from: "A", to: "_elsewhere" },
        ],
      ),
    ).toEqual(["A", "B"]);
  });

  it("names the tables of a cycle", () => {
    expect(() =>
      dependencyOrder(
        ["A", "B", "C"],
        [
          { from: "A", to: "B" },
          { from: "B", to: "A" },
        ],
      ),
    ).toThrow(/A, B form a cycle/);
  });
});

describe("backupMigrationLevel", () => {
  const known = [
    { name: "1_init", checksum: sum("a") },
    { name: "2_more", checksum: sum("b") },
    { name: "3_later", checksum: sum("c") },
  ];

  it("is the backup's last migration when the backup's are this version's first ones", () => {
    expect(backupMigrationLevel(known.slice(0, 2), known)).toBe("2_more");
    expect(backupMigrationLevel(known, known)).toBe("3_later");
  });

  it("refuses a migration this version does not have, or has changed", () => {
    expect(() =>
      backupMigrationLevel([...known, { name: "4_newer", checksum: sum("d") }], known),
    ).toThrow(/4_newer, which this version of Moments does not have/);
    expect(() => backupMigrationLevel([{ name: "1_init", checksum: sum("f") }], known)).toThrow(
      /1_init differs/,
    );
  });
});

describe("file names and checksums", () => {
  it("names a backup by its UTC time", () => {
    expect(backupFileName(new Date("2026-12-07T03:04:05.678Z"))).toBe(
      "moments-20261207T030405Z.backup.gz",
    );
  });

  it("writes and reads sha256sum's line", () => {
    const line = checksumLine(sum("0"), "moments-x.backup.gz");
    expect(line).toBe(`${sum("0")}  moments-x.backup.gz\n`);
    expect(parseChecksumLine(line)).toBe(sum("0"));
    expect(parseChecksumLine("not a checksum")).toBeNull();
  });
});
