// The one seam the authorization matrix replaces: the request Next.js would hand to `next/headers`
// (and the cache `next/cache` would revalidate), which do not exist outside a Next.js server.
// Everything behind it is real: Auth.js decodes the session cookie it issued itself,
// lib/auth/session.ts re-reads the user from PostgreSQL, the actions and domain functions run.
//
// The test file installs these with vi.mock("next/headers") and vi.mock("next/cache").

export const SESSION_COOKIE = "authjs.session-token";

/** What Next.js would pass on every request of a plain-HTTP deployment. */
const BASE_HEADERS: Record<string, string> = {
  host: "localhost:3100",
  "x-forwarded-proto": "http",
  "x-forwarded-for": "203.0.113.7",
  "user-agent": "authorization-matrix",
};

export type TRequestState = { cookies: Map<string, string>; headers: Record<string, string> };

let state: TRequestState = { cookies: new Map(), headers: {} };
const revalidated: string[] = [];

/** Starts a new request with these cookies and extra headers (an Authorization header, say). */
export function startRequest({
  cookies = {},
  headers = {},
}: { cookies?: Record<string, string>; headers?: Record<string, string> } = {}): void {
  state = { cookies: new Map(Object.entries(cookies)), headers };
  revalidated.length = 0;
}

export function requestHeaders(): Headers {
  const headers = new Headers({ ...BASE_HEADERS, ...state.headers });
  if (state.cookies.size > 0)
    headers.set("cookie", [...state.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
  return headers;
}

export const cookieOf = (name: string): string | undefined => state.cookies.get(name);

/** The paths the last request asked Next.js to revalidate. */
export const revalidatedPaths = (): readonly string[] => revalidated;

type TCookieOptions = { maxAge?: number; expires?: Date | number };
const isDeletion = (value: string, options: TCookieOptions = {}) =>
  value === "" ||
  options.maxAge === 0 ||
  (options.expires !== undefined && new Date(options.expires).getTime() <= Date.now());

const cookieStore = {
  get: (name: string) =>
    state.cookies.has(name) ? { name, value: state.cookies.get(name)! } : undefined,
  getAll: () => [...state.cookies].map(([name, value]) => ({ name, value })),
  has: (name: string) => state.cookies.has(name),
  set(
    nameOrCookie: string | ({ name: string; value: string } & TCookieOptions),
    value?: string,
    options?: TCookieOptions,
  ) {
    const [name, text, opts] =
      typeof nameOrCookie === "string"
        ? [nameOrCookie, value ?? "", options]
        : [nameOrCookie.name, nameOrCookie.value, nameOrCookie];
    if (isDeletion(text, opts)) state.cookies.delete(name);
    else state.cookies.set(name, text);
    return cookieStore;
  },
  delete(name: string) {
    state.cookies.delete(name);
    return cookieStore;
  },
};

/** Stands in for `next/headers`. */
export const nextHeadersModule = {
  headers: async () => requestHeaders(),
  cookies: async () => cookieStore,
  draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
};

/** Stands in for next-intl's `getLocale`: the app's own request config (lib/i18n/request.ts) read against this request. */
export async function requestLocale(): Promise<string> {
  const config = (await import("@/lib/i18n/request")).default as unknown as (params: {
    requestLocale: Promise<undefined>;
  }) => Promise<{ locale: string }>;
  return (await config({ requestLocale: Promise.resolve(undefined) })).locale;
}

/** Stands in for `next/cache`: records what would be revalidated. */
export const nextCacheModule = {
  revalidatePath: (path: string) => void revalidated.push(path),
  revalidateTag: (tag: string) => void revalidated.push(`tag:${tag}`),
  updateTag: (tag: string) => void revalidated.push(`tag:${tag}`),
  refresh: () => undefined,
  unstable_cache: <T>(fn: T) => fn,
  unstable_noStore: () => undefined,
};
