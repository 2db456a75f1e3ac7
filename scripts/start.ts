// `npm start`: database (embedded unless DATABASE_URL), migrations, demo seed, build if the
// sources changed, then the app's server (scripts/serve.ts: Next.js, with client addresses taken
// from the socket and the trusted proxies) — and on Ctrl-C, SIGTERM (to this script or to npm) or
// a crash, stops Next and then PostgreSQL, leaving no process behind. `npm run dev` does the same
// in development mode.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { migrate } from "@/lib/db/migrate";
import { clientAddressEnv, startEnv } from "@/lib/env";
import { readOrCreateSecret } from "@/lib/secret-file";
import { isBuildCurrent, recordBuild, sourceFingerprint } from "./lib/build-fingerprint";
import { openAppDatabase } from "./lib/app-database";
import { serveArgs } from "./lib/serve-args";
import { whenLauncherExits } from "./lib/watch-launcher";
import { defaultPublicUrl } from "./lib/public-url";
import { startNotices } from "./lib/start-notices";

const root = process.cwd();
const isDev = process.argv.includes("--dev");
const env = startEnv();
clientAddressEnv(); // a mistyped TRUSTED_PROXIES stops the start here, before the build
const dataDir = path.resolve(root, env.MOMENTS_DATA_DIR);
const runFile = path.join(dataDir, "run.json");
const setupTokenFile = path.join(dataDir, "setup-token");
const publicUrl = env.MOMENTS_PUBLIC_URL ?? defaultPublicUrl(env.HOSTNAME, env.PORT);
// Links in messages (invitations, resets) point here; read by lib/env.ts in this process too.
process.env.MOMENTS_PUBLIC_URL = publicUrl;
let setupLink: { url: string; file: string } | null = null;
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

let stopDatabase: (() => Promise<void>) | undefined;
/** The running `next build` or app server. */
let child: ChildProcess | undefined;
let isStopping = false;

async function stopChild(): Promise<void> {
  const running = child;
  if (!running || running.exitCode !== null || running.signalCode !== null) return;
  const exited = new Promise((resolve) => running.once("exit", resolve));
  running.kill("SIGTERM");
  const timeout = setTimeout(() => running.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timeout);
}

async function shutdown(exitCode: number): Promise<never> {
  if (!isStopping) {
    isStopping = true;
    await stopChild();
    if (stopDatabase) {
      console.log("Stopping PostgreSQL…");
      await stopDatabase().catch((error) =>
        console.error("Could not stop PostgreSQL cleanly:", error),
      );
    }
    rmSync(runFile, { force: true });
  }
  process.exit(exitCode);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void shutdown(0));
}
process.on("uncaughtException", (error) => {
  console.error(error);
  void shutdown(1);
});
whenLauncherExits(() => void shutdown(0));

/** Runs node with `nodeArgs` as the current child. */
function run(
  nodeArgs: string[],
  childEnv: NodeJS.ProcessEnv,
  onStdout?: (chunk: Buffer) => void,
): Promise<number | null> {
  const started = spawn(process.execPath, nodeArgs, {
    stdio: ["ignore", onStdout ? "pipe" : "inherit", "inherit"],
    env: childEnv,
  });
  child = started;
  if (onStdout) started.stdout?.on("data", onStdout);
  return new Promise((resolve) => started.once("exit", (code) => resolve(code)));
}

async function main() {
  mkdirSync(dataDir, { recursive: true });

  const database = await openAppDatabase(env, { log: console.log });
  stopDatabase = database.stop;
  const databaseUrl = database.url;
  if (isStopping) return;

  const { applied } = await migrate(database.ownerUrl, { appUrl: databaseUrl });
  console.log(
    applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.",
  );

  // The domain modules read DATABASE_URL when first imported, hence the late import.
  process.env.DATABASE_URL = databaseUrl;
  const { seedDemoOrganization } = await import("@/prisma/seed/demo-organization");
  if (env.MOMENTS_DEMO === "0") {
    console.log("MOMENTS_DEMO=0: the demo organization is not seeded.");
  } else {
    const { createdUsers } = await seedDemoOrganization();
    console.log(`Demo organization ready (${createdUsers} user(s) created).`);
  }

  const childEnv = {
    ...process.env,
    HOSTNAME: env.HOSTNAME,
    MOMENTS_PUBLIC_URL: publicUrl,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: env.AUTH_SECRET ?? readOrCreateSecret(path.join(dataDir, "auth-secret")),
    MOMENTS_ENCRYPTION_KEY:
      env.MOMENTS_ENCRYPTION_KEY ?? readOrCreateSecret(path.join(dataDir, "encryption-key")),
    NODE_ENV: isDev ? ("development" as const) : ("production" as const),
    NEXT_TELEMETRY_DISABLED: "1",
  };

  if (!isDev) {
    const fingerprint = sourceFingerprint(root);
    if (isBuildCurrent(root, fingerprint)) {
      console.log("The build is up to date.");
    } else {
      console.log("Building the app (next build)…");
      const code = await run([nextBin, "build"], childEnv);
      if (isStopping) return;
      if (code !== 0) throw new Error("next build failed");
      recordBuild(root, fingerprint);
    }
  }
  if (isStopping) return;
  await prepareSetup();

  let isAnnounced = false;
  const code = await run(
    serveArgs({ root, isDev, port: env.PORT, hostname: env.HOSTNAME }),
    childEnv,
    (chunk) => {
      process.stdout.write(chunk);
      if (!isAnnounced && /ready/i.test(chunk.toString())) {
        isAnnounced = true;
        writeFileSync(
          runFile,
          JSON.stringify({ nextPid: child?.pid, startPid: process.pid, port: env.PORT }),
        );
        announce();
      }
    },
  );
  if (!isStopping) {
    console.error(`The Next.js server stopped (exit code ${code}).`);
    await shutdown(code ?? 1);
  }
}

/**
 * While no organization of one's own exists: a fresh one-time setup link (earlier ones stop
 * working), kept in a file only this user can read; afterwards, no link and no file.
 */
async function prepareSetup() {
  const { prepareSetupLink } = await import("@/lib/accounts/setup");
  const link = await prepareSetupLink();
  rmSync(setupTokenFile, { force: true });
  if (!link) return;
  writeFileSync(setupTokenFile, `${link.token}\n`, { mode: 0o600 });
  setupLink = { url: link.url, file: setupTokenFile };
}

function announce() {
  console.log(startNotices(env, publicUrl, setupLink));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  void shutdown(1);
});
