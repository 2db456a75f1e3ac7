import "server-only";
import { auditForbiddenRequest } from "@/lib/audit/refusals";
import { requestMetaFrom } from "@/lib/audit/request-meta";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { recordingWritesOf } from "@/lib/db/read-replica";
import { AppError, forbidden, isAppError } from "@/lib/errors";
import { failureOf } from "@/lib/action-result";
import { errorResponse } from "@/lib/http/errors";
import { isCrossOriginPost } from "@/lib/security/same-origin";
import { previewSurveyImport, runSurveyImport, type TUpload } from "./run";
import { MAX_IMPORT_BYTES, type TRunEvent } from "./schemas";

// The HTTP side of the import, in web-standard Request/Response so that the route handlers stay
// one line and the integration tests can call it with a real multipart request.
//
// Why upload to a route handler: a server action's body is capped (1 MB by default). Why stream
// NDJSON progress rather than let the browser poll SurveyImport: the whole import is ONE
// transaction, so progress written to SurveyImport inside it is invisible to a poller until the
// commit; polling would need progress written outside the transaction, on another connection, on
// every batch. The request that runs the import already has the browser on the line: it writes one
// JSON line per batch and a last line with the outcome.

/** multipart/form-data framing (boundaries, part headers, the options field) on top of the file. */
const MULTIPART_SLACK_BYTES = 256 * 1024;

/** A file over the limit is refused with 413 Content Too Large; every other refusal by its code. */
const jsonFailure = (error: unknown) =>
  errorResponse(error, {
    status: isAppError(error) && error.message === "imports.errors.tooLarge" ? 413 : undefined,
  });

/** A refused request's answer; a missing permission is written to the audit log first. */
async function refusal(actor: TActor | null, request: Request, error: unknown) {
  const path = new URL(request.url).pathname;
  await auditForbiddenRequest(actor, error, path, requestMetaFrom(request.headers));
  return jsonFailure(error);
}

/** The session cookie is SameSite=Lax already; another site's page is refused by its Origin too. */
function refuseCrossOrigin(request: Request): void {
  if (isCrossOriginPost(request)) throw forbidden();
}

/**
 * The file and the options of an upload. A body larger than the limit is refused from its
 * Content-Length, before a byte of it is read.
 */
async function readUpload(request: Request): Promise<{ upload: TUpload; options: unknown }> {
  const length = Number(request.headers.get("content-length") ?? Number.NaN);
  if (!Number.isFinite(length)) throw new AppError("VALIDATION", "imports.errors.lengthRequired");
  if (length > MAX_IMPORT_BYTES + MULTIPART_SLACK_BYTES)
    throw new AppError("VALIDATION", "imports.errors.tooLarge");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("VALIDATION", "imports.errors.badUpload");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("VALIDATION", "imports.errors.noFile");
  if (file.size > MAX_IMPORT_BYTES) throw new AppError("VALIDATION", "imports.errors.tooLarge");
  let options: unknown = {};
  const rawOptions = form.get("options");
  if (typeof rawOptions === "string" && rawOptions !== "") {
    try {
      options = JSON.parse(rawOptions);
    } catch {
      throw new AppError("VALIDATION", "imports.errors.badUpload");
    }
  }
  return {
    upload: { fileName: file.name || "upload", bytes: new Uint8Array(await file.arrayBuffer()) },
    options,
  };
}

/** POST …/preview: the file's headers, the mapping to use, the first rows and errors, the counts. JSON. */
export async function handlePreviewRequest(
  actor: TActor | null,
  request: Request,
): Promise<Response> {
  try {
    refuseCrossOrigin(request);
    assertCan(actor, "observation:import");
    const { upload, options } = await readUpload(request);
    return Response.json({ ok: true, data: await previewSurveyImport(actor, upload, options) });
  } catch (error) {
    return refusal(actor, request, error);
  }
}

/**
 * POST …/run: refuses a bad request with a JSON error and a status; otherwise answers 200 at once
 * and streams NDJSON events (progress…, then done or error) while the import runs.
 */
export async function handleRunRequest(actor: TActor | null, request: Request): Promise<Response> {
  let body: Awaited<ReturnType<typeof readUpload>>;
  try {
    // Checked here too (the domain checks again) so that a refusal is a 403, not a 200 stream.
    refuseCrossOrigin(request);
    assertCan(actor, "observation:import");
    body = await readUpload(request);
  } catch (error) {
    return refusal(actor, request, error);
  }
  const meta = requestMetaFrom(request.headers);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let isOpen = true;
      const send = (event: TRunEvent) => {
        if (!isOpen) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          // The browser went away: the import still finishes (or rolls back) on its own.
          isOpen = false;
        }
      };
      try {
        // Recorded before "done": the page the browser goes to next reads what was imported.
        const outcome = await recordingWritesOf(actor, () =>
          runSurveyImport(actor, body.upload, body.options, {
            meta,
            onProgress: (progress) => send({ type: "progress", ...progress }),
          }),
        );
        send({ type: "done", outcome });
      } catch (error) {
        send({ type: "error", ...failureOf(error, "a survey import") });
      } finally {
        if (isOpen) controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "cache-control": "no-store",
      "x-accel-buffering": "no",
    },
  });
}
