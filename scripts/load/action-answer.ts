// Reading a server action's answer as the browser gets it: a React Server Components stream
// (text/x-component) whose row 1 is the action's return value, here authedAction's
// { ok, data } result, e.g.
//   0:{"a":"$@1","f":"","b":"<build id>"}
//   1:{"ok":true,"data":{"created":1,"duplicates":0}}
// Pure, so that it is tested without a server.

export type TActionAnswer =
  { ok: true; created: number; duplicates: number } | { ok: false; code: string };

const ROW = /^[0-9a-f]+:(\{.*\})$/;

export function readRecordAnswer(body: string): TActionAnswer {
  for (const line of body.split("\n")) {
    const json = ROW.exec(line.trim())?.[1];
    if (!json) continue;
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      continue;
    }
    if (typeof value !== "object" || value === null || !("ok" in value)) continue;
    const result = value as {
      ok: boolean;
      code?: string;
      data?: { created?: unknown; duplicates?: unknown };
    };
    if (!result.ok) return { ok: false, code: String(result.code ?? "UNKNOWN") };
    const { created, duplicates } = result.data ?? {};
    if (typeof created === "number" && typeof duplicates === "number")
      return { ok: true, created, duplicates };
  }
  return { ok: false, code: "UNREADABLE_ANSWER" };
}

/** What the load test makes of one frontline send: acknowledged, or an error of some kind. */
export type TSendOutcome = { ok: true } | { ok: false; kind: string };

/** A send is acknowledged when the page answered 200 with its one entry stored (or found stored already). */
export function sendOutcomeOf(status: number, body: string): TSendOutcome {
  if (status !== 200) return { ok: false, kind: `status ${status}` };
  const answer = readRecordAnswer(body);
  if (!answer.ok) return { ok: false, kind: `action ${answer.code}` };
  if (answer.created + answer.duplicates !== 1)
    return { ok: false, kind: "answer without the entry" };
  return { ok: true };
}
