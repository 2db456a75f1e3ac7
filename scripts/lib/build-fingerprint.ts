import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// `npm start` builds only when the sources changed since the last build: the fingerprint is a
// hash of every file that goes into `next build`.

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "instrumentation-client.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
const SKIP = new Set(["node_modules", ".next", ".data", "generated"]);
const FINGERPRINT_FILE = path.join(".next", "moments-build-fingerprint");

function* filesUnder(entry: string): Generator<string> {
  if (!existsSync(entry)) return;
  if (statSync(entry).isFile()) {
    yield entry;
    return;
  }
  for (const name of readdirSync(entry).sort()) {
    if (SKIP.has(name) || name.endsWith(".test.ts")) continue;
    yield* filesUnder(path.join(entry, name));
  }
}

export function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of filesUnder(path.join(root, input))) {
      hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

export function isBuildCurrent(root: string, fingerprint: string): boolean {
  const file = path.join(root, FINGERPRINT_FILE);
  return (
    existsSync(path.join(root, ".next", "BUILD_ID")) &&
    existsSync(file) &&
    readFileSync(file, "utf8") === fingerprint
  );
}

export function recordBuild(root: string, fingerprint: string): void {
  writeFileSync(path.join(root, FINGERPRINT_FILE), fingerprint);
}
