import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { lockImportsOf } from "@/lib/imports/lock";
import { previewSurveyImport, runSurveyImport } from "@/lib/imports/run";
import type { TImportMappingInput } from "@/lib/imports/schemas";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import { buildJourney, type TFixture } from "./helpers/journey-fixture";
import { surveyCsv } from "../fixtures/imports/survey-files";

// One organization cannot starve the others: at most one import (or preview of a whole file) runs
// per organization, across every app process — a PostgreSQL advisory lock held by the import's
// transaction. Another organization's import goes on. (The lock dying with its process:
// faults/import-crash.int.test.ts.)

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
let a: TFixture;
let b: TFixture;

beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
  a = await buildJourney(cast.a.manager);
  b = await buildJourney(cast.b.manager);
});

const mapping = (f: TFixture): TImportMappingInput => ({
  touchpoint: { by: "fixed", touchpointId: f.mot },
  observedAt: { by: "fixed", date: "2026-11-20" },
  columns: { nps: "NPS", responseId: "ID" },
});
const file = (rows: number, tag: string) =>
  surveyCsv([["ID", "NPS"], ...Array.from({ length: rows }, (_, i) => [`${tag}-${i}`, i % 11])]);
const upload = (rows: number, tag: string) => ({ fileName: `${tag}.csv`, bytes: file(rows, tag) });
const importRunning = { code: "CONFLICT", message: "imports.errors.importRunning" };

describe("one import at a time per organization", () => {
  it("a second import of the same organization started alongside is refused; another organization's runs", async () => {
    const [first, second, other] = await Promise.allSettled([
      runSurveyImport(cast.a.manager, upload(3_000, "first"), { mapping: mapping(a) }),
      runSurveyImport(cast.a.manager, upload(3_000, "second"), { mapping: mapping(a) }),
      runSurveyImport(cast.b.manager, upload(3_000, "other"), { mapping: mapping(b) }),
    ]);
    const ofA = [first, second];
    expect(ofA.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(ofA.find((r) => r.status === "rejected")).toMatchObject({ reason: importRunning });
    expect(other).toMatchObject({ status: "fulfilled", value: { status: "COMPLETED" } });
    expect(await db.observation.count({ where: { organizationId: cast.a.organization.id } })).toBe(
      3_000,
    );
  });

  it("while one runs, the preview of a whole file waits its turn; reading only the header does not", async () => {
    const options = { mapping: mapping(a) };
    await db.$transaction(async (tx) => {
      await lockImportsOf(tx, cast.a.organization.id);
      await expect(
        previewSurveyImport(cast.a.manager, upload(10, "p"), options),
      ).rejects.toMatchObject(importRunning);
      await expect(runSurveyImport(cast.a.manager, upload(10, "r"), options)).rejects.toMatchObject(
        importRunning,
      );
      expect(await previewSurveyImport(cast.a.manager, upload(10, "h"), {})).toMatchObject({
        headers: ["ID", "NPS"],
      });
      expect(
        await runSurveyImport(cast.b.manager, upload(10, "b"), { mapping: mapping(b) }),
      ).toMatchObject({ status: "COMPLETED" });
    });
    // The lock ends with the transaction that held it.
    expect(await runSurveyImport(cast.a.manager, upload(10, "r"), options)).toMatchObject({
      status: "COMPLETED",
    });
    expect(await db.surveyImport.count({ where: { organizationId: cast.a.organization.id } })).toBe(
      1,
    );
  });
});
