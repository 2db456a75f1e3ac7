// Starts one real PostgreSQL for the integration tests — the embedded one, in a fresh directory
// under .data/, unless TEST_DATABASE_URL names a server — and applies the migrations to it, as
// `npm start` does: as the owner role, the tests' app code then connecting as the app's role.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** The app's role: what lib/db/client.ts connects as. */
    databaseUrl: string;
    /** The owner role: migrations, the reset between tests, backups. */
    databaseOwnerUrl: string;
    /** May create and drop databases (the embedded cluster's superuser). */
    databaseAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const externalUrl = process.env.TEST_DATABASE_URL;
  if (externalUrl) {
    const ownerUrl = process.env.TEST_DATABASE_OWNER_URL || externalUrl;
    await migrate(ownerUrl, { appUrl: externalUrl });
    project.provide("databaseUrl", externalUrl);
    project.provide("databaseOwnerUrl", ownerUrl);
    project.provide("databaseAdminUrl", ownerUrl);
    return;
  }

  const dataDir = path.resolve(".data", `test-pg-${randomBytes(4).toString("hex")}`);
  const database = await startEmbeddedPostgres({ dataDir, database: "moments_test", fast: true });
  await migrate(database.ownerUrl, { appUrl: database.url });
  project.provide("databaseUrl", database.url);
  project.provide("databaseOwnerUrl", database.ownerUrl);
  project.provide("databaseAdminUrl", database.superuserUrl);

  return async () => {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
