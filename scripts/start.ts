// `npm start`: database (embedded unless DATABASE_URL), migrations, demo seed, build if the
// sources changed, then `next start` — and on Ctrl-C, SIGTERM or a crash, stops Next and then
// PostgreSQL, leaving no process behind. `npm run dev` does the same with `next dev`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { startEnv } from "@/lib/env";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/seed/demo-users";
import { readOrCreateAuthSecret } from "./lib/auth-secret";
import { isBuildCurrent, recordBuild, sourceFingerprint } from "./lib/build-fingerprint";

const root = process.cwd();
const isDev = process.argv.includes("--dev");
const env = startEnv();
const dataDir = path.resolve(root, env.MOMENTS_DATA_DIR);
const runFile = path.join(dataDir, "run.json");
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

let stopDatabase: (() => Promise<void>) | undefined;
let nextServer: ChildProcess | undefined;
let isStopping = false;

async function shutdown(exitCode: number): Promise<never> {
  if (!isStopping) {
    isStopping = true;
    if (nextServer && nextServer.exitCode === null && nextServer.signalCode === null) {
      const exited = new Promise((resolve) => nextServer!.once("exit", resolve));
      nextServer.kill("SIGTERM");
      const timeout = setTimeout(() => nextServer?.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timeout);
    }
    if (stopDatabase) {
      console.log("Stopping PostgreSQL…");
      await stopDatabase().catch((error) => console.error("Could not stop PostgreSQL cleanly:", error));
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

async function main() {
  mkdirSync(dataDir, { recursive: true });

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    console.log(`Starting the embedded PostgreSQL in ${path.relative(root, dataDir)}/postgres …`);
    const database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), database: "moments" });
    stopDatabase = database.stop;
    databaseUrl = database.url;
  }
  if (isStopping) return;

  const { applied } = await migrate(databaseUrl);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");

  // The domain modules read DATABASE_URL when first imported, hence the late import.
  process.env.DATABASE_URL = databaseUrl;
  const { seedDemoOrganization } = await import("@/lib/seed/demo-organization");
  const { createdUsers } = await seedDemoOrganization();
  console.log(`Demo organization ready (${createdUsers} user(s) created).`);

  const childEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: env.AUTH_SECRET ?? readOrCreateAuthSecret(dataDir),
    NODE_ENV: isDev ? ("development" as const) : ("production" as const),
    NEXT_TELEMETRY_DISABLED: "1",
  };

  if (!isDev) {
    const fingerprint = sourceFingerprint(root);
    if (isBuildCurrent(root, fingerprint)) {
      console.log("The build is up to date.");
    } else {
      console.log("Building the app (next build)…");
      const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: childEnv });
      if (build.status !== 0) throw new Error("next build failed");
      recordBuild(root, fingerprint);
    }
  }
  if (isStopping) return;

  const args = [nextBin, isDev ? "dev" : "start", "--port", String(env.PORT), "--hostname", env.HOSTNAME];
  const server = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"], env: childEnv });
  nextServer = server;
  server.on("exit", (code) => {
    if (!isStopping) {
      console.error(`The Next.js server stopped (exit code ${code}).`);
      void shutdown(code ?? 1);
    }
  });
  let isAnnounced = false;
  server.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!isAnnounced && /ready/i.test(chunk.toString())) {
      isAnnounced = true;
      writeFileSync(runFile, JSON.stringify({ nextPid: server.pid, startPid: process.pid, port: env.PORT }));
      announce();
    }
  });
}

function announce() {
  console.log(`\nMoments is running at http://localhost:${env.PORT}\n`);
  console.log(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(10)} ${user.email}`);
  console.log("\nPress Ctrl-C to stop.\n");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  void shutdown(1);
});
