// Starts one real PostgreSQL for the integration tests — the embedded one, in a fresh directory
// under .data/, unless TEST_DATABASE_URL names a server — and applies the migrations to it.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const externalUrl = process.env.TEST_DATABASE_URL;
  if (externalUrl) {
    await migrate(externalUrl);
    project.provide("databaseUrl", externalUrl);
    return;
  }

  const dataDir = path.resolve(".data", `test-pg-${randomBytes(4).toString("hex")}`);
  const database = await startEmbeddedPostgres({ dataDir, database: "moments_test", fast: true });
  await migrate(database.url);
  project.provide("databaseUrl", database.url);

  return async () => {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
