import { randomUUID } from "node:crypto";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { demoEmail, signIn, signedInPage } from "./fixtures";
import { queryE2eDatabase } from "./e2e-database";

// In a real browser against the built app: the security headers on every kind
// of response, a Content-Security-Policy that blocks injected script but not the app itself
// (service worker included), server actions refusing cross-origin POSTs, and the
// x-middleware-subrequest header (CVE-2025-29927) gaining a request nothing.

const STATIC_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};

function expectStaticHeaders(response: APIResponse) {
  const headers = response.headers();
  for (const [name, value] of Object.entries(STATIC_HEADERS))
    expect(headers[name], name).toBe(value);
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"], "no HSTS over plain HTTP").toBeUndefined();
}

const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __violations: string[] }).__violations ??= [];
      (window as unknown as { __violations: string[] }).__violations.push(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  page.on("console", (message) => {
    if (
      /Content Security Policy|Refused to (load|execute|apply|connect|frame|create)/i.test(
        message.text(),
      )
    )
      violations.push(message.text());
  });
  return violations;
}
const reportedViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);

test.describe("security headers", () => {
  test("a page carries the static headers and a CSP whose nonce is on every script it renders", async ({
    request,
  }) => {
    const first = await request.get("/login");
    expect(first.status()).toBe(200);
    expectStaticHeaders(first);
    const policy = first.headers()["content-security-policy"]!;
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("worker-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).not.toContain("upgrade-insecure-requests");
    const nonce = nonceOf(policy)!;
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

    const second = await request.get("/login");
    expect(nonceOf(second.headers()["content-security-policy"]!)).not.toBe(nonce);
  });

  test("static files, the service worker, the manifest and the API carry them too", async ({
    request,
  }) => {
    const html = await (await request.get("/login")).text();
    const staticFile = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
    for (const path of [staticFile, "/sw.js", "/manifest.webmanifest", "/icons/icon-192.png"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      expectStaticHeaders(response);
    }
    expect((await request.get("/sw.js")).headers()["content-type"]).toContain("javascript");

    const api = await request.post("/api/v1/observations", { data: { observations: [] } });
    expect(api.status()).toBe(401);
    expectStaticHeaders(api);
    expect(api.headers()["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    const openapi = await request.get("/api/v1/openapi.yaml");
    expect(openapi.status()).toBe(200);
    expectStaticHeaders(openapi);
  });

  test("behind HTTPS (a TLS proxy's X-Forwarded-Proto), HSTS is sent and insecure requests are upgraded", async ({
    request,
  }) => {
    const response = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers()["strict-transport-security"]).toBe("max-age=31536000");
    expect(response.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  });
});

test.describe("the Content-Security-Policy in the browser", () => {
  test("signing in and opening every area (Measure and the frontline page included) report no violation, and the service worker installs", async ({
    page,
  }) => {
    const violations = await watchViolations(page);
    await signIn(page, demoEmail("MANAGER"));
    for (const path of [
      "/overview",
      "/journeys",
      "/measure",
      "/analyze",
      "/improve",
      "/control",
      "/promises",
      "/follow-ups",
      "/frontline",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await reportedViolations(page), path).toEqual([]);
    }
    await expect(page.getByTestId("offline-ready")).toBeVisible();
    expect(
      await page.evaluate(async () =>
        Boolean(await navigator.serviceWorker.getRegistration("/frontline")),
      ),
    ).toBe(true);
    expect(violations).toEqual([]);
  });

  test("blocks script injected as HTML (an inline event handler) and reports it", async ({
    page,
  }) => {
    await watchViolations(page);
    await page.goto("/login");
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        "beforeend",
        `<img src="/__missing.png" onerror="window.__injected = true">`,
      );
    });
    await expect
      .poll(() => reportedViolations(page))
      .toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-attr|^script-src/)]));
    expect(
      await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected),
    ).toBeUndefined();
  });
});

test.describe("the session cookie", () => {
  test("is HttpOnly (no script can read it) and SameSite=Lax (another site's POST arrives without it)", async ({
    browser,
  }) => {
    const page = await signedInPage(browser, "MANAGER");
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => /authjs\.session-token$/.test(cookie.name));
    expect(session, cookies.map((cookie) => cookie.name).join(", ")).toBeDefined();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe("Lax");
    expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
  });
});

test.describe("server actions and forged headers", () => {
  test("a server action POSTed from another origin is refused and stores nothing; the same POST from the app's origin works", async ({
    browser,
    baseURL,
  }) => {
    const page = await signedInPage(browser, "MANAGER");
    await page.goto("/journeys/segments");
    const token = (label: string) => `xo-${label}-${randomUUID()}`;
    const original = token("ok");
    const form = page.getByTestId("create-segment-form");
    await form.locator('input[name="nameEn"]').fill(original);
    const [actionRequest] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
      form.locator('button[type="submit"]').click(),
    ]);
    await expect
      .poll(
        async () =>
          (await queryE2eDatabase(`SELECT 1 FROM "Segment" WHERE "nameEn" = $1`, [original]))
            .length,
      )
      .toBe(1);

    // The captured request, replayed with the browser's own cookies: only the name and the Origin change.
    const replay = async (name: string, origin: string) => {
      const body = (actionRequest.postDataBuffer() ?? Buffer.alloc(0))
        .toString("utf8")
        .replace(original, name);
      const headers: Record<string, string> = { ...actionRequest.headers(), origin };
      for (const header of ["cookie", "content-length", "host"]) delete headers[header];
      return page.request.post(actionRequest.url(), { headers, data: body, maxRedirects: 0 });
    };
    const forged = token("evil");
    const refused = await replay(forged, "https://evil.example");
    expect(refused.status()).toBeGreaterThanOrEqual(400);
    const control = token("same");
    const accepted = await replay(control, new URL(baseURL!).origin);
    expect(accepted.status()).toBe(200);
    await expect
      .poll(
        async () =>
          (await queryE2eDatabase(`SELECT 1 FROM "Segment" WHERE "nameEn" = $1`, [control])).length,
      )
      .toBe(1);
    expect(await queryE2eDatabase(`SELECT 1 FROM "Segment" WHERE "nameEn" = $1`, [forged])).toEqual(
      [],
    );
    await page.context().close();
  });

  test("x-middleware-subrequest gains a signed-out request nothing: pages still send it to sign in, the API still wants a key", async ({
    request,
  }) => {
    const journey = (
      await queryE2eDatabase<{ id: string }>(
        `SELECT id FROM "Journey" ORDER BY "createdAt" LIMIT 1`,
      )
    )[0]!;
    for (const value of [
      "proxy:proxy:proxy:proxy:proxy",
      "middleware:middleware:middleware:middleware:middleware",
      "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
      "proxy",
    ]) {
      const headers = { "x-middleware-subrequest": value };
      for (const path of ["/measure", "/admin/users", `/journeys/${journey.id}`]) {
        const page = await request.get(path, { headers, maxRedirects: 0 });
        expect([307, 308], `${path} with ${value}`).toContain(page.status());
        expect(new URL(page.headers().location!, "http://x").pathname).toBe("/login");
      }
      const download = await request.get(`/journeys/${journey.id}/export?format=json`, {
        headers,
        maxRedirects: 0,
      });
      expect(download.status()).not.toBe(200);
      const api = await request.post("/api/v1/observations", {
        headers: { ...headers, "content-type": "application/json" },
        data: { observations: [] },
      });
      expect(api.status()).toBe(401);
      expect((await api.json()).code).toBe("missing_api_key");
    }
  });
});
