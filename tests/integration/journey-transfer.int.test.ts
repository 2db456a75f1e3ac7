import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/permissions";
import type { TJourneyDocument } from "@/lib/journeys/document";
import { saveExpectation } from "@/lib/journeys/expectations";
import { exportJourney } from "@/lib/journeys/export";
import { importJourney } from "@/lib/journeys/import";
import type { TImportResult } from "@/lib/journeys/schemas";
import { createJourney } from "@/lib/journeys/mutations";
import { saveStage } from "@/lib/journeys/stages";
import { saveTouchpoint, setMomentOfTruth } from "@/lib/journeys/touchpoints";
import { CSV_COLUMNS, journeyToCsv } from "@/lib/journeys/transfer/csv";
import { journeyToJson } from "@/lib/journeys/transfer/json";
import { saveSegment } from "@/lib/segments/mutations";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
});

const versionOf = async (journeyId: string) =>
  (await db.journey.findUniqueOrThrow({ where: { id: journeyId }, select: { version: true } }))
    .version;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A journey with everything a document can hold: an MOT with drivers (importance stated, zero,
 * and left to the data) and an expectation per segment (two segments), awkward names (commas, quotes, new lines, formula-like starts),
 * descriptions, and an empty stage.
 */
async function buildRichJourney(actor: TActor) {
  const { id: journeyId } = await createJourney(actor, {
    nameKo: "렌터카 여정",
    nameEn: "Car rental",
    description: "예약부터 반납까지",
  });
  let version = 1;
  const booking = await saveStage(actor, {
    journeyId,
    version,
    nameKo: "예약",
    nameEn: "Booking, online",
    description: '웹 "또는" 전화',
  });
  const pickup = await saveStage(actor, {
    journeyId,
    version: booking.version,
    nameKo: "인수",
    nameEn: "Pick-up",
  });
  const empty = await saveStage(actor, {
    journeyId,
    version: pickup.version,
    nameKo: "빈 단계",
    nameEn: "",
    description: "아직 접점 없음",
  });
  version = empty.version;
  const mot = await saveTouchpoint(actor, {
    journeyId,
    version,
    stageId: pickup.id,
    nameKo: "카운터 없이 바로 배정",
    nameEn: "Straight to the car",
    description: "Members skip the counter;\nkeys in the car",
    channel: "IN_PERSON",
    dimension: "FRONTLINE_STAFF",
    isMoT: true,
    drivers: [
      {
        nameKo: "대기 시간",
        nameEn: "Waiting time",
        kind: "RATIONAL",
        dimension: "PRODUCT_SERVICE",
        statedImportance: 0.8,
      },
      {
        nameKo: "환대받는 느낌",
        nameEn: "Feeling welcome",
        kind: "EMOTIONAL",
        dimension: "FRONTLINE_STAFF",
        statedImportance: null,
      },
      {
        nameKo: "안내 문자",
        nameEn: "",
        kind: "RATIONAL",
        dimension: "MARKETING_COMMUNICATION",
        statedImportance: 0,
      },
    ],
  });
  version = mot.version;
  for (const touchpoint of [
    {
      stageId: booking.id,
      nameKo: '웹 예약, "빠른" 선택',
      nameEn: "Web booking",
      channel: "WEB" as const,
      dimension: "PRODUCT_SERVICE" as const,
    },
    {
      stageId: booking.id,
      nameKo: "-마이너스로 시작",
      nameEn: "+plus first",
      description: "@mention 'quoted'",
      channel: "PHONE" as const,
      dimension: "MARKETING_COMMUNICATION" as const,
    },
    {
      stageId: pickup.id,
      nameKo: "주차장 안내",
      nameEn: "Parking signs",
      channel: "OTHER" as const,
      dimension: "MARKETING_COMMUNICATION" as const,
    },
  ]) {
    version = (await saveTouchpoint(actor, { journeyId, version, ...touchpoint })).version;
  }
  const { id: members } = await saveSegment(actor, { nameKo: "회원", nameEn: "Members" });
  await sleep(5); // distinct creation times: expectations are listed in segment creation order
  const { id: walkIns } = await saveSegment(actor, { nameKo: "비회원", nameEn: "Walk-ins" });
  await saveExpectation(actor, {
    touchpointId: mot.id,
    segmentId: members,
    needs: "No counter, no queue",
    expectedLevel: 6.5,
  });
  await saveExpectation(actor, {
    touchpointId: mot.id,
    segmentId: walkIns,
    needs: "A short, friendly check-in",
    expectedLevel: 5,
  });
  return { journeyId, motId: mot.id, pickupId: pickup.id };
}

const counts = async () => ({
  journeys: await db.journey.count(),
  stages: await db.stage.count(),
  touchpoints: await db.touchpoint.count(),
  drivers: await db.loyaltyDriver.count(),
  expectations: await db.expectation.count(),
  segments: await db.segment.count(),
});

function expectImported(
  result: TImportResult,
): asserts result is Extract<TImportResult, { ok: true }> {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors)}`);
}

/** What a CSV carries: the structure, without expectations, and without the journey's description. */
const structureOf = (document: TJourneyDocument): TJourneyDocument => ({
  ...document,
  description: "",
  stages: document.stages.map((s) => ({
    ...s,
    touchpoints: s.touchpoints.map((t) => ({ ...t, expectations: [] })),
  })),
});

describe("export -> import -> export", () => {
  it("is lossless for JSON, expectations per segment included, and reuses the organization's segments", async () => {
    const { journeyId } = await buildRichJourney(cast.a.manager);
    const first = await exportJourney(cast.a.manager, journeyId);
    expect(first.stages.map((s) => s.touchpoints.length)).toEqual([2, 2, 0]);
    expect(first.stages[1]!.touchpoints[0]!.expectations.map((e) => e.segmentNameEn)).toEqual([
      "Members",
      "Walk-ins",
    ]);
    expect(first.stages[1]!.touchpoints[0]!.drivers.map((d) => d.statedImportance)).toEqual([
      0.8,
      null,
      0,
    ]);
    const before = await counts();

    const result = await importJourney(cast.a.manager, {
      format: "json",
      content: journeyToJson(first),
    });
    expectImported(result);
    expect(result).toMatchObject({ stageCount: 3, touchpointCount: 4 });
    expect(result.id).not.toBe(journeyId);

    const second = await exportJourney(cast.a.manager, result.id);
    expect(second).toEqual(first);
    // Segments are matched by name: none created, and the copy's expectations point at the same two.
    expect(await counts()).toEqual({
      ...before,
      journeys: before.journeys + 1,
      stages: before.stages + 3,
      touchpoints: before.touchpoints + 4,
      drivers: before.drivers + 3,
      expectations: 4,
    });
    expect(await db.journey.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({
      organizationId: cast.a.organization.id,
      templateKey: null,
      version: 1,
      archivedAt: null,
    });
  });

  it("is lossless for JSON into another organization, which gets segments of its own", async () => {
    const { journeyId } = await buildRichJourney(cast.a.manager);
    const first = await exportJourney(cast.a.manager, journeyId);
    const result = await importJourney(cast.b.manager, {
      format: "json",
      content: journeyToJson(first),
    });
    expectImported(result);
    expect(await exportJourney(cast.b.manager, result.id)).toEqual(first);
    expect(
      await db.segment.findMany({
        where: { organizationId: cast.b.organization.id },
        select: { nameEn: true },
        orderBy: { nameEn: "asc" },
      }),
    ).toEqual([{ nameEn: "Members" }, { nameEn: "Walk-ins" }]);
    await expect(exportJourney(cast.b.manager, journeyId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("JSON import takes the journey name given with it", async () => {
    const { journeyId } = await buildRichJourney(cast.a.manager);
    const result = await importJourney(cast.a.manager, {
      format: "json",
      content: journeyToJson(await exportJourney(cast.a.manager, journeyId)),
      nameKo: "사본",
      nameEn: "Copy",
    });
    expectImported(result);
    expect(await exportJourney(cast.a.manager, result.id)).toMatchObject({
      nameKo: "사본",
      nameEn: "Copy",
      description: "예약부터 반납까지",
    });
  });

  it("is lossless for CSV in structure (no expectations; the name is given with the file)", async () => {
    const { journeyId } = await buildRichJourney(cast.a.manager);
    const first = await exportJourney(cast.a.manager, journeyId);
    const csv = journeyToCsv(first);
    const result = await importJourney(cast.a.manager, {
      format: "csv",
      content: csv,
      nameKo: first.nameKo,
      nameEn: first.nameEn,
    });
    expectImported(result);
    expect(result).toMatchObject({ stageCount: 3, touchpointCount: 4 });

    const second = await exportJourney(cast.a.manager, result.id);
    expect(second).toEqual(structureOf(first));
    expect(second.stages[1]!.touchpoints[0]!.drivers.map((d) => d.statedImportance)).toEqual([
      0.8,
      null,
      0,
    ]);
    expect(journeyToCsv(second)).toBe(csv);
    expect(await db.expectation.count({ where: { touchpoint: { journeyId: result.id } } })).toBe(0);
  });

  it("an MOT that was unmarked still exports a file that imports again", async () => {
    const { journeyId, motId } = await buildRichJourney(cast.a.manager);
    await setMomentOfTruth(cast.a.manager, {
      journeyId,
      version: await versionOf(journeyId),
      touchpointId: motId,
      isMoT: false,
    });
    const document = await exportJourney(cast.a.manager, journeyId);
    const result = await importJourney(cast.a.manager, {
      format: "json",
      content: journeyToJson(document),
    });
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

describe("bad files are refused with a reason per row, and nothing is stored", () => {
  const header = CSV_COLUMNS.join(",");
  const row = (overrides: Partial<Record<(typeof CSV_COLUMNS)[number], string>> = {}) =>
    CSV_COLUMNS.map(
      (c) =>
        (
          ({
            stage_order: "1",
            stage_name_ko: "예약",
            touchpoint_order: "1",
            touchpoint_name_ko: "전화",
            channel: "PHONE",
            dimension: "FRONTLINE_STAFF",
            is_mot: "false",
            ...overrides,
          }) as Record<string, string>
        )[c] ?? "",
    ).join(",");
  const csv = (...rows: string[]) => [header, ...rows].join("\r\n");
  const DRIVER = {
    nameKo: "대기",
    nameEn: "Waiting",
    kind: "RATIONAL",
    dimension: "PRODUCT_SERVICE",
  };
  const driversCell = (drivers: object[]) => `"${JSON.stringify(drivers).replaceAll('"', '""')}"`;
  const names = { nameKo: "가져오기", nameEn: "Import" };

  const CASES: { name: string; content: string; errors: object[] }[] = [
    {
      name: "wrong columns",
      content: "stage,name,channel\n1,Booking,WEB\n",
      errors: [
        { line: 1, field: "stage_order", code: "transfer.missingColumn" },
        { line: 1, field: "stage", code: "transfer.unknownColumn" },
      ],
    },
    {
      name: "columns in the wrong order",
      content: [["stage_name_ko", "stage_order", ...CSV_COLUMNS.slice(2)].join(","), row()].join(
        "\n",
      ),
      errors: [{ line: 1, field: "", code: "transfer.columnOrder" }],
    },
    {
      name: "an unknown dimension",
      content: csv(row(), row({ touchpoint_order: "2", dimension: "PRICE" })),
      errors: [{ line: 3, field: "dimension", code: "transfer.unknownValue", value: "PRICE" }],
    },
    {
      name: "a duplicate touchpoint_order",
      content: csv(row(), row({ touchpoint_name_ko: "중복" })),
      errors: [{ line: 3, field: "touchpoint_order", code: "transfer.duplicateOrder", value: "2" }],
    },
    {
      name: "a formula-like cell",
      content: csv(
        row(),
        row({
          touchpoint_order: "2",
          touchpoint_name_en: '"=HYPERLINK(""http://evil.example"",""click"")"',
        }),
      ),
      errors: [
        {
          line: 3,
          field: "touchpoint_name_en",
          code: "transfer.formula",
          value: '=HYPERLINK("http://evil.example","click")'.slice(0, 40),
        },
      ],
    },
    {
      name: 'a stated importance of 1.7 and of "high" in drivers cells',
      content: csv(
        row(),
        row({
          touchpoint_order: "2",
          drivers: driversCell([
            { ...DRIVER, statedImportance: 0.5 },
            { ...DRIVER, statedImportance: 1.7 },
          ]),
        }),
        row({
          touchpoint_order: "3",
          drivers: driversCell([{ ...DRIVER, statedImportance: "high" }]),
        }),
      ),
      errors: [
        { line: 3, field: "drivers", code: "transfer.badImportance", value: "1.7" },
        { line: 4, field: "drivers", code: "transfer.badImportance", value: '"high"' },
      ],
    },
    {
      name: "a row with too few cells",
      content: csv(row(), "1,예약,,"),
      errors: [{ line: 3, field: "", code: "transfer.wrongCellCount" }],
    },
  ];

  it.each(CASES)("CSV with $name", async ({ content, errors }) => {
    await buildRichJourney(cast.a.manager);
    const before = await counts();
    const result = await importJourney(cast.a.manager, { format: "csv", content, ...names });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual(
      expect.arrayContaining(errors.map((e) => expect.objectContaining(e))),
    );
    expect(await counts()).toEqual(before);
  });

  it('JSON with a stated importance of 1.7 or "high" is reported at each driver, and nothing is stored', async () => {
    const { journeyId } = await buildRichJourney(cast.a.manager);
    const document = JSON.parse(journeyToJson(await exportJourney(cast.a.manager, journeyId)));
    document.stages[1].touchpoints[0].drivers[0].statedImportance = 1.7;
    document.stages[1].touchpoints[0].drivers[2].statedImportance = "high";
    const before = await counts();
    expect(
      await importJourney(cast.a.manager, { format: "json", content: JSON.stringify(document) }),
    ).toEqual({
      ok: false,
      errors: [
        {
          line: null,
          field: "stages.1.touchpoints.0.drivers.0.statedImportance",
          code: "transfer.badImportance",
        },
        {
          line: null,
          field: "stages.1.touchpoints.0.drivers.2.statedImportance",
          code: "transfer.badImportance",
        },
      ],
    });
    expect(await counts()).toEqual(before);
  });

  it("an unterminated quote is reported on the line it is on", async () => {
    const content = csv(
      row(),
      row({ touchpoint_order: "2" }),
      row({ touchpoint_order: "3", touchpoint_name_ko: '"unterminated' }),
    );
    const result = await importJourney(cast.a.manager, { format: "csv", content, ...names });
    expect(!result.ok && result.errors.filter((e) => e.code === "transfer.badCsv")).toEqual([
      { line: 4, field: "", code: "transfer.badCsv" },
    ]);
    expect(await counts()).toEqual({
      journeys: 0,
      stages: 0,
      touchpoints: 0,
      drivers: 0,
      expectations: 0,
      segments: 0,
    });
  });

  it("a good row does not get stored when another row is bad (all or nothing)", async () => {
    const result = await importJourney(cast.a.manager, {
      format: "csv",
      content: csv(row(), row({ touchpoint_order: "2", is_mot: "maybe" })),
      ...names,
    });
    expect(result).toEqual({
      ok: false,
      errors: [{ line: 3, field: "is_mot", code: "transfer.badBoolean", value: "maybe" }],
    });
    expect(await counts()).toEqual({
      journeys: 0,
      stages: 0,
      touchpoints: 0,
      drivers: 0,
      expectations: 0,
      segments: 0,
    });
  });

  it("a 5 MB garbage string is refused before parsing: VALIDATION transfer.tooLarge", async () => {
    const garbage = Array.from({ length: 5 * 1024 * 1024 }, (_, i) =>
      String.fromCharCode(32 + ((i * 7919) % 95)),
    ).join("");
    for (const format of ["csv", "json"] as const) {
      await expect(
        importJourney(cast.a.manager, { format, content: garbage, ...names }),
      ).rejects.toMatchObject({
        name: "AppError",
        code: "VALIDATION",
        fieldErrors: { content: ["transfer.tooLarge"] },
      });
    }
    expect(await counts()).toEqual({
      journeys: 0,
      stages: 0,
      touchpoints: 0,
      drivers: 0,
      expectations: 0,
      segments: 0,
    });
  });

  it("garbage under the size limit is reported, capped at 200 errors, and stores nothing", async () => {
    const garbage = Array.from(
      { length: 20_000 },
      (_, i) => `\u0000\u0007${"x".repeat(i % 50)},"unterminated`,
    ).join("\n");
    const asCsv = await importJourney(cast.a.manager, {
      format: "csv",
      content: garbage,
      ...names,
    });
    expect(asCsv.ok).toBe(false);
    expect(!asCsv.ok && asCsv.errors.length).toBeGreaterThan(0);
    expect(!asCsv.ok && asCsv.errors.length).toBeLessThanOrEqual(200);
    expect(await importJourney(cast.a.manager, { format: "json", content: garbage })).toEqual({
      ok: false,
      errors: [{ line: null, field: "", code: "transfer.notJson" }],
    });
    expect(await counts()).toEqual({
      journeys: 0,
      stages: 0,
      touchpoints: 0,
      drivers: 0,
      expectations: 0,
      segments: 0,
    });
  });

  it("the size limit counts bytes, not characters", async () => {
    const content = "가".repeat(800_000);
    expect(Buffer.byteLength(content, "utf8")).toBeGreaterThan(2 * 1024 * 1024);
    await expect(
      importJourney(cast.a.manager, { format: "csv", content, ...names }),
    ).rejects.toMatchObject({
      name: "AppError",
      code: "VALIDATION",
      fieldErrors: { content: ["transfer.tooLarge"] },
    });
    expect(await db.journey.count()).toBe(0);
  });

  it("a CSV without a journey name is a VALIDATION error; a JSON file may omit it", async () => {
    await expect(
      importJourney(cast.a.manager, { format: "csv", content: csv(row()) }),
    ).rejects.toMatchObject({ name: "AppError", code: "VALIDATION" });
    expect(await db.journey.count()).toBe(0);
  });
});

describe("CSV export", () => {
  it("escapes cells beginning with = + - @, and reads them back unescaped", async () => {
    const { journeyId, pickupId } = await buildRichJourney(cast.a.manager);
    const version = await versionOf(journeyId);
    await saveTouchpoint(cast.a.manager, {
      journeyId,
      version,
      stageId: pickupId,
      nameKo: "=cmd",
      nameEn: "@SUM(A1)",
      description: "+1 234",
      channel: "APP",
      dimension: "PRODUCT_SERVICE",
    });
    const document = await exportJourney(cast.a.manager, journeyId);
    const text = journeyToCsv(document);

    expect(text).toContain("'=cmd");
    expect(text).toContain("'@SUM(A1)");
    expect(text).toContain("'+1 234");
    expect(text).toContain("'-마이너스로 시작");
    expect(text).toContain("'+plus first");
    expect(text).toContain("'@mention");
    // No cell of the file starts with a formula character (quoted or not).
    expect(text.replace(/^\uFEFF/, "")).not.toMatch(/(^|,)"?[=+\-@]/m);

    const result = await importJourney(cast.a.manager, {
      format: "csv",
      content: text,
      nameKo: "사본",
      nameEn: "Copy",
    });
    expectImported(result);
    const copy = await exportJourney(cast.a.manager, result.id);
    expect(copy.stages[1]!.touchpoints[2]).toMatchObject({
      nameKo: "=cmd",
      nameEn: "@SUM(A1)",
      description: "+1 234",
    });
  });
});
