import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runSurveyImport } from "@/lib/imports/run";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import { buildJourney, type TFixture } from "./helpers/journey-fixture";
import { surveyCsv } from "../fixtures/imports/survey-files";

const ROWS = 100_000;
let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
let f: TFixture;

beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
  f = await buildJourney(cast.a.manager);
});

describe("survey import: volume", () => {
  it(
    `imports ${ROWS.toLocaleString("en")} CSV rows completely, in batches, with progress`,
    { timeout: 180_000 },
    async () => {
      const touchpoints = ["Counter", "Website", "Key drop"];
      const rows: (string | number)[][] = [
        ["응답ID", "접점", "응답일", "기대", "경험", "NPS", "의견"],
      ];
      for (let i = 0; i < ROWS; i++) {
        const day = String(1 + (i % 28)).padStart(2, "0");
        rows.push([
          `R${i}`,
          touchpoints[i % 3]!,
          `2026-10-${day} ${String(i % 24).padStart(2, "0")}:00`,
          1 + (i % 7),
          1 + ((i * 3) % 7),
          i % 11,
          i % 10 === 0 ? `응답 ${i}: 대기 시간이 길었어요, 직원은 친절했어요` : "",
        ]);
      }
      const bytes = surveyCsv(rows);
      const progress: number[] = [];
      const started = performance.now();
      const outcome = await runSurveyImport(
        cast.a.manager,
        { fileName: "100k.csv", bytes },
        {
          mapping: {
            touchpoint: { by: "name", column: "접점", journeyId: f.journeyId },
            observedAt: { by: "column", column: "응답일" },
            columns: {
              responseId: "응답ID",
              expectationScore: "기대",
              experiencedScore: "경험",
              nps: "NPS",
              comment: "의견",
            },
          },
        },
        { onProgress: ({ processedRows }) => progress.push(processedRows) },
      );
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `survey import: ${ROWS} rows (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB CSV) in ${seconds.toFixed(1)} s = ${Math.round(ROWS / seconds)} rows/s; ${outcome.followUpsOpened} follow-ups opened`,
      );
      expect(outcome).toMatchObject({
        status: "COMPLETED",
        counts: { rows: ROWS, valid: ROWS, invalid: 0, imported: ROWS, duplicates: 0 },
      });
      expect(await db.observation.count({ where: { importId: outcome.importId } })).toBe(ROWS);
      expect(progress.at(-1)).toBe(ROWS);
      expect(progress.length).toBeGreaterThan(10);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
    },
  );
});
