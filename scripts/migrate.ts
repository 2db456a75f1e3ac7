// `npm run db:migrate`: applies the pending migrations to the server named by DATABASE_URL.
import { migrate } from "@/lib/db/migrate";
import { databaseEnv } from "@/lib/env";

const { applied } = await migrate(databaseEnv().DATABASE_URL, { log: console.log });
console.log(
  applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.",
);
