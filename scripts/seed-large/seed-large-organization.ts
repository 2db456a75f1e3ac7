// Fills an organization with a large, realistic, deterministic set of observations: what
// `npm run seed:large` runs and what the benchmarks call to seed (or reuse) their organization.
// The database is the one DATABASE_URL names (or `databaseUrl`); it is migrated first when the
// owner role's URL is given.
import pg from "pg";
import { migrate } from "@/lib/db/migrate";
import { databaseEnv } from "@/lib/env";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-users";
import {
  LARGE_DEFAULT_SLUG,
  LARGE_PLANTED_PROBLEMS,
  largeUsers,
  type TLargePlantedProblem,
} from "./large-organization";
import { createLargeModel } from "./model";
import { loadLargeObservations, type TLoadProgress } from "./copy-loader";

export type TSeedLargeOptions = {
  /** Rows the organization should have in the end; a run that finds more or as many adds nothing. */
  observations: number;
  orgSlug?: string;
  onProgress?: (progress: TLoadProgress) => void;
  /** Defaults to DATABASE_URL. */
  databaseUrl?: string;
  /** The owner role's URL: when given, the database is migrated first. */
  ownerDatabaseUrl?: string;
  /** Load through the staging table even when nothing is missing in the middle (for measuring). */
  viaStaging?: boolean;
  /** Rows per committed chunk (tests only; LARGE_CHUNK_ROWS otherwise). */
  chunkRows?: number;
  /** Connections loading at once (LARGE_LOAD_CONNECTIONS: one per core of this machine). */
  connections?: number;
};

type TDatabaseSize = {
  observationTableBytes: number;
  observationIndexBytes: number;
  databaseBytes: number;
};

export type TSeedLargeResult = {
  organizationId: string;
  orgSlug: string;
  journeys: { templateKey: string; journeyId: string }[];
  signIns: { email: string; role: string }[];
  password: string;
  createdUsers: number;
  createdJourneys: number;
  before: number;
  added: number;
  total: number;
  /** Loading only (COPY, commits, the final count and ANALYZE), not the organization's setup. */
  loadSeconds: number;
  rowsPerSecond: number;
  /** The rollups, rebuilt when they did not count every row (COPY bypasses the insert path that keeps them). */
  rollups: { rebuilt: boolean; seconds: number; rows: Record<string, number> | null };
  /** Chunks COPYed straight into the table, and chunks that went through the staging table (some of their rows were there). */
  chunks: { copied: number; staged: number };
  size: TDatabaseSize;
  planted: readonly TLargePlantedProblem[];
};

export async function seedLargeOrganization(options: TSeedLargeOptions): Promise<TSeedLargeResult> {
  const url = options.databaseUrl ?? databaseEnv().DATABASE_URL;
  // The Prisma client (organization, users, journeys) connects to DATABASE_URL when first imported, below.
  if (!process.env.DATABASE_URL) process.env.DATABASE_URL = url;
  else if (process.env.DATABASE_URL !== url)
    throw new Error(
      "seedLargeOrganization: databaseUrl must be DATABASE_URL, which the Prisma client uses.",
    );
  const orgSlug = options.orgSlug ?? LARGE_DEFAULT_SLUG;
  if (options.ownerDatabaseUrl) await migrate(options.ownerDatabaseUrl, { appUrl: url });

  const { prepareLargeOrganization, resolveLargeRefs } = await import("./organization");
  const organization = await prepareLargeOrganization(orgSlug);
  const model = createLargeModel({ endsAt: organization.createdAt });
  const refs = await resolveLargeRefs(organization, model);

  const load = await loadLargeObservations({
    url,
    model,
    refs,
    target: options.observations,
    viaStaging: options.viaStaging,
    chunkRows: options.chunkRows,
    connections: options.connections,
    onProgress: options.onProgress,
  });
  const seconds = load.elapsedMs / 1000;
  const rollups = await completeRollups(organization.organizationId);
  return {
    organizationId: organization.organizationId,
    orgSlug,
    journeys: organization.journeys,
    signIns: largeUsers(orgSlug).map(({ email, role }) => ({ email, role })),
    password: DEMO_PASSWORD,
    createdUsers: organization.createdUsers,
    createdJourneys: organization.createdJourneys,
    before: load.before,
    added: load.added,
    total: load.after,
    loadSeconds: seconds,
    rowsPerSecond: load.added > 0 ? load.added / seconds : 0,
    rollups,
    chunks: load.chunks,
    size: await measureSize(url),
    planted: LARGE_PLANTED_PROBLEMS,
  };
}

/** Rebuilds the organization's rollups unless they already count exactly its observations (an earlier run finished). */
async function completeRollups(organizationId: string): Promise<TSeedLargeResult["rollups"]> {
  const { db } = await import("@/lib/db/client");
  const { rebuildRollups } = await import("@/lib/observations/rollups");
  const [observations, counted, pending] = await Promise.all([
    db.observation.count({ where: { organizationId } }),
    db.touchpointDaily.aggregate({ where: { organizationId }, _sum: { observations: true } }),
    db.rollupPending.count({ where: { organizationId } }),
  ]);
  if (observations === (counted._sum.observations ?? 0) + pending)
    return { rebuilt: false, seconds: 0, rows: null };
  const started = performance.now();
  const { rows } = await rebuildRollups(organizationId);
  return { rebuilt: true, seconds: (performance.now() - started) / 1000, rows };
}

async function measureSize(url: string): Promise<TDatabaseSize> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ heap: string; indexes: string; database: string }>(
      `SELECT pg_table_size('"Observation"') AS heap, pg_indexes_size('"Observation"') AS indexes, pg_database_size(current_database()) AS database`,
    );
    const row = rows[0]!;
    return {
      observationTableBytes: Number(row.heap),
      observationIndexBytes: Number(row.indexes),
      databaseBytes: Number(row.database),
    };
  } finally {
    await client.end();
  }
}
