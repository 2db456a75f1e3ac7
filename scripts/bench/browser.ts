// The browser half of `npm run bench`: the built app, started the way `npm start` starts it, on
// the benchmark's database, and each route loaded in headless Chromium by a signed-in user. Per
// route: the Largest Contentful Paint of `runs` cold loads (each in a new browser context: empty
// cache, same cookies), and the JavaScript the route makes the browser download, gzipped.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { startAppServer } from "../lib/app-server";
import { chromiumLaunchOptions } from "../lib/chromium";

export type TRouteFigures = {
  route: string;
  lcpMs: number[];
  jsGzipBytes: number;
  jsFiles: number;
  /** Every script of the route, largest first. */
  scripts: TScriptSize[];
};

type TScriptSize = { file: string; gzipBytes: number };

export type TMeasureRoutesOptions = {
  /**
   * An already migrated database that holds the user: the app's role, and the owner's (the start's
   * migrations); without them, a fresh embedded one with the demo organization.
   */
  databaseUrl?: string;
  databaseOwnerUrl?: string;
  /** A user who may open every route. */
  email: string;
  password: string;
  /** e.g. ["/measure", "/overview", "/frontline"] */
  routes: readonly string[];
  /** LCP samples per route. */
  runs: number;
  /** Default 3400. */
  port?: number;
  log?: (line: string) => void;
};

type TStorageState = Exclude<BrowserContextOptions["storageState"], string | undefined>;

const DEFAULT_PORT = 3400;
/** Its own secret and run file: a benchmark never touches the user's `.data`. */
const APP_DATA_DIR = path.join(".data", "bench-app");
/** After the load event: charts render after hydration, and the LCP candidate may still change. */
const SETTLE_MS = 1_000;
/** Buffered entries arrive at once; waiting longer would only hide a page that painted nothing. */
const LCP_WAIT_MS = 3_000;
const NAVIGATION_TIMEOUT_MS = 120_000;
/** What the browser tests use: Korean is the app's default language. */
const CONTEXT_OPTIONS = { locale: "ko-KR", viewport: { width: 1280, height: 800 } } as const;

/** Starts the built app (building it first when the sources changed) on `databaseUrl`, signs in, loads each route `runs` times in headless Chromium. */
export async function measureRoutes(options: TMeasureRoutesOptions): Promise<TRouteFigures[]> {
  const { routes, runs, port = DEFAULT_PORT, log = () => {} } = options;
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`runs must be a positive whole number, not ${runs}`);
  if (routes.length === 0 || routes.some((route) => !route.startsWith("/")))
    throw new Error(`routes must be paths starting with "/": ${JSON.stringify(routes)}`);

  const dataDir = path.resolve(APP_DATA_DIR);
  log(
    `Starting the app on port ${port} (it builds first when the sources changed; output in ${path.relative(process.cwd(), path.join(dataDir, "server.log"))}) …`,
  );
  const started = performance.now();
  const app = await startAppServer({
    root: process.cwd(),
    port,
    dataDir,
    databaseUrl: options.databaseUrl,
    databaseOwnerUrl: options.databaseOwnerUrl,
  });
  log(`The app answers after ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  try {
    const browser = await chromium.launch(await chromiumLaunchOptions());
    try {
      const storageState = await signIn(browser, app.baseUrl, options.email, options.password);
      const figures: TRouteFigures[] = [];
      for (const route of routes)
        figures.push(
          await measureRoute(browser, { baseUrl: app.baseUrl, storageState, route, runs, log }),
        );
      return figures;
    } finally {
      await browser.close();
    }
  } finally {
    const killed = await app.stop();
    if (killed) log(`Killed ${killed} app process(es) that did not stop within 30 s of SIGTERM.`);
  }
}

// ── the browser ────────────────────────────────────────────────────────────────────────────────

/** Through the real /login form, as the browser tests do; the cookies are reused by every measured load. */
async function signIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  password: string,
): Promise<TStorageState> {
  const context = await browser.newContext({ ...CONTEXT_OPTIONS, baseURL: baseUrl });
  try {
    const page = await context.newPage();
    await page.goto("/login", { timeout: NAVIGATION_TIMEOUT_MS });
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('button[type="submit"]').click();
    await page
      .getByTestId("current-user")
      .waitFor({ timeout: NAVIGATION_TIMEOUT_MS })
      .catch(() => {
        throw new Error(`Signing in ${email} failed (still at ${page.url()})`);
      });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

type TRouteRun = {
  baseUrl: string;
  storageState: TStorageState;
  route: string;
  runs: number;
  log: (line: string) => void;
};

/** One warm-up load (the server's first render compiles and caches) that also weighs the scripts, then `runs` measured loads. */
async function measureRoute(browser: Browser, run: TRouteRun): Promise<TRouteFigures> {
  const scripts = await inFreshPage(browser, run, (page) => gzippedScriptBytes(page, run));
  const lcpMs: number[] = [];
  for (let i = 0; i < run.runs; i += 1) {
    lcpMs.push(
      await inFreshPage(browser, run, async (page) => {
        await openRoute(page, run);
        return largestContentfulPaint(page, run.route);
      }),
    );
  }
  run.log(
    `${run.route}: LCP ${lcpMs.map((ms) => ms.toFixed(0)).join(", ")} ms; JS ${(scripts.jsGzipBytes / 1024).toFixed(1)} KB gzipped in ${scripts.jsFiles} files`,
  );
  return { route: run.route, lcpMs, ...scripts };
}

/** A new context for each load: an empty cache, the signed-in cookies. */
async function inFreshPage<T>(
  browser: Browser,
  run: TRouteRun,
  visit: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({
    ...CONTEXT_OPTIONS,
    baseURL: run.baseUrl,
    storageState: run.storageState,
  });
  try {
    return await visit(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Opens the route until its load event and a short settle; a refusal or a trip to /login is an error, not a figure. */
async function openRoute(page: Page, { route }: TRouteRun): Promise<void> {
  const response = await page.goto(route, { waitUntil: "load", timeout: NAVIGATION_TIMEOUT_MS });
  if (!response?.ok()) throw new Error(`${route} answered ${response?.status() ?? "nothing"}`);
  if (new URL(page.url()).pathname === "/login")
    throw new Error(`${route} sent the user to /login: the session was not accepted`);
  await page.waitForTimeout(SETTLE_MS);
}

/**
 * The startTime of the last largest-contentful-paint entry. page.evaluate runs through the
 * DevTools protocol, which the page's nonce CSP does not govern. No entry is an error: 0 would
 * read as the fastest page there is.
 */
async function largestContentfulPaint(page: Page, route: string): Promise<number> {
  const startTime = await page.evaluate(
    (waitMs) =>
      new Promise<number | null>((resolve) => {
        const observer = new PerformanceObserver((list) => {
          observer.disconnect();
          resolve(list.getEntries().at(-1)?.startTime ?? null);
        });
        observer.observe({ type: "largest-contentful-paint", buffered: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(null);
        }, waitMs);
      }),
    LCP_WAIT_MS,
  );
  if (startTime === null)
    throw new Error(`${route}: the browser reported no Largest Contentful Paint`);
  return startTime;
}

/**
 * Every same-origin script response of one load of the route, up to the end of the settle: what
 * the route makes the browser download (measured, not read from the build manifest; here every
 * chunk arrived before the load event). Each body gzipped at zlib's default level (6), which is
 * what `next start` sends (its compression middleware keeps the default level).
 */
async function gzippedScriptBytes(
  page: Page,
  run: TRouteRun,
): Promise<Pick<TRouteFigures, "jsGzipBytes" | "jsFiles" | "scripts">> {
  const origin = new URL(run.baseUrl).origin;
  // A failed body is kept as the error and thrown once the load is over (not an unhandled rejection meanwhile).
  const sizes = new Map<string, Promise<number | Error>>();
  page.on("response", (response) => {
    const url = response.url();
    if (
      response.request().resourceType() !== "script" ||
      new URL(url).origin !== origin ||
      sizes.has(url)
    )
      return;
    sizes.set(
      url,
      response.body().then(
        (body) => gzipSync(body).length,
        (error: Error) => new Error(`${run.route}: no body for ${url}: ${error.message}`),
      ),
    );
  });
  await openRoute(page, run);
  const results = await Promise.all(sizes.values());
  const failure = results.find((size) => size instanceof Error);
  if (failure) throw failure;
  const scripts = [...sizes.keys()]
    .map((url, i) => ({
      file: new URL(url).pathname.split("/").at(-1)!,
      gzipBytes: results[i] as number,
    }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    jsGzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0),
    jsFiles: scripts.length,
    scripts,
  };
}
