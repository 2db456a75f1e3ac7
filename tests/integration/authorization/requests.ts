import { surveyCsv } from "../../fixtures/imports/survey-files";
import { outcomeOfStatus } from "./run-rule";
import type { TOutcome } from "./rules";
import { importMappingOf, type TOrg } from "./world";

// HTTP requests the route entries send, built as a browser or a survey tool would send them.

export const ORIGIN = "http://localhost:3100";

/** A survey upload (multipart, with its Content-Length as a browser sends it) of one answer. */
export async function surveyUpload(pathname: string, org: TOrg): Promise<Request> {
  const form = new FormData();
  form.set(
    "file",
    new File(
      [
        Buffer.from(
          surveyCsv([
            ["NPS", "comment"],
            [9, "Good"],
          ]),
        ),
      ],
      "survey.csv",
      { type: "text/csv" },
    ),
  );
  form.set("options", JSON.stringify({ mapping: importMappingOf(org) }));
  // Serialized once, as the browser does, so that the request carries its Content-Length.
  const serialized = new Request(ORIGIN, { method: "POST", body: form });
  const bytes = new Uint8Array(await serialized.arrayBuffer());
  return new Request(`${ORIGIN}${pathname}`, {
    method: "POST",
    body: bytes,
    headers: {
      "content-type": serialized.headers.get("content-type")!,
      "content-length": String(bytes.byteLength),
    },
  });
}

/** The import run answers 200 and streams NDJSON: its last line says how it ended. */
export async function outcomeOfImportStream(response: Response): Promise<TOutcome> {
  if (response.status !== 200) return outcomeOfStatus(response);
  const events = (await response.text())
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { type: string; code?: string; outcome?: unknown });
  const last = events.at(-1);
  if (last?.type === "done") return { ok: true, data: last.outcome };
  return { ok: false, code: last?.code ?? "NO_OUTCOME" };
}

/** One observation for the ingestion API, at the organization's MOT. */
export function apiObservationRequest(org: TOrg, clientId: string): Request {
  const body = {
    observations: [
      {
        clientId,
        touchpointId: org.journey.mot,
        source: "SURVEY",
        observedAt: new Date().toISOString(),
        nps: 9,
      },
    ],
  };
  return new Request(`${ORIGIN}/api/v1/observations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}
