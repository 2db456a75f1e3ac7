import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// Browser tests run in a real Chromium against the built app, started by `npm start` itself on
// its own port and its own fresh embedded database (.data/e2e).
// Chromium: PLAYWRIGHT_CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own.
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ??
  (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
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
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "rm -rf .data/e2e && node_modules/.bin/tsx --conditions=react-server scripts/start.ts",
    // DATABASE_URL emptied: the browser tests always get their own embedded database.
    env: {
      PORT: String(E2E_PORT),
      HOSTNAME: "127.0.0.1",
      MOMENTS_DATA_DIR: ".data/e2e",
      DATABASE_URL: "",
    },
    url: `http://localhost:${E2E_PORT}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
