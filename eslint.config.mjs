import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layering of docs/ARCHITECTURE.md, enforced: only the domain modules under lib/ reach the
// database, and the domain never depends on Next.js.
const dbOnlyFromDomain = {
  patterns: [
    {
      group: ["@/lib/db/client", "@/lib/db/generated", "@/lib/db/generated/*"],
      message: "Only lib/<domain>/ modules may use the database. Call a domain function instead.",
    },
  ],
};

// Every lib/ module that declares itself server-only (`import "server-only"`): queries, mutations,
// frontline.ts, store.ts, import.ts, … Components get what those return as props, and take its
// type from the domain's schemas.ts.
const lib = path.join(import.meta.dirname, "lib");
const serverOnlyModules = readdirSync(lib, { recursive: true, encoding: "utf8" })
  .filter((file) => /\.tsx?$/.test(file) && !file.startsWith(path.join("db", "generated")))
  .filter((file) => /^import "server-only";$/m.test(readFileSync(path.join(lib, file), "utf8")))
  .map(
    (file) =>
      `@/lib/${file
        .split(path.sep)
        .join("/")
        .replace(/\.tsx?$/, "")}`,
  )
  .sort();

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    "lib/db/generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
  {
    files: ["app/**", "components/**"],
    rules: { "no-restricted-imports": ["error", dbOnlyFromDomain] },
  },
  {
    files: ["lib/**"],
    ignores: [
      "lib/auth/auth.ts",
      "lib/auth/session.ts",
      "lib/auth/sso/provider.ts",
      "lib/action.ts",
      "lib/i18n/**",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["next", "next/*", "next-auth", "next-auth/*"],
              message: "lib/<domain> stays free of Next.js: take the user as an argument.",
            },
          ],
        },
      ],
    },
  },
  {
    // Every word the user reads comes from lib/i18n/messages (Korean and English).
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: {
      "react/jsx-no-literals": ["error", { allowedStrings: ["·", "(", ")", "403", "404"] }],
    },
  },
  {
    files: ["components/**", "app/**/_components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: serverOnlyModules.map((name) => ({
            name,
            message:
              "A server-only module: components receive data as props and import its types from the domain's schemas.ts.",
          })),
          patterns: [
            ...dbOnlyFromDomain.patterns,
            {
              group: ["@/lib/*/queries", "@/lib/*/mutations"],
              message: "Components receive data as props; pages call the domain.",
            },
          ],
        },
      ],
    },
  },
]);
