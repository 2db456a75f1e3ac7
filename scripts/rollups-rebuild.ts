// `npm run rollups:rebuild [-- --org <slug>]`: recomputes the rollups the dashboards read from the
// raw observations, one touchpoint per transaction (docs/SCALING.md), in the database `npm start`
// uses (DATABASE_URL, else the embedded PostgreSQL — the running one if `npm start` is up). Safe
// while observations arrive: an insert waits for the touchpoint being recomputed, then adds to it.
import { parseArgs } from "node:util";
import { startEnv } from "@/lib/env";
import { openAppDatabase } from "./lib/app-database";

const { values } = parseArgs({ options: { org: { type: "string" } } });
const database = await openAppDatabase(startEnv(), {
  log: (message) => console.error(message),
  reuseRunning: true,
});
let exitCode = 0;
try {
  // The Prisma client connects to DATABASE_URL when first imported: after this line.
  process.env.DATABASE_URL = database.url;
  const { db } = await import("@/lib/db/client");
  const { rebuildRollups } = await import("@/lib/observations/rollups");
  const organizations = await db.organization.findMany({
    where: values.org ? { slug: values.org } : {},
    select: { id: true, slug: true },
    orderBy: { slug: "asc" },
  });
  if (values.org && organizations.length === 0) {
    console.error(`No organization with the slug "${values.org}".`);
    exitCode = 1;
  }
  for (const organization of organizations) {
    const started = performance.now();
    const { rows } = await rebuildRollups(organization.id);
    const counts = Object.entries(rows)
      .map(([rollup, n]) => `${n.toLocaleString("en")} ${rollup}`)
      .join(", ");
    console.log(
      `${organization.slug}: rollups rebuilt in ${Math.round(performance.now() - started)} ms (${counts} rows).`,
    );
  }
  await db.$disconnect();
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await database.stop?.();
}
process.exit(exitCode);
