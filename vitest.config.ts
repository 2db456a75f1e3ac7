import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Outside React Server Components, `server-only` throws by design; the tests are server code.
      "server-only": path.join(root, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses;
    // bundling it through Vite resolves it as Next does (the authorization matrix signs in for real).
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "lib/**/*.test.ts",
            "components/**/*.test.ts",
            // The demo organization's and the large data set's generators (pure, deterministic).
            "prisma/**/*.test.ts",
            "scripts/**/*.test.ts",
            "tests/unit/**/*.test.ts",
            "tests/property/**/*.test.ts",
          ],
          // Property tests that need the database run with the integration project.
          exclude: ["tests/property/**/*.int.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.int.test.ts", "tests/property/**/*.int.test.ts"],
          // One real PostgreSQL per run (embedded unless TEST_DATABASE_URL); files share it, so one at a time.
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup-env.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
