import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { validationMessageKey } from "@/lib/validation";
import { assertPrototypeIntact, hostileValue, pollutingJson, PURE_RUNS } from "./arbitraries";
import { arbitraryFor } from "./schema-arbitrary";

// Issue #7, part 5: every zod schema at a boundary, fed random and hostile input, answers with a
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
    const exported = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      const schema = (value as { boundarySchema?: unknown } | undefined)?.boundarySchema;
      if (isSchema(schema)) found.set(`${file}#${name}`, schema);
    }
  }
  for (const file of filesNamed("lib", (entry) => path.basename(entry) === "schemas.ts")) {
    const exported = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) if (isSchema(value)) found.set(`${file}#${name}`, value);
  }
  return found;
}

const schemas = await discoverSchemas();

/** What authedAction does with a raw input, up to the handler. */
function parseAtTheBoundary(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input, { error: validationMessageKey });
  if (!parsed.success) {
    const { fieldErrors, formErrors } = z.flattenError(parsed.error);
    for (const messages of [formErrors, ...Object.values(fieldErrors as Record<string, string[]>)]) for (const message of messages) expect(typeof message).toBe("string");
  }
  assertPrototypeIntact();
  return parsed.success;
}

describe("the discovery", () => {
  it("finds the schemas of the server actions and of the domain's boundaries", () => {
    const keys = [...schemas.keys()];
    expect(keys.filter((key) => key.startsWith("app/")).length).toBeGreaterThanOrEqual(30);
    expect(keys).toEqual(expect.arrayContaining(["lib/observations/schemas.ts#ZObservationBatch", "lib/imports/schemas.ts#ZImportRunOptions", "lib/auth/schemas.ts#ZSignInInput"]));
  });
});

describe.each([...schemas])("%s", (_key, schema) => {
  it("answers any value with a result, never an exception", () => {
    fc.assert(fc.property(hostileValue, (input) => void parseAtTheBoundary(schema, input)), { numRuns: PURE_RUNS });
  });

  it("answers hostile values in its own fields with a result, never an exception", () => {
    fc.assert(fc.property(arbitraryFor(schema), (input) => void parseAtTheBoundary(schema, input)), { numRuns: PURE_RUNS });
  });

  it("lets no prototype-polluting key reach Object.prototype", () => {
    fc.assert(fc.property(pollutingJson, (input) => void parseAtTheBoundary(schema, input)), { numRuns: 20 });
  });
});
