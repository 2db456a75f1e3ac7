import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/mutations";
import { listApiKeys } from "@/lib/api-keys/queries";
import { hashApiKeySecret } from "@/lib/api-keys/secret";
import { configureApiRateLimits } from "@/lib/api/rate-limit";
import { postObservations } from "./helpers/api-client";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import { appError, buildJourney } from "./helpers/journey-fixture";

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;

beforeEach(async () => {
  await resetDatabase();
  configureApiRateLimits({ requestsPerMinute: 1000 });
  cast = await createTwoOrganizations();
});

const create = (name = "Kiosk") =>
  createApiKey(cast.a.admin, { name, scopes: ["observations:write"] });

describe("API keys", () => {
  it("are created by an admin with a secret shown once and stored only as its SHA-256", async () => {
    const key = await create("Survey tool");
    expect(key.secret).toMatch(/^mk_live_[A-Za-z0-9_-]{43}$/);
    expect(key.prefix).toBe(key.secret.slice(0, 16));

    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(stored).toMatchObject({
      organizationId: cast.a.organization.id,
      name: "Survey tool",
      scopes: ["observations:write"],
      createdById: cast.a.admin.id,
      revokedAt: null,
    });
    expect(stored.secretHash).toBe(hashApiKeySecret(key.secret));
    // The secret is in no column of the key, nor in the audit log.
    expect(JSON.stringify(stored)).not.toContain(key.secret);
    const audit = await db.auditLog.findMany({ where: { entityId: key.id } });
    expect(audit.map((entry) => entry.action)).toEqual(["apikey.create"]);
    expect(JSON.stringify(audit.map(({ details }) => details))).not.toContain(key.secret);
  });

  it("are listed with name, prefix, scopes, creator and use, never the secret or its hash", async () => {
    const key = await create("Kiosk 1");
    await authenticateApiKey(key.secret);
    const [listed] = await listApiKeys(cast.a.admin);
    expect(Object.keys(listed!).sort()).toEqual([
      "createdAt",
      "createdByName",
      "id",
      "lastUsedAt",
      "name",
      "prefix",
      "revokedAt",
      "scopes",
    ]);
    expect(listed).toMatchObject({
      id: key.id,
      name: "Kiosk 1",
      prefix: key.prefix,
      scopes: ["observations:write"],
      createdByName: cast.a.admin.name,
      revokedAt: null,
    });
    expect(listed!.lastUsedAt).toBeInstanceOf(Date);
    expect(await listApiKeys(cast.b.admin)).toEqual([]);
  });

  it("refuse a key without a name or a scope, storing nothing", async () => {
    const refusedOn = (path: string) => ({
      ...appError("VALIDATION"),
      fieldErrors: { [path]: [expect.any(String)] },
    });
    await expect(
      createApiKey(cast.a.admin, { name: " ", scopes: ["observations:write"] }),
    ).rejects.toMatchObject(refusedOn("name"));
    await expect(
      createApiKey(cast.a.admin, { name: "No scope", scopes: [] }),
    ).rejects.toMatchObject(refusedOn("scopes"));
    await expect(
      createApiKey(cast.a.admin, { name: "Odd scope", scopes: ["everything" as never] }),
    ).rejects.toMatchObject(appError("VALIDATION"));
    expect(await db.apiKey.count()).toBe(0);
  });

  it("are managed by admins only", async () => {
    const key = await create();
    for (const actor of [cast.a.manager, cast.a.frontline, cast.a.executive]) {
      await expect(
        createApiKey(actor, { name: "Mine", scopes: ["observations:write"] }),
      ).rejects.toMatchObject(appError("FORBIDDEN"));
      await expect(listApiKeys(actor)).rejects.toMatchObject(appError("FORBIDDEN"));
      await expect(revokeApiKey(actor, { apiKeyId: key.id })).rejects.toMatchObject(
        appError("FORBIDDEN"),
      );
    }
    expect(await db.apiKey.count()).toBe(1);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt).toBeNull();
  });

  it("of another organization are not found and stay active", async () => {
    const key = await create();
    await expect(revokeApiKey(cast.b.admin, { apiKeyId: key.id })).rejects.toMatchObject(
      appError("NOT_FOUND"),
    );
    expect(await authenticateApiKey(key.secret)).toMatchObject({ ok: true });
  });

  it("stop working at once when revoked, with an audit entry; revoking again changes nothing", async () => {
    const journey = await buildJourney(cast.a.manager);
    const key = await create();
    const batch = {
      observations: [
        {
          touchpointId: journey.mot,
          source: "SURVEY",
          observedAt: "2026-11-20T10:00:00+09:00",
          experiencedScore: 5,
        },
      ],
    };
    expect((await postObservations(batch, { secret: key.secret })).status).toBe(201);

    await revokeApiKey(cast.a.admin, { apiKeyId: key.id });
    const refused = await postObservations(batch, { secret: key.secret });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: "revoked_api_key" });
    expect(await authenticateApiKey(key.secret)).toEqual({
      ok: false,
      reason: "revoked",
      apiKeyId: key.id,
      organizationId: cast.a.organization.id,
    });
    expect(await db.observation.count()).toBe(1);

    await revokeApiKey(cast.a.admin, { apiKeyId: key.id });
    expect(
      (await db.auditLog.findMany({ where: { entityId: key.id }, orderBy: { id: "asc" } })).map(
        (entry) => entry.action,
      ),
    ).toEqual(["apikey.create", "apikey.revoke", "access.api_key_revoked"]);
    expect((await listApiKeys(cast.a.admin))[0]!.revokedAt).toBeInstanceOf(Date);
  });

  it("record their last use at most once a minute", async () => {
    const key = await create();
    await authenticateApiKey(key.secret);
    const first = (await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await authenticateApiKey(key.secret);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(
      first,
    );

    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: twoMinutesAgo } });
    await authenticateApiKey(key.secret);
    expect(
      (await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt!.getTime(),
    ).toBeGreaterThan(twoMinutesAgo.getTime());
  });

  it("are not found by a secret of the wrong shape or an unknown one", async () => {
    const key = await create();
    expect(await authenticateApiKey(key.secret.slice(0, -1))).toEqual({
      ok: false,
      reason: "unknown",
    });
    expect(
      await authenticateApiKey(key.secret.slice(0, -1) + (key.secret.endsWith("A") ? "B" : "A")),
    ).toEqual({ ok: false, reason: "unknown" });
    expect(await authenticateApiKey(hashApiKeySecret(key.secret))).toEqual({
      ok: false,
      reason: "unknown",
    });
  });
});
