import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { TRequestMeta } from "./schemas";

// Where the current request came from, for the audit entries written while it runs. authedAction
// and the route handlers open the context; writeAuditLog reads it when an entry names no `meta`
// of its own. Domain functions therefore need no `meta` parameter to record "from where".

const requestMeta = new AsyncLocalStorage<TRequestMeta>();

export function runWithRequestMeta<T>(meta: TRequestMeta, run: () => T): T {
  return requestMeta.run(meta, run);
}

export function currentRequestMeta(): TRequestMeta | undefined {
  return requestMeta.getStore();
}

/** The request being served, as a page sees it: its signed-in user and where it came from. */
type TSessionRequest = { actor: { id: string; organizationId: string } | null; meta: TRequestMeta };
let readSessionRequest: (() => Promise<TSessionRequest>) | undefined;

/**
 * lib/auth/session.ts tells how to read the request's signed-in user and address, for entries
 * written where only the organization is known (the data layer's cross-organization lookups, also
 * made while rendering a page, outside runWithRequestMeta). Read lazily: such entries are rare,
 * and the session is cached for the request by then.
 */
export function readSessionRequestWith(read: () => Promise<TSessionRequest>): void {
  readSessionRequest = read;
}

/** The request being served; null outside a request (a script, a test) or before session.ts loaded. */
export async function currentSessionRequest(): Promise<TSessionRequest | null> {
  try {
    return (await readSessionRequest?.()) ?? null;
  } catch {
    return null; // outside a request, reading its headers throws
  }
}
