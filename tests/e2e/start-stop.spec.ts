import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// `npm start` on its own port and data directory (the app is already built by the web server
// of this run): it serves, a second start reuses the data, and Ctrl-C or SIGTERM leaves no
// Next.js or PostgreSQL process behind.

const PORT = 3200;
const dataDir = path.resolve(".data/e2e-start");

type TRun = { npm: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Every start of this file, so that a failed test still stops what it started (afterEach). */
const runs: TRun[] = [];

function startApp(): TRun {
  let output = "";
  // A process group of its own, like a terminal's foreground job, so Ctrl-C can be emulated.
  const npm = spawn("npm", ["start"], {
    detached: true,
    env: {
      ...process.env,
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      MOMENTS_DATA_DIR: dataDir,
      DATABASE_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  npm.stdout!.on("data", (chunk) => (output += chunk));
  npm.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => npm.on("exit", (code) => resolve(code)));
  const run = { npm, output: () => output, exited };
  runs.push(run);
  return run;
}

async function waitForReady(run: TRun) {
  await expect
    .poll(() => run.output(), { timeout: 150_000, intervals: [500] })
    .toContain("Moments is running at");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function runningPids() {
  const run = JSON.parse(readFileSync(path.join(dataDir, "run.json"), "utf8")) as {
    nextPid: number;
    startPid: number;
  };
  const postgresPid = Number(
    readFileSync(path.join(dataDir, "postgres", "cluster", "postmaster.pid"), "utf8").split(
      "\n",
    )[0],
  );
  return [run.nextPid, run.startPid, postgresPid];
}

test.describe.configure({ mode: "serial", timeout: 300_000 });

test.beforeAll(() => rmSync(dataDir, { recursive: true, force: true }));

// A test that failed before its own Ctrl-C must not leave Next.js and PostgreSQL running (they hold
// the port and the data directory for the next run).
test.afterEach(async () => {
  for (const run of runs.splice(0)) {
    if (run.npm.exitCode !== null || run.npm.signalCode !== null) continue;
    try {
      process.kill(-run.npm.pid!, "SIGINT");
    } catch {
      continue; // already gone
    }
    await run.exited;
  }
});

test("npm start serves the app; SIGTERM to npm stops Next.js and PostgreSQL", async () => {
  const run = startApp();
  await waitForReady(run);
  expect(run.output()).toContain("Demo sign-ins");
  expect(run.output()).toContain("Demo organization ready (4 user(s) created)");
  const response = await fetch(`http://127.0.0.1:${PORT}/login`);
  expect(response.status).toBe(200);

  const pids = runningPids();
  expect(pids.every(isAlive)).toBe(true);
  process.kill(run.npm.pid!, "SIGTERM");
  await run.exited;
  await expect.poll(() => pids.filter(isAlive), { timeout: 20_000 }).toEqual([]);
  expect(existsSync(path.join(dataDir, "postgres", "cluster", "postmaster.pid"))).toBe(false);
});

test("a second start reuses the data; Ctrl-C stops everything", async () => {
  const run = startApp();
  await waitForReady(run);
  expect(run.output()).toContain("Database schema is up to date.");
  expect(run.output()).toContain("Demo organization ready (0 user(s) created)");
  expect(run.output()).toContain("The build is up to date.");

  const pids = runningPids();
  process.kill(-run.npm.pid!, "SIGINT"); // what a terminal sends on Ctrl-C
  await run.exited;
  await expect.poll(() => pids.filter(isAlive), { timeout: 20_000 }).toEqual([]);
});
