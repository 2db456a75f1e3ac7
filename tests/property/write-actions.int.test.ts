import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { runSurveyImport } from "@/lib/imports/run";
import { ZRecordObservationsInput } from "@/lib/observations/mutations";
import { surveyCsv } from "../fixtures/imports/survey-files";
import { resetDatabase } from "../integration/helpers/db";
import { ACCESS_TABLE } from "../integration/authorization/access-table";
import { discoverActions } from "../integration/authorization/discover";
import { changedTables, fingerprint } from "../integration/authorization/fingerprint";
import { actAs, sessionCookieOf } from "../integration/authorization/principals";
import { isRole } from "../integration/authorization/rules";
import { apiObservationRequest } from "../integration/authorization/requests";
import { buildWorld, importMappingOf, type TWorld } from "../integration/authorization/world";
import { DB_RUNS, hostileString, hostileValue } from "./arbitraries";
import { arbitraryFor } from "./schema-arbitrary";

// Against PostgreSQL: write actions, the ingestion API and the survey import
// fed random invalid input answer VALIDATION (or their refusal) and store nothing — not a row, not
// half a record.

vi.mock(
  "next/headers",
  async () => (await import("../integration/authorization/request-context")).nextHeadersModule,
);
vi.mock(
  "next/cache",
  async () => (await import("../integration/authorization/request-context")).nextCacheModule,
);
vi.mock("next-intl/server", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getRequestConfig: <T>(create: T) => create,
  getLocale: async () => "ko",
}));
// The real authedAction, which also leaves on each action the schema it was built with and its
// handler: the write actions, their schemas and the domain functions behind them are discovered,
// not listed, so a new action is covered at once.
vi.mock("@/lib/action", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/action")>();
  return {
    ...original,
    authedAction: ((schema, handler) =>
      Object.assign(original.authedAction(schema, handler), {
        boundarySchema: schema,
        handler,
      })) satisfies typeof original.authedAction,
    publicAction: ((schema, handler) =>
      Object.assign(original.publicAction(schema, handler), {
        boundarySchema: schema,
      })) satisfies typeof original.publicAction,
  };
});

process.env.AUTH_SECRET ??= "property-tests-secret-0123456789-0123456789";

const actions = await discoverActions();
const NO_META = { ipAddress: "", userAgent: "" };
let world: TWorld;

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  await sessionCookieOf(world.a.users.ADMIN);
}, 120_000);

/** Inputs the action's own schema refuses: near-valid ones (its fields, one of them wrong) and anything at all. */
const invalidFor = (schema: z.ZodType) =>
  fc.oneof(arbitraryFor(schema), hostileValue).filter((input) => !schema.safeParse(input).success);

/** Runs the property and checks, at the end, that no row anywhere changed (but in the tables named). */
async function expectNothingStored(run: () => Promise<void>, except: string[] = []) {
  const before = await fingerprint();
  await run();
  expect(
    changedTables(before, await fingerprint()).filter((table) => !except.includes(table)),
  ).toEqual([]);
}

const schemaOf = (action: unknown) =>
  (action as { boundarySchema?: z.ZodType } | undefined)?.boundarySchema;
const handlerOf = (action: unknown) =>
  (action as { handler?: (input: unknown, context: unknown) => Promise<unknown> } | undefined)
    ?.handler;

/** Every server action a signed-in user calls (the access table's "action" entries), with its schema. */
const WRITE_ACTIONS = Object.entries(ACCESS_TABLE)
  .filter(([, rule]) => rule.kind === "action")
  .map(([key]) => [key, schemaOf(actions.get(key))] as const);

describe("the discovery", () => {
  it("finds every write action, each built with authedAction and so with a schema", () => {
    expect(WRITE_ACTIONS.length).toBeGreaterThanOrEqual(48);
    expect(WRITE_ACTIONS.filter(([, schema]) => schema === undefined).map(([key]) => key)).toEqual(
      [],
    );
    // Every exported action is in the access table (its own test says so too): none is missed here.
    const covered = new Set(WRITE_ACTIONS.map(([key]) => key));
    const publicOnes = Object.entries(ACCESS_TABLE)
      .filter(([, rule]) => rule.kind === "public")
      .map(([key]) => key);
    expect(
      [...actions.keys()].filter((key) => !covered.has(key) && !publicOnes.includes(key)),
    ).toEqual([]);
  });
});

/** The actions the access table lists as public (the pages without a session, the password change), with their schema. */
const PUBLIC_ACTIONS = Object.entries(ACCESS_TABLE)
  .filter(([, rule]) => rule.kind === "public")
  .map(([key]) => [key, schemaOf(actions.get(key))] as const)
  .filter((entry): entry is readonly [string, z.ZodType] => entry[1] !== undefined);

describe("the public actions", () => {
  it("include the pages without a session, each built with publicAction and so with a schema", () => {
    expect(PUBLIC_ACTIONS.map(([key]) => key)).toEqual(
      expect.arrayContaining([
        "app/(auth)/setup/actions.ts#setupAction",
        "app/(auth)/invite/[token]/actions.ts#acceptInvitationAction",
        "app/(auth)/reset-password/[token]/actions.ts#resetPasswordAction",
        "app/(auth)/forgot-password/actions.ts#forgotPasswordAction",
      ]),
    );
  });

  it.each(PUBLIC_ACTIONS)(
    "%s: answers random invalid input with VALIDATION and stores nothing",
    async (key, schema) => {
      const action = actions.get(key)!;
      await expectNothingStored(() =>
        fc.assert(
          fc.asyncProperty(invalidFor(schema), async (input) => {
            // Signed in: the password change of the same table is for signed-in users.
            await actAs("ADMIN", world.a);
            expect(await action(input)).toMatchObject({ ok: false, code: "VALIDATION" });
          }),
          { numRuns: DB_RUNS },
        ),
      );
    },
  );
});

describe.each(WRITE_ACTIONS)("%s", (key, schema) => {
  it("answers random invalid input with VALIDATION and stores nothing", async () => {
    const action = actions.get(key);
    expect(action, `${key} exists`).toBeDefined();
    expect(schema, `${key} has a schema`).toBeDefined();
    await expectNothingStored(() =>
      fc.assert(
        fc.asyncProperty(invalidFor(schema!), async (input) => {
          await actAs("ADMIN", world.a);
          expect(await action!(input)).toMatchObject({ ok: false, code: "VALIDATION" });
        }),
        { numRuns: DB_RUNS },
      ),
    );
  });
});

// Past the boundary: the action's handler hands input its schema refuses to the domain function,
// as a script or a test calling the domain directly would. The domain validates again, the same
// way everywhere (parseInput, lib/validation.ts): a VALIDATION AppError, never a raw ZodError.
// Inputs are objects: a handler may read a field of its input (already checked by the boundary)
// before it calls the domain.
const NO_DOMAIN_VALIDATION: Record<string, string> = {
  "app/(app)/frontline/actions.ts#chooseJourneyAction": "stores a cookie; calls no domain function",
  "app/(app)/journeys/actions.ts#createJourneyFromTemplateAction":
    "the domain takes a template key, an id: an unknown one is NOT_FOUND",
};
const DOMAIN_CALLS = Object.entries(ACCESS_TABLE).flatMap(([key, rule]) => {
  const role = rule.kind === "action" ? rule.allow.find(isRole) : undefined;
  return role && !(key in NO_DOMAIN_VALIDATION) ? [[key, role] as const] : [];
});
const isPlainObject = (value: unknown) =>
  typeof value === "object" && value !== null && !Array.isArray(value);

describe("the domain behind each write action", () => {
  it("is reached for every action but the few that call no validating domain function", () => {
    expect(DOMAIN_CALLS.length).toBe(
      WRITE_ACTIONS.length - Object.keys(NO_DOMAIN_VALIDATION).length,
    );
  });

  it.each(DOMAIN_CALLS)(
    "%s: refuses invalid input with a VALIDATION AppError and stores nothing",
    async (key, role) => {
      const action = actions.get(key);
      const schema = schemaOf(action)!;
      const handler = handlerOf(action)!;
      const user = world.a.users[role];
      await expectNothingStored(() =>
        fc.assert(
          fc.asyncProperty(invalidFor(schema).filter(isPlainObject), async (input) => {
            await actAs(role, world.a);
            const refusal = await handler(input, { user, meta: NO_META }).then(
              (data) => ({ answered: data }),
              (error: unknown) => error,
            );
            expect(refusal).toMatchObject({
              name: "AppError",
              code: "VALIDATION",
            });
          }),
          { numRuns: DB_RUNS },
        ),
      );
    },
  );
});

describe("the ingestion API", () => {
  it("answers a random body with a refusal and stores nothing", async () => {
    const { POST } = await import("@/app/api/v1/observations/route");
    // JSON has no bigint: send it as the digits a JSON client would.
    const json = (value: unknown) =>
      JSON.stringify(value, (_key, item: unknown) =>
        typeof item === "bigint" ? item.toString() : item,
      ) ?? "null";
    const body = fc.oneof(
      hostileString,
      hostileValue.map((value) => json({ observations: value })),
      invalidFor(ZRecordObservationsInput).map(json),
    );
    await expectNothingStored(
      () =>
        fc.assert(
          fc.asyncProperty(body, async (text) => {
            const valid = apiObservationRequest(world.a, "unused");
            const request = new Request(valid.url, {
              method: "POST",
              headers: {
                "content-type": "application/json",
                authorization: `Bearer ${world.a.apiKey.secret}`,
              },
              body: text,
            });
            const response = await POST(request);
            expect([400, 413, 422]).toContain(response.status);
          }),
          { numRuns: DB_RUNS },
        ),
      // A valid key's lastUsedAt is stamped on every request it authenticates, refused or not.
      ["ApiKey"],
    );
  });
});

describe("the survey import", () => {
  const score = fc.oneof(fc.integer({ min: 0, max: 10 }).map(String), hostileString);
  const rows = fc.array(fc.tuple(score, hostileString), { minLength: 1, maxLength: 30 });

  it("stores all of a random file or none of it, never part of it", async () => {
    await fc.assert(
      fc.asyncProperty(rows, async (cells) => {
        const before = await db.observation.count({ where: { organizationId: world.a.id } });
        const outcome = await runSurveyImport(
          world.a.users.MANAGER,
          { fileName: "fuzz.csv", bytes: surveyCsv([["NPS", "comment"], ...cells]) },
          { mapping: importMappingOf(world.a) },
        ).catch((error: unknown) => {
          // A file refused as a whole (binary, not UTF-8) is a clear answer too.
          expect(isAppError(error) && error.code).toBe("VALIDATION");
          return null;
        });
        const added =
          (await db.observation.count({ where: { organizationId: world.a.id } })) - before;
        if (outcome === null || outcome.status === "FAILED") expect(added).toBe(0);
        else
          expect({ added, invalid: outcome.counts.invalid }).toEqual({
            added: outcome.counts.imported,
            invalid: 0,
          });
      }),
      { numRuns: DB_RUNS },
    );
  });
});
