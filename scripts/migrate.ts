// `npm run db:migrate`: applies the pending migrations, as the owner role, to the database
// `npm start` uses (DATABASE_OWNER_URL / DATABASE_URL, else the embedded PostgreSQL), and grants
// the app's role what it needs.
import { migrate } from "@/lib/db/migrate";
import { startEnv } from "@/lib/env";
import { openAppDatabase } from "./lib/app-database";

const database = await openAppDatabase(startEnv(), {
  log: (message) => console.error(message),
  reuseRunning: true,
});
try {
  const { applied } = await migrate(database.ownerUrl, { appUrl: database.url, log: console.log });
  console.log(
    applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.",
  );
} finally {
  await database.stop?.();
}
