import { expect, vi } from "vitest";
import { db } from "@/lib/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { changedTables, fingerprint } from "./fingerprint";
import { actAs, actAsUser } from "./principals";
import { cookieOf, requestHeaders, SESSION_COOKIE, startRequest } from "./request-context";
import { ORIGIN } from "./requests";
import { isRole, type TPublicRule } from "./rules";
import { freshUser } from "./world";

// The checks of the entries anyone may call (access-table.ts says why each is public): what each
// principal gets from them, and that they change nothing they should not.

type TCheckContext = Parameters<TPublicRule["check"]>[0];

const isRedirectTo = (error: unknown, path: string) =>
  String((error as { digest?: string })?.digest ?? "").startsWith("NEXT_REDIRECT") &&
  String((error as { digest?: string }).digest).includes(path);

async function nothingChanges<T>(run: () => Promise<T>): Promise<T> {
  const before = await fingerprint();
  const result = await run();
  expect(changedTables(before, await fingerprint())).toEqual([]);
  return result;
}

/** app/(auth)/login/actions.ts#signInAction */
export async function checkSignIn({ principal, world, call }: TCheckContext): Promise<void> {
  const user = await actAs(principal, world.a);
  const cookieBefore = cookieOf(SESSION_COOKIE);
  const form = new FormData();
  form.set("email", world.a.users.MANAGER.email);
  form.set("password", "not-the-password");
  const answer = (await call({ email: "" }, form)) as { error?: string };
  expect(answer.error).toBeTruthy();
  expect(cookieOf(SESSION_COOKIE)).toBe(cookieBefore);
  expect((await getCurrentUser())?.id ?? null).toBe(user?.id ?? null);
}

/** app/actions.ts#setLocaleAction */
export async function checkSetLocale({ principal, world, call }: TCheckContext): Promise<void> {
  const user = await actAs(principal, world.a);
  if (user) {
    await call("en");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("en");
  } else {
    await nothingChanges(() => call("en"));
  }
  expect(cookieOf(LOCALE_COOKIE)).toBe("en");
  await nothingChanges(() => call("xx"));
}

/** app/actions.ts#signOutAction */
export async function checkSignOut({ principal, world, call }: TCheckContext): Promise<void> {
  if (!isRole(principal)) {
    await actAs(principal, world.a);
    const thrown = await nothingChanges(() => call().catch((error: unknown) => error));
    expect(isRedirectTo(thrown, "/login")).toBe(true);
    return;
  }
  // A fresh user: signing out ends the session on the server, and the principals' cookies are kept.
  const { user } = await freshUser(world.a, principal);
  await actAsUser(user);
  const cookie = cookieOf(SESSION_COOKIE)!;
  const before = await fingerprint();
  expect(isRedirectTo(await call().catch((error: unknown) => error), "/login")).toBe(true);
  expect(cookieOf(SESSION_COOKIE)).toBeUndefined();
  // Only the caller's own session ended, and the sign-out was recorded.
  expect(changedTables(before, await fingerprint())).toEqual(["AuditLog", "UserSession"]);
  startRequest({ cookies: { [SESSION_COOKIE]: cookie } });
  expect(await getCurrentUser()).toBeNull();
}

/** app/actions.ts#signOutEverywhereAction */
export async function checkSignOutEverywhere({
  principal,
  world,
  call,
}: TCheckContext): Promise<void> {
  if (!isRole(principal)) {
    await actAs(principal, world.a);
    expect(
      isRedirectTo(await nothingChanges(() => call().catch((error: unknown) => error)), "/login"),
    ).toBe(true);
    return;
  }
  const { user } = await freshUser(world.a, principal);
  await actAsUser(user);
  const staleCookie = cookieOf(SESSION_COOKIE)!;
  const othersBefore = await db.user.findMany({
    where: { id: { not: user.id } },
    orderBy: { id: "asc" },
    select: { id: true, sessionVersion: true },
  });
  expect(isRedirectTo(await call().catch((error: unknown) => error), "/login")).toBe(true);
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(
    user.sessionVersion + 1,
  );
  expect(
    await db.user.findMany({
      where: { id: { not: user.id } },
      orderBy: { id: "asc" },
      select: { id: true, sessionVersion: true },
    }),
  ).toEqual(othersBefore);
  startRequest({ cookies: { [SESSION_COOKIE]: staleCookie } });
  expect(await getCurrentUser()).toBeNull();
}

/** app/api/v1/openapi.yaml/route.ts#GET */
export async function checkOpenApi({ principal, world, call }: TCheckContext): Promise<void> {
  await actAs(principal, world.a);
  const response = (await nothingChanges(() => call())) as Response;
  expect(response.status).toBe(200);
  expect(await response.text()).toContain("openapi:");
}

/** app/api/auth/[...nextauth]/route.ts#GET */
export async function checkAuthSession({ principal, world, call }: TCheckContext): Promise<void> {
  const user = await actAs(principal, world.a);
  const response = (await nothingChanges(() =>
    call(new Request(`${ORIGIN}/api/auth/session`, { headers: requestHeaders() })),
  )) as Response;
  const session = (await response.json()) as { userId?: string } | null;
  expect(session?.userId ?? null).toBe(user?.id ?? null);
}

/** app/api/auth/[...nextauth]/route.ts#POST */
export async function checkAuthCallbackWithoutCsrf({
  principal,
  world,
  call,
}: TCheckContext): Promise<void> {
  await actAs(principal, world.a);
  const headers = requestHeaders();
  headers.set("content-type", "application/x-www-form-urlencoded");
  headers.delete("cookie");
  const body = new URLSearchParams({
    email: world.a.users.MANAGER.email,
    password: "correct-horse-battery",
    callbackUrl: "/",
  });
  // Auth.js logs the refusal as an error: it is the expected answer here.
  const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
  const response = (await nothingChanges(() =>
    call(new Request(`${ORIGIN}/api/auth/callback/credentials`, { method: "POST", headers, body })),
  )) as Response;
  expect(
    logged.mock.calls.flat().some((entry) => (entry as { type?: string })?.type === "MissingCSRF"),
  ).toBe(true);
  logged.mockRestore();
  expect(
    response.headers
      .getSetCookie()
      .filter(
        (cookie) =>
          cookie.startsWith(`${SESSION_COOKIE}=`) && !cookie.startsWith(`${SESSION_COOKIE}=;`),
      ),
  ).toEqual([]);
}
