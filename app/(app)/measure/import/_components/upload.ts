import type {
  TImportFailure,
  TImportMappingInput,
  TImportOutcome,
  TImportPreview,
  TRunEvent,
} from "@/lib/imports/schemas";

// The browser side of the two upload routes (why route handlers and NDJSON: lib/imports/http.ts).

export type TAnswer<T> = { ok: true; data: T } | TImportFailure;

const INTERRUPTED: TImportFailure = {
  ok: false,
  code: "INTERNAL",
  error: "imports.run.interrupted",
  fieldErrors: {},
};
const FAILED: TImportFailure = {
  ok: false,
  code: "INTERNAL",
  error: "errors.INTERNAL",
  fieldErrors: {},
};

function formOf(file: File, options: unknown) {
  const form = new FormData();
  form.set("file", file);
  form.set("options", JSON.stringify(options));
  return form;
}

async function failureFrom(response: Response): Promise<TImportFailure> {
  try {
    return (await response.json()) as TImportFailure;
  } catch {
    return FAILED;
  }
}

export async function postPreview(
  file: File,
  mapping: TImportMappingInput | null,
): Promise<TAnswer<TImportPreview>> {
  try {
    const response = await fetch("/measure/import/preview", {
      method: "POST",
      body: formOf(file, { mapping }),
    });
    return response.ok
      ? ((await response.json()) as TAnswer<TImportPreview>)
      : failureFrom(response);
  } catch {
    return FAILED;
  }
}

/** Runs the import, calling onProgress for each batch the server reports; answers with the outcome. */
export async function postRun(
  file: File,
  options: { mapping: TImportMappingInput; validRowsOnly: boolean },
  onProgress: (processedRows: number) => void,
): Promise<TAnswer<TImportOutcome>> {
  let response: Response;
  try {
    response = await fetch("/measure/import/run", { method: "POST", body: formOf(file, options) });
  } catch {
    return FAILED;
  }
  if (!response.ok || !response.body) return failureFrom(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += value;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines.filter(Boolean)) {
        const event = JSON.parse(line) as TRunEvent;
        if (event.type === "progress") onProgress(event.processedRows);
        else if (event.type === "done") return { ok: true, data: event.outcome };
        else return event;
      }
    }
  } catch {
    return INTERRUPTED;
  }
  return INTERRUPTED;
}
