import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` (see docs/decisions/0001-own-migration-runner.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
