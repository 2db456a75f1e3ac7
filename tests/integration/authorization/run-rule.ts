import { actAs } from "./principals";
import { requestHeaders } from "./request-context";
import { changedTables, fingerprint } from "./fingerprint";
import {
  expectedOutcome,
  type TActionRule,
  type TExpected,
  type TOutcome,
  type TPrincipal,
  type TRouteRule,
  type TRule,
  type TTargetOrg,
} from "./rules";
import type { TWorld } from "./world";

// Runs one cell of the matrix: a principal of organization A calls one action or route on
// objects of A ("own") or of B ("other"), against the real database. Answers the problems found
// (empty: the cell holds) rather than throwing, so that one report lists every wrong cell and the
// mechanism itself can be tested on a deliberately wrong rule.

type THandler = (...args: unknown[]) => Promise<unknown>;

const STATUS_CODES: Record<number, string> = {
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  400: "VALIDATION",
  409: "CONFLICT",
  413: "VALIDATION",
  415: "VALIDATION",
  422: "VALIDATION",
};

/** A route's outcome from its status: 2xx allowed, the usual refusals by code. */
export async function outcomeOfStatus(response: Response): Promise<TOutcome> {
  if (response.ok) return { ok: true, data: response };
  return { ok: false, code: STATUS_CODES[response.status] ?? `HTTP_${response.status}` };
}

function outcomeOfResult(result: unknown): TOutcome {
  if (result && typeof result === "object" && "ok" in result) {
    const typed = result as { ok: boolean; data?: unknown; code?: string };
    return typed.ok ? { ok: true, data: typed.data } : { ok: false, code: String(typed.code) };
  }
  return { ok: false, code: `NOT_AN_ACTION_RESULT: ${JSON.stringify(result)?.slice(0, 80)}` };
}

async function invoke(
  rule: TActionRule<unknown> | TRouteRule<unknown>,
  handler: THandler,
  target: unknown,
  org: TWorld["a"],
): Promise<TOutcome> {
  try {
    if (rule.kind === "action") return outcomeOfResult(await handler(rule.input(target, org)));
    const bare = await rule.request(target, org);
    const headers = new Headers(bare.headers);
    requestHeaders().forEach((value, name) => headers.set(name, value));
    const request = new Request(bare, { headers });
    const response = (await handler(request, rule.context?.(target, org))) as Response;
    return await (rule.read ?? outcomeOfStatus)(response);
  } catch (error) {
    return {
      ok: false,
      code: `THREW: ${error instanceof Error ? error.message : String(error)}`.slice(0, 200),
    };
  }
}

const describeOutcome = (outcome: TOutcome) => (outcome.ok ? "ALLOW" : outcome.code);

/** The problems of one cell; empty when the call answered as the rule says and changed only what it may. */
export async function runCell(
  rule: TRule,
  handler: THandler,
  principal: TPrincipal,
  targetOrg: TTargetOrg,
  world: TWorld,
): Promise<string[]> {
  if (rule.kind === "public") return [];
  const typed = rule as TActionRule<unknown> | TRouteRule<unknown>;
  const cell = `${principal} on ${targetOrg === "own" ? "its own" : "another"} organization's objects`;
  const org = targetOrg === "own" ? world.a : world.b;
  const target = await typed.prepare?.(org, world);
  const expected: TExpected = expectedOutcome(typed, principal, targetOrg);

  const actor = await actAs(principal, world.a);
  const [before, otherBefore] = await Promise.all([fingerprint(), fingerprint(world.b.id)]);
  const outcome = await invoke(typed, handler, target, org);
  const problems: string[] = [];

  if (expected === "ALLOW") {
    if (!outcome.ok) return [`${cell}: expected ALLOW, got ${describeOutcome(outcome)}`];
    try {
      await typed.effect({ target, data: outcome.data, actor, org, world });
    } catch (error) {
      problems.push(
        `${cell}: allowed, but the effect is missing: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
      );
    }
    const otherChanged = changedTables(otherBefore, await fingerprint(world.b.id));
    if (otherChanged.length > 0)
      problems.push(`${cell}: changed the other organization's ${otherChanged.join(", ")}`);
    return problems;
  }

  if (outcome.ok || outcome.code !== expected)
    problems.push(`${cell}: expected ${expected}, got ${describeOutcome(outcome)}`);
  const changed = changedTables(before, await fingerprint());
  if (changed.length > 0)
    problems.push(
      `${cell}: refused (${describeOutcome(outcome)}) but changed ${changed.join(", ")}`,
    );
  return problems;
}
