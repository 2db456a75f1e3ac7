import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { databaseEnv } from "@/lib/env";

// One Prisma client per process, on DATABASE_URL. The app never knows whether that server is
// the embedded PostgreSQL or another one: scripts/start.ts decides and hands over the URL.

function createClient() {
  const adapter = new PrismaPg({
    connectionString: databaseEnv().DATABASE_URL,
    max: 10,
    // A request never waits forever for a connection.
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

export { Prisma } from "./generated/client";
