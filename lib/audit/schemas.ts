import { z } from "zod";

// Where a request came from (what every entry records), the audit log viewer's filter, as the URL
// carries it (?action=user.&actor=…&from=2026-11-01), and the plain rows pages receive. Pure: used
// by the page, the CSV route and the tests.

/** Where a request came from, for the audit log (requestMetaFrom reads it from the headers). */
export type TRequestMeta = { ipAddress: string; userAgent: string };

/** Rows per page of the viewer. */
export const AUDIT_PAGE_SIZE = 50;
/** The CSV export stops after this many rows (newest first): narrow the filter for older ones. */
export const AUDIT_EXPORT_LIMIT = 100_000;

const ZDay = z.iso.date();

/** The largest id an AuditLog row can have (PostgreSQL bigint): a larger cursor would make the query fail. */
export const MAX_AUDIT_ID = 9_223_372_036_854_775_807n;

/** Keyset cursor: an entry id, as digits, within bigint. */
export const ZAuditCursor = z
  .string()
  .regex(/^\d{1,19}$/, { abort: true })
  .refine((digits) => BigInt(digits) <= MAX_AUDIT_ID);

const ZAuditLogFilter = z
  .object({
    /** A prefix of the action: "user." lists every user change, "auth.sign_in" sign-ins and their failures. */
    action: z
      .string()
      .trim()
      .max(100)
      .regex(/^[\w.:-]*$/),
    actorId: z.string().trim().max(64),
    entityType: z.string().trim().max(64).regex(/^\w*$/),
    entityId: z.string().trim().max(200),
    /** Local days (the reporting time zone), both included. */
    from: ZDay,
    to: ZDay,
    /** Keyset cursor: entries older than this id. */
    before: ZAuditCursor,
  })
  .partial();
export type TAuditLogFilter = z.infer<typeof ZAuditLogFilter>;

/** URL parameter of each filter field. */
const PARAMS = {
  action: "action",
  actorId: "actor",
  entityType: "entityType",
  entityId: "entity",
  from: "from",
  to: "to",
  before: "before",
} as const satisfies Record<keyof TAuditLogFilter, string>;

export type TSearchParams = Record<string, string | string[] | undefined>;

/**
 * The filter in the URL. Each field is checked on its own: one that does not parse is left out
 * and named in `ignored` (the page says so), the others still apply. An empty value is no filter.
 */
export function parseAuditLogFilter(params: TSearchParams): {
  filter: TAuditLogFilter;
  ignored: Array<keyof TAuditLogFilter>;
} {
  const filter: Record<string, string> = {};
  const ignored: Array<keyof TAuditLogFilter> = [];
  for (const [field, name] of Object.entries(PARAMS) as Array<[keyof TAuditLogFilter, string]>) {
    const raw = params[name];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!value) continue;
    const parsed = ZAuditLogFilter.shape[field].safeParse(value);
    if (parsed.success && parsed.data) filter[field] = parsed.data;
    else ignored.push(field);
  }
  const result = filter as TAuditLogFilter;
  // A range the wrong way round is most likely swapped by mistake: read it the right way.
  if (result.from && result.to && result.from > result.to)
    [result.from, result.to] = [result.to, result.from];
  return { filter: result, ignored };
}

/** The filter as a query string ("?action=user."), leaving out what is not set; `patch` overrides fields. */
export function auditSearchString(
  filter: TAuditLogFilter,
  patch: Partial<Record<keyof TAuditLogFilter, string | undefined>> = {},
): string {
  const merged: TAuditLogFilter = { ...filter, ...patch };
  const params = new URLSearchParams();
  for (const [field, name] of Object.entries(PARAMS) as Array<[keyof TAuditLogFilter, string]>) {
    const value = merged[field];
    if (value) params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** One entry as the viewer shows it: who, what, when, from where, and the details. */
export type TAuditLogEntry = {
  id: string;
  /** ISO instant. */
  at: string;
  action: string;
  actor: { id: string; name: string; email: string } | null;
  entityType: string;
  entityId: string;
  details: Record<string, unknown>;
  ipAddress: string;
  userAgent: string;
};

export type TAuditLogPage = { entries: TAuditLogEntry[]; nextCursor: string | null };

/** What the filter form offers: the organization's people, and the actions and entity types its log holds. */
export type TAuditLogFilterOptions = {
  actors: Array<{ id: string; name: string; email: string }>;
  actions: string[];
  entityTypes: string[];
};

/** The action groups ("auth", "user") and the full actions, for the action field's suggestions. */
export function actionSuggestions(actions: string[]): string[] {
  const groups = new Set(
    actions.filter((action) => action.includes(".")).map((action) => `${action.split(".")[0]}.`),
  );
  return [...[...groups].sort(), ...[...actions].sort()];
}
