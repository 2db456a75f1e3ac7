import { spawn, type ChildProcess } from "node:child_process";
import { expect } from "@playwright/test";

// `npm start` as a person runs it, on its own port and data directory (the app is already built by
// the web server of this run), for the specs that test the start itself.

export type TRun = { npm: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Every start, so that a failed test still stops what it started (stopAllRuns in afterEach). */
const runs: TRun[] = [];

export function startApp(options: {
  port: number;
  dataDir: string;
  env?: Record<string, string>;
}): TRun {
  let output = "";
  // A process group of its own, like a terminal's foreground job, so Ctrl-C can be emulated.
  const npm = spawn("npm", ["start"], {
    detached: true,
    env: {
      ...process.env,
      PORT: String(options.port),
      HOSTNAME: "127.0.0.1",
      MOMENTS_DATA_DIR: options.dataDir,
      DATABASE_URL: "",
      ...options.env,
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

export async function waitForReady(run: TRun) {
  await expect
    .poll(() => run.output(), { timeout: 150_000, intervals: [500] })
    .toContain("Moments is running at");
}

/** Ctrl-C to every start still running; a test that failed before its own stop leaves nothing behind. */
export async function stopAllRuns() {
  for (const run of runs.splice(0)) {
    if (run.npm.exitCode !== null || run.npm.signalCode !== null) continue;
    try {
      process.kill(-run.npm.pid!, "SIGINT");
    } catch {
      continue; // already gone
    }
    await run.exited;
  }
}
