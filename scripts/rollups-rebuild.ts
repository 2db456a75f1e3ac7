// `npm run rollups:rebuild [-- --org <slug>]`: recomputes the daily rollup (ObservationDaily) from
// the raw observations at DATABASE_URL, one transaction per organization (docs/SCALING.md). Safe
// while observations arrive: inserts of that organization wait for its rebuild, then add to it.
import { parseArgs } from "node:util";
import { db } from "@/lib/db/client";
import { rebuildRollups } from "@/lib/observations/rollups";

const { values } = parseArgs({ options: { org: { type: "string" } } });
const organizations = await db.organization.findMany({ where: values.org ? { slug: values.org } : {}, select: { id: true, slug: true }, orderBy: { slug: "asc" } });
if (values.org && organizations.length === 0) {
  console.error(`No organization with the slug "${values.org}".`);
  process.exit(1);
}
for (const organization of organizations) {
  const started = performance.now();
  const { rows } = await rebuildRollups(organization.id);
  console.log(`${organization.slug}: ${rows} rollup row(s) rebuilt in ${Math.round(performance.now() - started)} ms.`);
}
process.exit(0);
