import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { authedAction } from "@/lib/action";
import { db } from "@/lib/db/client";
import { can, ROLES, type TPermission } from "@/lib/auth/permissions";
import { resetDatabase } from "./helpers/db";
import { ACCESS_TABLE } from "./authorization/access-table";
import { discoverActions, discoverRoutes, inlineActionFiles } from "./authorization/discover";
import { sessionCookieOf } from "./authorization/principals";
import {
  expectedOutcome,
  hasCrossOrgCase,
  PRINCIPALS,
  type TRule,
  type TTargetOrg,
} from "./authorization/rules";
import { runCell } from "./authorization/run-rule";
import { buildWorld, type TWorld } from "./authorization/world";

// The authorization matrix: every server action and route handler, called for real against PostgreSQL by
// every kind of caller (each role, signed out, an API key), on its own organization's objects and
// on another's. The expected access is ONE table (authorization/access-table.ts); the exports are
// discovered from the source, so a new action without an entry fails here.
//
// Only the request is simulated (next/headers, next/cache, next-intl's getLocale: Next's request
// context does not exist outside its server). Sessions are real Auth.js cookies from a real sign-in.

vi.mock(
  "next/headers",
  async () => (await import("./authorization/request-context")).nextHeadersModule,
);
vi.mock(
  "next/cache",
  async () => (await import("./authorization/request-context")).nextCacheModule,
);
// next-intl resolves its react-client build here; its server build's getRequestConfig is the identity.
vi.mock("next-intl/server", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getRequestConfig: <T>(create: T) => create,
  getLocale: (await import("./authorization/request-context")).requestLocale,
}));

// Auth.js signs its cookies with this; any 32+ characters do for a test.
process.env.AUTH_SECRET ??= "authorization-matrix-test-secret-0123456789";
process.env.MOMENTS_ENCRYPTION_KEY ??= "bWF0cml4LXRlc3Qta2V5LTAxMjM0NTY3ODktMDEyMzQ";

const handlers = new Map([...(await discoverActions()), ...(await discoverRoutes())]);
const entries = Object.entries(ACCESS_TABLE).filter(([key]) => handlers.has(key));

let world: TWorld;

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  // Sign every cast member in once, up front, so that no cell's sign-in lands in its before/after.
  for (const org of [world.a, world.b])
    for (const role of ROLES) await sessionCookieOf(org.users[role]);
}, 120_000);

describe("the access table", () => {
  it("has an entry for every server action and route handler, and none for an export that is gone", () => {
    expect(
      [...handlers.keys()].filter((key) => !(key in ACCESS_TABLE)),
      "exports missing from authorization/access-table.ts",
    ).toEqual([]);
    expect(
      Object.keys(ACCESS_TABLE).filter((key) => !handlers.has(key)),
      "entries whose export no longer exists",
    ).toEqual([]);
  });

  it("is not bypassed by inline server actions, which the discovery could not see", () => {
    expect(inlineActionFiles()).toEqual([]);
  });

  it("says why each action with no cross-organization case has none", () => {
    for (const [key, rule] of entries) {
      if (rule.kind !== "public" && rule.crossOrg && "notApplicable" in rule.crossOrg)
        expect(rule.crossOrg.notApplicable.length, key).toBeGreaterThan(20);
    }
  });
});

describe("the mechanism", () => {
  it("reads an empty rule as refusing everyone, on every organization's objects", () => {
    for (const principal of PRINCIPALS) {
      for (const target of ["own", "other"] as TTargetOrg[]) {
        expect(expectedOutcome({ allow: [] }, principal, target)).not.toBe("ALLOW");
        expect(expectedOutcome({ allow: [], by: "apiKey" }, principal, target)).not.toBe("ALLOW");
      }
    }
  });

  it("refuses a permission the permission table does not list, to every role", () => {
    for (const role of ROLES)
      expect(can(role, "project:delete-everything" as TPermission)).toBe(false);
  });

  it("reports an action that lets in a role its rule does not list, and the rows it changed", async () => {
    // An action that forgot its permission check: it writes for anyone signed in.
    const careless = authedAction(z.object({}), async (_input, { user }) => {
      await db.segment.create({
        data: { organizationId: user.organizationId, nameEn: "careless" },
      });
    });
    const rule: TRule = {
      kind: "action",
      allow: [],
      input: () => ({}),
      effect: async () => undefined,
      crossOrg: { notApplicable: "a deliberately careless action" },
    };
    for (const principal of PRINCIPALS) {
      const problems = await runCell(rule, careless as never, principal, "own", world);
      if (principal === "SIGNED_OUT" || principal === "API_KEY") expect(problems).toEqual([]);
      else
        expect(problems).toEqual([
          `${principal} on its own organization's objects: expected FORBIDDEN, got ALLOW`,
          `${principal} on its own organization's objects: refused (ALLOW) but changed Segment`,
        ]);
    }
  });
});

describe.each(entries)("%s", (key, rule) => {
  const handler = handlers.get(key)!;
  if (rule.kind === "public") {
    it.each(PRINCIPALS)(`public (${rule.why}): %s`, async (principal) => {
      await rule.check({ principal, world, call: handler });
    });
    return;
  }

  it("on its own organization's objects: allowed roles succeed, everyone else is refused and nothing changes", async () => {
    const problems: string[] = [];
    for (const principal of PRINCIPALS)
      problems.push(...(await runCell(rule, handler, principal, "own", world)));
    expect(problems).toEqual([]);
  });

  it.runIf(hasCrossOrgCase(rule))(
    "on another organization's objects: refused to everyone, nothing changes",
    async () => {
      const problems: string[] = [];
      for (const principal of PRINCIPALS)
        problems.push(...(await runCell(rule, handler, principal, "other", world)));
      expect(problems).toEqual([]);
    },
  );
});
