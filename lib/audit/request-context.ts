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
