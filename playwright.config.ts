import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/lib/chromium";

// Browser tests run in a real Chromium against the built app, started by `npm start` itself on
// its own port and its own fresh embedded database (.data/e2e).
// Chromium: scripts/lib/chromium.ts. Playwright does not await a config that is a promise, but it
// imports this module (in the runner and again in every worker), and an import awaits.
const launchOptions = await chromiumLaunchOptions();
/** 3100 unless E2E_PORT says otherwise (two copies of the tree can run their browser tests side by side). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: "ko-KR",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  webServer: {
    command: "rm -rf .data/e2e && node_modules/.bin/tsx --conditions=react-server scripts/start.ts",
    // DATABASE_URL emptied: the browser tests always get their own embedded database.
    env: {
      PORT: String(E2E_PORT),
      HOSTNAME: "127.0.0.1",
      MOMENTS_DATA_DIR: ".data/e2e",
      DATABASE_URL: "",
      // tests/e2e/client-address.spec.ts sends as this proxy (and as untrusted 127.0.0.x).
      TRUSTED_PROXIES: "127.0.0.2",
      // A configured proxy counts as serving the network, which turns the demo accounts off; the
      // browser tests sign in with them, so they are turned on explicitly.
      MOMENTS_DEMO: "1",
    },
    url: `http://localhost:${E2E_PORT}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
