import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { MESSAGES } from "@/lib/i18n/messages";
import { LOCALES } from "@/lib/i18n/config";
import { validationMessageKey } from "@/lib/validation";
import { assertPrototypeIntact, hostileValue, pollutingJson, PURE_RUNS } from "./arbitraries";
import { arbitraryFor } from "./schema-arbitrary";

// Every zod schema at a boundary, fed random and hostile input, answers with a
// result — it never throws, never pollutes Object.prototype — parsed exactly as the boundary
// parses it (lib/action.ts: safeParse with the message-key error map, then flattenError).
//
// The schemas are discovered, not listed: every schema a server action is built with (its
// authedAction call is intercepted while the action modules load) and every Z… exported by a
// lib/**/schemas.ts module (the route handlers' and the API's).

vi.hoisted(() => {
  // The action modules load the database client, which only needs a URL (it never connects here).
  process.env.DATABASE_URL ??= "postgres://property:tests@127.0.0.1:1/none";
});

vi.mock("@/lib/action", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  authedAction: (schema: unknown) => {
    const action = async () => undefined;
    (action as unknown as { boundarySchema: unknown }).boundarySchema = schema;
    return action;
  },
}));

const ROOT = path.resolve(import.meta.dirname, "../..");
const filesNamed = (folder: string, test: (file: string) => boolean) =>
  readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((entry) => test(entry) && !entry.split(path.sep).includes("generated"))
    .map((entry) => path.join(folder, entry));

const isSchema = (value: unknown): value is z.ZodType => value instanceof z.ZodType;

async function discoverSchemas(): Promise<Map<string, z.ZodType>> {
  const found = new Map<string, z.ZodType>();
  for (const file of filesNamed("app", (entry) => path.basename(entry) === "actions.ts")) {
    const exported = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<
      string,
      unknown
    >;
    for (const [name, value] of Object.entries(exported)) {
      const schema = (value as { boundarySchema?: unknown } | undefined)?.boundarySchema;
      if (isSchema(schema)) found.set(`${file}#${name}`, schema);
    }
  }
  for (const file of filesNamed("lib", (entry) => path.basename(entry) === "schemas.ts")) {
    const exported = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<
      string,
      unknown
    >;
    for (const [name, value] of Object.entries(exported))
      if (isSchema(value)) found.set(`${file}#${name}`, value);
  }
  return found;
}

const schemas = await discoverSchemas();

/** Whether a message key ("validation.required", "improve.errors.x") names a message in every language. */
const untranslated = (key: unknown): string[] =>
  LOCALES.filter(
    (locale) =>
      typeof key !== "string" ||
      typeof key
        .split(".")
        .reduce<unknown>(
          (node, part) =>
            node && typeof node === "object" && Object.hasOwn(node, part)
              ? (node as Record<string, unknown>)[part]
              : undefined,
          MESSAGES[locale],
        ) !== "string",
  );

function expectTranslated(message: unknown, where: string) {
  expect(untranslated(message), `${where}: message ${JSON.stringify(message)} in`).toEqual([]);
}

/** What authedAction does with a raw input, up to the handler: every message it answers is a key both languages have. */
function parseAtTheBoundary(schema: z.ZodType, input: unknown, where: string) {
  const parsed = schema.safeParse(input, { error: validationMessageKey });
  if (!parsed.success) {
    const { fieldErrors, formErrors } = z.flattenError(parsed.error);
    for (const messages of [formErrors, ...Object.values(fieldErrors as Record<string, string[]>)])
      for (const message of messages) expectTranslated(message, where);
  }
  assertPrototypeIntact();
  return parsed.success;
}

type TDef = Record<string, unknown> & { error?: unknown; checks?: unknown[] };
const defOf = (node: unknown): TDef | undefined =>
  (node as { _zod?: { def?: TDef } } | null)?._zod?.def;

/**
 * The messages a schema declares (`{ error: "…" }` on a check, a refinement or a format) anywhere
 * inside it: random input may never reach a rare refinement, but its key must resolve all the same.
 * Messages built at run time (superRefine's addIssue) are checked by the properties above only.
 */
function declaredMessages(schema: z.ZodType): Set<string> {
  const found = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (node: unknown) => {
    const def = defOf(node);
    if (!def || seen.has(node)) return;
    seen.add(node);
    for (const owner of [def, ...(def.checks ?? []).map(defOf)]) {
      if (typeof owner?.error !== "function") continue;
      const message: unknown = (owner.error as (issue: object) => unknown)({});
      if (typeof message === "string") found.add(message);
    }
    for (const value of Object.values(def)) {
      if (value instanceof z.ZodType) visit(value);
      else if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === "object" && !defOf(value))
        Object.values(value).forEach(visit);
    }
  };
  visit(schema);
  return found;
}

describe("the discovery", () => {
  it("finds the schemas of the server actions and of the domain's boundaries", () => {
    const keys = [...schemas.keys()];
    expect(keys.filter((key) => key.startsWith("app/")).length).toBeGreaterThanOrEqual(30);
    expect(keys).toEqual(
      expect.arrayContaining([
        "lib/observations/schemas.ts#ZObservationBatch",
        "lib/imports/schemas.ts#ZImportRunOptions",
        "lib/auth/schemas.ts#ZSignInInput",
      ]),
    );
  });

  it("finds the messages the real schemas declare, each feature's own keys among them", () => {
    const declared = new Set(
      [...schemas.values()].flatMap((schema) => [...declaredMessages(schema)]),
    );
    expect([...declared]).toEqual(
      expect.arrayContaining([
        "validation.nameInOneLanguage",
        "imports.errors.noScoreColumn",
        "improve.errors.effectPositive",
        "promises.errors.checklistRequired",
        "control.errors.baselineOrder",
      ]),
    );
  });
});

describe("the message check", () => {
  it("accepts a key only when it names a message in both languages", () => {
    expect(untranslated("validation.required")).toEqual([]);
    expect(untranslated("validation")).toEqual(["ko", "en"]);
    expect(untranslated("validation.noSuchKey")).toEqual(["ko", "en"]);
    expect(untranslated("Some fields need attention.")).toEqual(["ko", "en"]);
    expect(untranslated("validation.required.toString")).toEqual(["ko", "en"]);
  });

  it("finds the messages a schema declares, deep inside it", () => {
    const schema = z.object({
      items: z.array(z.string().min(1, { error: "a.b" })).refine(() => true, { error: "c.d" }),
      day: z.iso.date({ error: "e.f" }).optional(),
    });
    expect([...declaredMessages(schema)].sort()).toEqual(["a.b", "c.d", "e.f"]);
  });
});

describe.each([...schemas])("%s", (key, schema) => {
  it("answers any value with a result, never an exception, in message keys both languages have", () => {
    fc.assert(
      fc.property(hostileValue, (input) => void parseAtTheBoundary(schema, input, key)),
      { numRuns: PURE_RUNS },
    );
  });

  it("answers hostile values in its own fields with a result, never an exception, in message keys both languages have", () => {
    fc.assert(
      fc.property(arbitraryFor(schema), (input) => void parseAtTheBoundary(schema, input, key)),
      { numRuns: PURE_RUNS },
    );
  });

  it("lets no prototype-polluting key reach Object.prototype", () => {
    fc.assert(
      fc.property(pollutingJson, (input) => void parseAtTheBoundary(schema, input, key)),
      { numRuns: 20 },
    );
  });

  it("declares only messages both languages have", () => {
    for (const message of declaredMessages(schema)) expectTranslated(message, key);
  });
});
