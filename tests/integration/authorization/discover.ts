import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Finds every server action and route handler the app has by reading the source — not a list
// someone keeps — so that a new export without an entry in the access table fails the test.

const ROOT = path.resolve(import.meta.dirname, "../../..");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const SOURCE_FOLDERS = ["app", "components", "lib"];

type THandler = (...args: unknown[]) => Promise<unknown>;

/** Every .ts/.tsx file under the source folders, as "folder/…/file" (forward slashes). */
function sourceFiles(): string[] {
  return SOURCE_FOLDERS.flatMap((folder) =>
    readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
      .filter((entry) => /\.tsx?$/.test(entry) && !entry.split(path.sep).includes("generated"))
      .map((entry) => `${folder}/${entry.split(path.sep).join("/")}`),
  ).sort();
}

const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
/** A module-level directive: the first statement, after comments. */
const USE_SERVER_FILE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;
const USE_SERVER_ANYWHERE = /["']use server["']/;

/** Modules whose every export is a server action ("use server" at the top). */
const actionModules = () => sourceFiles().filter((file) => USE_SERVER_FILE.test(read(file)));

/** Files with a "use server" that is not at the top: inline actions, which this matrix could not see. */
export const inlineActionFiles = () =>
  sourceFiles().filter(
    (file) => USE_SERVER_ANYWHERE.test(read(file)) && !USE_SERVER_FILE.test(read(file)),
  );

const routeModules = () =>
  sourceFiles().filter((file) => file.startsWith("app/") && /\/route\.tsx?$/.test(file));

/** "file#export" -> the exported function, for every module of these files. */
async function exportsOf(
  files: string[],
  keep: (name: string, value: unknown) => boolean,
): Promise<Map<string, THandler>> {
  const found = new Map<string, THandler>();
  for (const file of files) {
    const exported = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<
      string,
      unknown
    >;
    for (const [name, value] of Object.entries(exported)) {
      if (keep(name, value)) found.set(`${file}#${name}`, value as THandler);
    }
  }
  return found;
}

/** Every server action: every function a "use server" module exports. */
export const discoverActions = () =>
  exportsOf(actionModules(), (_name, value) => typeof value === "function");

/** Every route handler: every HTTP method an app/**\/route.ts exports. */
export const discoverRoutes = () =>
  exportsOf(
    routeModules(),
    (name, value) =>
      (HTTP_METHODS as readonly string[]).includes(name) && typeof value === "function",
  );
