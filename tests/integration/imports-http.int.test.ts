import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { handlePreviewRequest, handleRunRequest } from "@/lib/imports/http";
import { MAX_IMPORT_BYTES, type TImportMappingInput, type TRunEvent } from "@/lib/imports/schemas";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import { buildJourney, type TFixture } from "./helpers/journey-fixture";
import { surveyCsv } from "../fixtures/imports/survey-files";

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
let f: TFixture;

beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
  f = await buildJourney(cast.a.manager);
});

const mapping = (): TImportMappingInput => ({
  touchpoint: { by: "fixed", touchpointId: f.mot },
  observedAt: { by: "fixed", date: "2026-11-20" },
  columns: { nps: "NPS", comment: "의견" },
});

/** The request the browser sends: multipart, the file and the options as JSON. */
function uploadRequest(bytes: Uint8Array, options: unknown, fileName = "설문.csv") {
  const form = new FormData();
  form.set("file", new File([Buffer.from(bytes)], fileName, { type: "text/csv" }));
  form.set("options", JSON.stringify(options));
  return new Request("http://localhost/measure/import/run", { method: "POST", body: form });
}
/** undici computes no Content-Length for a FormData body until it is serialized: do it as a browser does. */
async function withLength(request: Request) {
  const body = new Uint8Array(await request.arrayBuffer());
  const headers = new Headers(request.headers);
  headers.set("content-length", String(body.byteLength));
  return new Request(request.url, { method: "POST", body, headers });
}

async function readEvents(response: Response): Promise<TRunEvent[]> {
  const text = await response.text();
  return text
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as TRunEvent);
}

describe("survey import over HTTP", () => {
  it("streams progress and the outcome as NDJSON", async () => {
    const bytes = surveyCsv([
      ["NPS", "의견"],
      [9, "좋아요"],
      [3, "별로예요"],
    ]);
    const response = await handleRunRequest(
      cast.a.manager,
      await withLength(uploadRequest(bytes, { mapping: mapping() })),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    const events = await readEvents(response);
    expect(events.at(0)).toEqual({ type: "progress", processedRows: 2 });
    expect(events.at(-1)).toMatchObject({
      type: "done",
      outcome: { status: "COMPLETED", counts: { imported: 2 } },
    });
    expect(await db.surveyImport.findFirstOrThrow({ select: { fileName: true } })).toEqual({
      fileName: "설문.csv",
    });
  });

  it("answers a refused import inside the stream, and a preview as JSON", async () => {
    const bytes = surveyCsv([
      ["NPS", "의견"],
      [9, "좋아요"],
    ]);
    const refused = await readEvents(
      await handleRunRequest(
        cast.a.manager,
        await withLength(
          uploadRequest(bytes, {
            mapping: { ...mapping(), touchpoint: { by: "fixed", touchpointId: "nope" } },
          }),
        ),
      ),
    );
    expect(refused).toEqual([
      {
        type: "error",
        ok: false,
        code: "NOT_FOUND",
        error: "errors.NOT_FOUND",
        fieldErrors: { "mapping.touchpoint.touchpointId": ["errors.NOT_FOUND"] },
      },
    ]);
    const preview = await handlePreviewRequest(
      cast.a.manager,
      await withLength(uploadRequest(bytes, { mapping: mapping() })),
    );
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({
      ok: true,
      data: { counts: { rows: 1, valid: 1 } },
    });
    expect(await db.observation.count()).toBe(0);
  });

  it("refuses without a session, without the role, too large or garbled, before importing anything", async () => {
    const bytes = surveyCsv([["NPS"], [9]]);
    expect(
      (await handleRunRequest(null, await withLength(uploadRequest(bytes, { mapping: mapping() }))))
        .status,
    ).toBe(401);
    expect(
      (
        await handleRunRequest(
          cast.a.frontline,
          await withLength(uploadRequest(bytes, { mapping: mapping() })),
        )
      ).status,
    ).toBe(403);
    expect(
      (await handlePreviewRequest(cast.a.executive, await withLength(uploadRequest(bytes, {}))))
        .status,
    ).toBe(403);
    const tooBig = new Request("http://localhost/measure/import/run", {
      method: "POST",
      body: "x",
      headers: { "content-length": String(MAX_IMPORT_BYTES * 2) },
    });
    const answer = await handleRunRequest(cast.a.manager, tooBig);
    expect(answer.status).toBe(413);
    expect(await answer.json()).toMatchObject({ error: "imports.errors.tooLarge" });
    const noLength = await handlePreviewRequest(cast.a.manager, uploadRequest(bytes, {}));
    expect(noLength.status).toBe(400);
    // Another site's page posting with the manager's cookie: refused by its Origin.
    const crossSite = async () => {
      const request = await withLength(uploadRequest(bytes, { mapping: mapping() }));
      return new Request(request, {
        headers: {
          ...Object.fromEntries(request.headers),
          origin: "https://evil.example",
          host: "localhost",
        },
      });
    };
    expect((await handleRunRequest(cast.a.manager, await crossSite())).status).toBe(403);
    expect((await handlePreviewRequest(cast.a.manager, await crossSite())).status).toBe(403);
    const garbled = await handlePreviewRequest(
      cast.a.manager,
      await withLength(
        uploadRequest(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), {}, "photo.png"),
      ),
    );
    expect(await garbled.json()).toMatchObject({ ok: false, error: "imports.errors.notCsvOrXlsx" });
    expect(await db.observation.count()).toBe(0);
    expect(await db.surveyImport.count()).toBe(0);
  });
});
