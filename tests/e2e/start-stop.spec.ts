import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startApp as startNpm, stopAllRuns, waitForReady, type TRun } from "./npm-start";

// `npm start` on its own port and data directory (the app is already built by the web server
// of this run): it serves, a second start reuses the data, and Ctrl-C or SIGTERM leaves no
// Next.js or PostgreSQL process behind.

const PORT = 3200;
const dataDir = path.resolve(".data/e2e-start");
const startApp = (): TRun => startNpm({ port: PORT, dataDir });

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

test.afterEach(stopAllRuns);

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
