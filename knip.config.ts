import type { KnipConfig } from "knip";

// The dead-code check of `npm test` (`npm run knip`): unused files, dependencies and exports.
// Most entry points come from knip's plugins, which read the configs themselves:
// - next: the App Router files (app/**/page|layout|route|…), proxy.ts, instrumentation-client.ts,
//   next.config.ts, and lib/i18n/request.ts (named in next.config.ts, next-intl);
// - vitest: the include globs of both projects in vitest.config.ts, and their setup files;
// - playwright: tests/e2e/**/*.spec.ts and playwright.config.ts (its webServer command too);
// - the package.json scripts: every `tsx <file>` there (scripts/**, prisma/seed.ts) is an entry;
// - prisma (prisma.config.ts, the schema), eslint, postcss, tailwind, prettier: their configs.
// So a file moved by a refactor stays an entry as long as the config naming it moves with it.
const config: KnipConfig = {
  entry: [
    // Fetched by URL, not imported: navigator.serviceWorker.register("/sw.js").
    "public/sw.js",
    // Child processes started by path (fork(".../app-worker.ts")), not imported.
    "tests/**/*-worker.ts",
    // The app's server, which scripts/start.ts runs as a child process by path.
    "scripts/serve.ts",
  ],
  project: [
    // knip's default extensions plus those its plugins read (CSS for Tailwind, the Prisma schema),
    "**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx,css,prisma}",
    // but not the Prisma client that `prisma generate` writes (also in .gitignore).
    "!lib/db/generated/**",
  ],
  ignoreDependencies: [
    // Imported only by the generated client in lib/db/generated, which knip does not read.
    "@prisma/client",
  ],
  ignoreIssues: {
    // The page hands the whole module to the editor as a prop (`import * as actions`, then
    // `actions={actions}`): knip does not follow a namespace passed through a JSX attribute, so it
    // reports every action as unused. Each one is used (TEditorActions in editor-actions.ts).
    "app/\\(app\\)/journeys/\\[journeyId\\]/actions.ts": ["exports"],
  },
};

export default config;
