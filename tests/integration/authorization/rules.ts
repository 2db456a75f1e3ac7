import { ROLES, type TRole } from "@/lib/auth/permissions";
import type { TSessionUser } from "@/lib/auth/session-user";
import type { TOrg, TWorld } from "./world";

// The vocabulary of the access table: who calls (a principal), what they may do (a rule), and
// what a call must answer (an expected outcome). The table itself is access-table.ts; running a
// rule against the database is run-rule.ts.

/** Every kind of caller: a signed-in user of each role, nobody, and a machine with an API key. */
export const PRINCIPALS = [...ROLES, "SIGNED_OUT", "API_KEY"] as const;
export type TPrincipal = (typeof PRINCIPALS)[number];
export const isRole = (principal: TPrincipal): principal is TRole =>
  (ROLES as readonly string[]).includes(principal);

type TRefusal = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "VALIDATION";
export type TExpected = "ALLOW" | TRefusal;
/** What a call answered, whatever its transport (an action's result, a route's response). */
export type TOutcome = { ok: true; data: unknown } | { ok: false; code: string };

/** Whose objects the call names: the caller's own organization's, or another's (guessed ids). */
export type TTargetOrg = "own" | "other";

type TEffectContext<T> = {
  target: T;
  /** What the call answered: an action's data, or a route's Response. */
  data: unknown;
  /** The signed-in caller, or null for a machine. */
  actor: TSessionUser | null;
  org: TOrg;
  world: TWorld;
};

type TRuleBase<T> = {
  /** Who may, on their own organization's objects. Anyone not listed is refused; [] refuses everyone. */
  allow: readonly TPrincipal[];
  /** How the caller proves who it is: the session cookie (default) or an API key. */
  by?: "session" | "apiKey";
  /** Makes the objects the call acts on, in the organization it aims at (fresh when the call uses them up). */
  prepare?: (org: TOrg, world: TWorld) => Promise<T>;
  /** Asserts what an allowed call did (it throws when the effect is missing). */
  effect: (context: TEffectContext<T>) => Promise<void>;
  /**
   * What an allowed caller gets when the call names another organization's objects: NOT_FOUND
   * unless said otherwise. `notApplicable` says why the call names no object that could belong
   * to another organization.
   */
  crossOrg?: { refusal: TRefusal } | { notApplicable: string };
};

export type TActionRule<T> = TRuleBase<T> & {
  kind: "action";
  input: (target: T, org: TOrg) => unknown;
};

export type TRouteRule<T> = TRuleBase<T> & {
  kind: "route";
  /** The request, without credentials: the runner adds the principal's cookie or key. */
  request: (target: T, org: TOrg) => Request | Promise<Request>;
  /** The second argument of the handler (a dynamic route's params). */
  context?: (target: T, org: TOrg) => unknown;
  /** Reads the outcome from the response when the status alone does not tell it. */
  read?: (response: Response) => Promise<TOutcome>;
};

/** Callable by anyone, by design: its own check proves what each principal gets from it. */
export type TPublicRule = {
  kind: "public";
  why: string;
  check: (context: {
    principal: TPrincipal;
    world: TWorld;
    call: (...args: unknown[]) => Promise<unknown>;
  }) => Promise<void>;
};

export type TRule = TActionRule<never> | TRouteRule<never> | TPublicRule;

// Type-checked constructors: each entry's prepare, input and effect agree on their target.
export const action = <T = undefined>(rule: Omit<TActionRule<T>, "kind">): TRule =>
  ({ kind: "action", ...rule }) as unknown as TRule;
export const route = <T = undefined>(rule: Omit<TRouteRule<T>, "kind">): TRule =>
  ({ kind: "route", ...rule }) as unknown as TRule;
export const publicly = (rule: Omit<TPublicRule, "kind">): TRule => ({ kind: "public", ...rule });

/** Roles that may, as the permission table reads: the usual way to write an entry's `allow`. */
export const roles = (...allowed: TRole[]): readonly TPrincipal[] => allowed;

/**
 * What a principal must get from a rule. A principal the rule does not list is refused — so an
 * empty rule refuses everyone — and an allowed one is refused another organization's objects.
 */
export function expectedOutcome(
  rule: Pick<TRuleBase<unknown>, "allow" | "by" | "crossOrg">,
  principal: TPrincipal,
  target: TTargetOrg,
): TExpected {
  const authenticates =
    (rule.by ?? "session") === "apiKey" ? principal === "API_KEY" : isRole(principal);
  if (!authenticates) return "UNAUTHENTICATED";
  if (!rule.allow.includes(principal)) return "FORBIDDEN";
  if (target === "own") return "ALLOW";
  return rule.crossOrg && "refusal" in rule.crossOrg ? rule.crossOrg.refusal : "NOT_FOUND";
}

/** Whether the rule names objects another organization could own (else it has no cross-org case). */
export const hasCrossOrgCase = (rule: Pick<TRuleBase<unknown>, "crossOrg">) =>
  !(rule.crossOrg && "notApplicable" in rule.crossOrg);
