// The application side of a fault test, in a process of its own: the app's Prisma client is a
// per-process singleton on DATABASE_URL, and this process's URL names the PostgreSQL the test
// kills. It runs the real code under test — runSurveyImport and the ingestion API's Request ->
// Response function — and keeps running through the crash, so the test also sees that the
// same process (its connection pool) recovers once PostgreSQL is back.
// Started by app-process.ts: `node --conditions=react-server --import tsx app-worker.ts`.
import { postObservations } from "@/lib/api/post-observations";
import { createApiKey } from "@/lib/api-keys/mutations";
import type { TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { runSurveyImport } from "@/lib/imports/run";
import { createJourney } from "@/lib/journeys/mutations";
import { saveStage } from "@/lib/journeys/stages";
import { saveTouchpoint } from "@/lib/journeys/touchpoints";
import { createOrganization, createUser } from "../helpers/factories";
import { surveyCsv } from "../../fixtures/imports/survey-files";
import type {
  TApiAnswer,
  TApiRequest,
  TCommand,
  TFaultFixture,
  TFromWorker,
  TImportResult,
  TProgressEvent,
  TToWorker,
} from "./protocol";

let manager: TActor | undefined;
let fixture: TFaultFixture | undefined;

const send = (message: TFromWorker) => process.send!(message);
const emit = (event: TProgressEvent) => send({ event });

async function setUp(): Promise<TFaultFixture> {
  const organization = await createOrganization("Faults");
  const admin = await createUser(organization.id, "ADMIN");
  manager = await createUser(organization.id, "MANAGER");
  const { id: journeyId } = await createJourney(manager, {
    nameKo: "장애 시험 여정",
    nameEn: "Fault journey",
  });
  const stage = await saveStage(manager, {
    journeyId,
    version: 1,
    nameKo: "방문",
    nameEn: "Visit",
  });
  const touchpoint = await saveTouchpoint(manager, {
    journeyId,
    version: stage.version,
    stageId: stage.id,
    nameKo: "카운터",
    nameEn: "Counter",
    channel: "IN_PERSON",
    dimension: "FRONTLINE_STAFF",
  });
  const { secret } = await createApiKey(admin, {
    name: "Fault kiosk",
    scopes: ["observations:write"],
  });
  fixture = {
    organizationId: organization.id,
    managerId: manager.id,
    journeyId,
    touchpointId: touchpoint.id,
    apiKeySecret: secret,
  };
  return fixture;
}

/** The same file every time for a given size: a re-run must recognise every row. */
function surveyFile(rows: number): Uint8Array {
  const table: (string | number)[][] = [["응답ID", "응답일", "경험", "NPS", "의견"]];
  for (let i = 0; i < rows; i += 1) {
    table.push([
      `F${i}`,
      `2026-10-${String(1 + (i % 28)).padStart(2, "0")} ${String(i % 24).padStart(2, "0")}:00`,
      1 + (i % 7),
      i % 11,
      `fault-import ${i}`,
    ]);
  }
  return surveyCsv(table);
}

async function runImport(rows: number): Promise<TImportResult> {
  if (!manager || !fixture) throw new Error("setup first");
  try {
    const outcome = await runSurveyImport(
      manager,
      { fileName: `fault-${rows}.csv`, bytes: surveyFile(rows) },
      {
        mapping: {
          touchpoint: { by: "fixed", touchpointId: fixture.touchpointId },
          observedAt: { by: "column", column: "응답일" },
          columns: { responseId: "응답ID", experiencedScore: "경험", nps: "NPS", comment: "의견" },
        },
      },
      { onProgress: ({ processedRows }) => emit({ kind: "imported", processedRows }) },
    );
    return { ok: true, status: outcome.status, counts: outcome.counts };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Sends the requests `concurrency` at a time, as several kiosks would, and records every answer. */
async function postAll(requests: TApiRequest[], concurrency: number): Promise<TApiAnswer[]> {
  if (!fixture) throw new Error("setup first");
  const { apiKeySecret } = fixture;
  const answers: TApiAnswer[] = [];
  let next = 0;
  const lane = async () => {
    while (next < requests.length) {
      const { key, body } = requests[next++]!;
      const request = new Request("http://localhost/api/v1/observations", {
        method: "POST",
        headers: {
          authorization: `Bearer ${apiKeySecret}`,
          "content-type": "application/json",
          "idempotency-key": key,
        },
        body,
      });
      const response = await postObservations(request);
      answers.push({ key, status: response.status, body: await response.text() });
      emit({ kind: "answered", status: response.status });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return answers;
}

async function execute(command: TCommand): Promise<unknown> {
  switch (command.kind) {
    case "setup":
      return setUp();
    case "join":
      fixture = command.fixture;
      manager = { id: fixture.managerId, organizationId: fixture.organizationId, role: "MANAGER" };
      return null;
    case "import":
      return runImport(command.rows);
    case "post":
      return postAll(command.requests, command.concurrency);
    case "exit":
      await db.$disconnect().catch(() => {});
      setImmediate(() => process.exit(0));
      return null;
  }
}

// The route handler logs its 500s; during a crash that is hundreds of expected stack traces.
console.error = () => {};

process.on("message", (message: TToWorker) => {
  execute(message.command).then(
    (result) => send({ id: message.id, result }),
    (error: unknown) =>
      send({
        id: message.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
process.on("disconnect", () => process.exit(0));
