import { readFileSync } from "node:fs";
import pg from "pg";
import { expect, inject, it } from "vitest";
import { shapeFromDatabase, shapeFromPrismaSchema } from "./helpers/schema-shape";

// The global setup migrated a fresh database with prisma/migrations. If schema.prisma changed
// without a migration (or a migration without schema.prisma), the two shapes differ.
it("the migrated database matches schema.prisma: enums, tables, columns, keys, indexes, foreign keys", async () => {
  const client = new pg.Client({ connectionString: inject("databaseOwnerUrl") });
  await client.connect();
  try {
    const fromDatabase = await shapeFromDatabase(client);
    const fromSchema = shapeFromPrismaSchema(readFileSync("prisma/schema.prisma", "utf8"));
    expect(Object.keys(fromSchema.tables).length).toBeGreaterThan(15);
    expect(fromDatabase).toEqual(fromSchema);
  } finally {
    await client.end();
  }
});
