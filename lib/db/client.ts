import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { databaseEnv } from "@/lib/env";
import { missedLookupOf, type TMissedLookup } from "./cross-organization";

// One Prisma client per process, on DATABASE_URL. The app never knows whether that server is
// the embedded PostgreSQL or another one: scripts/start.ts decides and hands over the URL.

/**
 * A Prisma client on a pool of its own: the primary's (below) and the read replica's
 * (read-replica.ts) are built alike.
 */
export function createPoolClient(connectionString: string): PrismaClient {
  const env = databaseEnv();
  const pool = new pg.Pool({
    connectionString,
    // Bounded both ways: at most DATABASE_POOL_MAX connections, and a query that cannot get one
    // within the timeout fails (an error answer) instead of waiting forever — when PostgreSQL is
    // down or every connection is busy. The pool opens new connections as soon as it is back.
    max: env.DATABASE_POOL_MAX,
    connectionTimeoutMillis: env.DATABASE_CONNECTION_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    // A runaway statement cannot hold a connection (and its locks) for ever.
    ...(env.DATABASE_STATEMENT_TIMEOUT_MS > 0
      ? { statement_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS }
      : {}),
    // The dashboards' aggregations hash tens of thousands of groups of thirty sums; PostgreSQL's
    // default 4 MB spills them to disk (docs/SCALING.md). work_mem bounds each sort or hash of a
    // query (and of each parallel worker), so a pool of connections can use several times this.
    options: "-c work_mem=32MB",
  });
  // When PostgreSQL goes away, a connection can report the loss just as the pool hands it to the
  // next transaction, before Prisma listens to it; an 'error' event nobody listens to would crash
  // the server (found by tests/integration/faults/api-crash.int.test.ts). So every connection
  // listens for its whole life. Nothing to do there: pg marks the connection broken, the query
  // on it fails and reports the error, and the pool drops the connection when it comes back.
  pool.on("connect", (connection) => connection.on("error", ignoreHere));
  // An idle connection's loss (PostgreSQL restarted or stopped) is reported on the pool itself;
  // unheard, it would end the process. pg has already dropped that connection.
  pool.on("error", ignoreHere);
  // A transaction waits for its connection as long as a single query does (Prisma's own default
  // is 2 s, which a burst of 200 frontline sends on a 2-core machine exceeds: scripts/load).
  return new PrismaClient({
    adapter: new PrismaPg(pool),
    transactionOptions: { maxWait: env.DATABASE_CONNECTION_TIMEOUT_MS },
  });
}

function createClient() {
  const client = createPoolClient(databaseEnv().DATABASE_URL);
  // A lookup of one id in the caller's organization that finds nothing may have asked for another
  // organization's id: audited (lib/db/cross-organization.ts), the answer unchanged. A query
  // extension changes no type, hence the cast.
  return client.$extends({
    name: "cross-organization-audit",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const result = await query(args);
          const missed = missedLookupOf(operation, args, result);
          if (missed) await auditCrossOrganization(client, model, missed);
          return result;
        },
      },
    },
  }) as unknown as PrismaClient;
}

type TOwnerDelegate = {
  findUnique(args: {
    where: { id: string };
    select: { organizationId: true };
  }): Promise<{ organizationId: string | null } | null>;
};

/** Checks, on the client without the extension, whether another organization holds the id. */
async function auditCrossOrganization(client: PrismaClient, model: string, missed: TMissedLookup) {
  try {
    const delegate = (client as unknown as Record<string, TOwnerDelegate>)[
      model.charAt(0).toLowerCase() + model.slice(1)
    ]!;
    // Imported when needed: the audit log writes through this module.
    const { auditIfCrossOrganization } = await import("@/lib/audit/cross-organization");
    await auditIfCrossOrganization(model, missed, (id) =>
      delegate.findUnique({ where: { id }, select: { organizationId: true } }),
    );
  } catch (error) {
    // The caller's answer is "not found" either way: a failed check must not turn it into a 500.
    console.error("Could not check a lookup for another organization's id", error);
  }
}

const ignoreHere = () => {};

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

export { Prisma } from "./generated/client";
