import Papa from "papaparse";
import pg from "pg";
import { beforeEach, describe, expect, inject, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/mutations";
import { postObservations } from "@/lib/api/post-observations";
import { configureApiRateLimits } from "@/lib/api/rate-limit";
import { writeAuditLog } from "@/lib/audit/log";
import { exportAuditLogCsv } from "@/lib/audit/export";
import { listAuditLog, listAuditLogFilterOptions, readAuditLog } from "@/lib/audit/queries";
import { REFUSALS_PER_MINUTE, resetRefusalAuditLimits } from "@/lib/audit/refusals";
import { auditSearchString } from "@/lib/audit/schemas";
import { requireUser } from "@/lib/auth/session";
import { handleRunRequest } from "@/lib/imports/http";
import { MESSAGES } from "@/lib/i18n/messages";
import {
  changeUserRoleAction,
  inviteUserAction,
  setUserActiveAction,
} from "@/app/(app)/admin/users/actions";
import { acceptInvitationAction } from "@/app/(auth)/invite/[token]/actions";
import { GET as exportRoute } from "@/app/(app)/admin/audit/export/route";
import { deleteSegmentAction, saveSegmentAction } from "@/app/(app)/journeys/segments/actions";
import { createProjectAction } from "@/app/(app)/improve/actions";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations, TEST_PASSWORD } from "./helpers/factories";
import { buildJourney } from "./helpers/journey-fixture";
import { requestFrom, signInFrom, type TClient } from "./helpers/signed-in-request";
import { requestLocale } from "./authorization/request-context";
import { surveyCsv } from "../fixtures/imports/survey-files";

// The audit log records who, what, when and from where for every listed kind of
// event, cannot be changed (the database refuses UPDATE, DELETE and TRUNCATE), and admins — only
// they, only their organization's — can read, filter and export it.

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
process.env.AUTH_SECRET ??= "audit-log-test-secret-0123456789-0123456789";

const office: TClient = { ipAddress: "198.51.100.30", userAgent: "Mozilla/5.0 (office)" };
const labels = MESSAGES.en.auditLog.csv;

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
beforeEach(async () => {
  await resetDatabase();
  resetRefusalAuditLimits();
  configureApiRateLimits({ requestsPerMinute: 1000 });
  cast = await createTwoOrganizations();
});

async function signedIn(email: string): Promise<string> {
  const { cookie, answer } = await signInFrom(office, email, TEST_PASSWORD);
  if (!cookie) throw new Error(`no session for ${email}: ${JSON.stringify(answer)}`);
  return cookie;
}

const entriesOf = (action: string) =>
  db.auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });
const fromOffice = { ipAddress: office.ipAddress, userAgent: office.userAgent };

describe("the database refuses to change the log", () => {
  // As the app's role the missing privileges refuse first (database-roles.int.test.ts); the
  // triggers, a second line, are checked here as the owner role.
  it("refuses UPDATE, DELETE and TRUNCATE — also a TRUNCATE that cascades from another table", async () => {
    await writeAuditLog({
      organizationId: cast.a.organization.id,
      actorId: cast.a.admin.id,
      action: "test.entry",
    });
    const [entry] = await entriesOf("test.entry");

    await expect(
      db.auditLog.update({ where: { id: entry!.id }, data: { action: "test.changed" } }),
    ).rejects.toThrow(/permission denied/);
    await expect(db.auditLog.delete({ where: { id: entry!.id } })).rejects.toThrow(
      /permission denied/,
    );
    const owner = new pg.Client({ connectionString: inject("databaseOwnerUrl") });
    await owner.connect();
    try {
      const asOwner = (sql: string) => owner.query(sql);
      await expect(asOwner(`UPDATE "AuditLog" SET "action" = 'test.changed'`)).rejects.toThrow(
        /append-only: UPDATE/,
      );
      await expect(asOwner(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only: DELETE/);
      await expect(asOwner(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only: TRUNCATE/);
      await expect(asOwner(`TRUNCATE "Organization" CASCADE`)).rejects.toThrow(
        /append-only: TRUNCATE/,
      );
    } finally {
      await owner.end();
    }

    expect(await db.auditLog.findUniqueOrThrow({ where: { id: entry!.id } })).toMatchObject({
      action: "test.entry",
    });
    expect(await db.organization.count()).toBe(2);
  });
});

describe("what is written: who, what, when, from where", () => {
  it("sign-ins and failed sign-ins", async () => {
    const started = new Date();
    await signedIn(cast.a.manager.email);
    await signInFrom(office, cast.a.manager.email, "wrong-password-1");
    expect(await entriesOf("auth.sign_in")).toMatchObject([
      { organizationId: cast.a.organization.id, actorId: cast.a.manager.id, ...fromOffice },
    ]);
    const [failed] = await entriesOf("auth.sign_in_failed");
    expect(failed).toMatchObject({
      actorId: cast.a.manager.id,
      details: { reason: "wrong_password" },
      ...fromOffice,
    });
    expect(failed!.createdAt.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);
  });

  it("invitations, role and user changes, through the admin's actions", async () => {
    requestFrom(office, await signedIn(cast.a.admin.email), "/admin/users");
    const invited = await inviteUserAction({
      email: "new.agent@test.moments",
      role: "FRONTLINE",
      locale: "en",
    });
    // No mail configured here: the link comes back for the admin to hand over.
    const link = invited.ok && !invited.data.mailed ? invited.data.link : "";
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(await entriesOf("user.invite")).toMatchObject([
      {
        actorId: cast.a.admin.id,
        details: { email: "new.agent@test.moments", role: "FRONTLINE" },
        ...fromOffice,
      },
    ]);

    const phone: TClient = { ipAddress: "198.51.100.77", userAgent: "invitee-phone" };
    requestFrom(phone, null, "/invite/x");
    const token = link.split("/").pop()!;
    expect(
      await acceptInvitationAction({ token, name: "New agent", password: "a-long-password-1" }),
    ).toMatchObject({ ok: true });
    const userId = (await db.user.findUniqueOrThrow({ where: { email: "new.agent@test.moments" } }))
      .id;

    requestFrom(office, await signedIn(cast.a.admin.email), "/admin/users");
    expect(await changeUserRoleAction({ userId, role: "MANAGER" })).toMatchObject({ ok: true });
    expect(await setUserActiveAction({ userId, isActive: false })).toMatchObject({ ok: true });

    const entries = await db.auditLog.findMany({
      where: { entityType: "User", entityId: userId },
      orderBy: { id: "asc" },
    });
    expect(entries.map((entry) => entry.action)).toEqual([
      "user.invitation_accept",
      "user.role_change",
      "user.deactivate",
    ]);
    expect(entries[0]).toMatchObject({ actorId: userId, ipAddress: phone.ipAddress });
    for (const entry of entries.slice(1))
      expect(entry).toMatchObject({
        organizationId: cast.a.organization.id,
        actorId: cast.a.admin.id,
        ...fromOffice,
      });
    expect(entries[1]!.details).toEqual({
      before: { role: "FRONTLINE", isActive: true },
      after: { role: "MANAGER", isActive: true },
    });
  });

  it("a common password is refused where passwords are set, with a message, and nothing is written", async () => {
    requestFrom(office, await signedIn(cast.a.admin.email), "/admin/users");
    const invited = await inviteUserAction({
      email: "weak@test.moments",
      role: "FRONTLINE",
      locale: "ko",
    });
    const token = invited.ok && !invited.data.mailed ? invited.data.link.split("/").pop()! : "";
    requestFrom(office, null, "/invite/x");
    const refused = await acceptInvitationAction({
      token,
      name: "Weak",
      password: "Password2024!",
    });
    expect(refused).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { password: ["security.password.common"] },
    });
    expect(MESSAGES.ko.security.password.common).toBeTruthy();
    expect(await db.user.count({ where: { email: "weak@test.moments" } })).toBe(0);
    expect(await entriesOf("user.invitation_accept")).toEqual([]);
  });

  it("deletions and project changes made through actions carry the request's address, though the domain never sees it", async () => {
    const journey = await buildJourney(cast.a.manager);
    requestFrom(office, await signedIn(cast.a.manager.email), "/journeys/segments");
    const saved = await saveSegmentAction({
      nameKo: "단골 고객",
      nameEn: "Regulars",
      description: "",
    });
    const segmentId = saved.ok ? saved.data.id : "";
    expect(await deleteSegmentAction({ segmentId })).toMatchObject({ ok: true });
    expect(
      await createProjectAction({ title: "Faster check-in", touchpointIds: [journey.mot] }),
    ).toMatchObject({ ok: true });

    expect(await entriesOf("segment.delete")).toMatchObject([
      { actorId: cast.a.manager.id, entityId: segmentId, ...fromOffice },
    ]);
    expect(await entriesOf("project.create")).toMatchObject([
      { actorId: cast.a.manager.id, entityType: "ImprovementProject", ...fromOffice },
    ]);
  });

  it("imports", async () => {
    const journey = await buildJourney(cast.a.manager);
    const form = new FormData();
    form.set(
      "file",
      new File([Buffer.from(surveyCsv([["NPS"], [9]]))], "survey.csv", { type: "text/csv" }),
    );
    form.set(
      "options",
      JSON.stringify({
        mapping: {
          touchpoint: { by: "fixed", touchpointId: journey.mot },
          observedAt: { by: "fixed", date: "2026-11-20" },
          columns: { nps: "NPS" },
        },
      }),
    );
    // As a browser sends it: multipart, with its Content-Length.
    const multipart = new Request("http://localhost/", { method: "POST", body: form });
    const body = new Uint8Array(await multipart.arrayBuffer());
    const request = new Request("http://localhost/measure/import/run", {
      method: "POST",
      body,
      headers: {
        "content-type": multipart.headers.get("content-type")!,
        "content-length": String(body.byteLength),
        "x-forwarded-for": office.ipAddress,
        "user-agent": office.userAgent,
      },
    });
    await (await handleRunRequest(cast.a.manager, request)).text();
    expect(await entriesOf("survey_import.completed")).toMatchObject([
      {
        actorId: cast.a.manager.id,
        entityType: "SurveyImport",
        details: { imported: 1 },
        ...fromOffice,
      },
    ]);
  });
});

describe("refused requests", () => {
  it("an action the role does not allow: written with the permission and the page, at most 10 a minute per user", async () => {
    requestFrom(office, await signedIn(cast.a.frontline.email), "/journeys/segments");
    for (let i = 0; i < REFUSALS_PER_MINUTE + 5; i += 1) {
      expect(
        await saveSegmentAction({ nameKo: "단골", nameEn: "Regulars", description: "" }),
      ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    const entries = await entriesOf("access.forbidden");
    expect(entries).toHaveLength(REFUSALS_PER_MINUTE);
    expect(entries[0]).toMatchObject({
      organizationId: cast.a.organization.id,
      actorId: cast.a.frontline.id,
      details: { permission: "journey:write", page: "/journeys/segments" },
      ...fromOffice,
    });
  });

  it("a page the role does not allow", async () => {
    requestFrom(office, await signedIn(cast.a.manager.email));
    await expect(requireUser("audit:read")).rejects.toThrow();
    expect(await entriesOf("access.forbidden")).toMatchObject([
      { actorId: cast.a.manager.id, details: { permission: "audit:read" }, ...fromOffice },
    ]);
  });

  it("nothing for a request without any session: anonymous probes are not written", async () => {
    requestFrom(office, null, "/journeys/segments");
    expect(
      await saveSegmentAction({ nameKo: "단골", nameEn: "Regulars", description: "" }),
    ).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    await expect(requireUser()).rejects.toThrow();
    expect(await db.auditLog.count({ where: { action: { startsWith: "access." } } })).toBe(0);
  });

  it("the API: a revoked key is written for its organization, an unknown key is not", async () => {
    const key = await createApiKey(cast.a.admin, { name: "Kiosk", scopes: ["observations:write"] });
    await revokeApiKey(cast.a.admin, { apiKeyId: key.id });
    const post = (secret: string) =>
      postObservations(
        new Request("http://localhost/api/v1/observations", {
          method: "POST",
          headers: {
            authorization: `Bearer ${secret}`,
            "content-type": "application/json",
            "x-forwarded-for": "192.0.2.44",
            "user-agent": "kiosk",
          },
          body: JSON.stringify({ observations: [] }),
        }),
      );
    expect((await post(key.secret)).status).toBe(401);
    expect((await post(`${key.secret.slice(0, -2)}xx`)).status).toBe(401);
    expect(
      await db.auditLog.findMany({ where: { action: { startsWith: "access." } } }),
    ).toMatchObject([
      {
        action: "access.api_key_revoked",
        organizationId: cast.a.organization.id,
        actorId: null,
        entityType: "ApiKey",
        entityId: key.id,
        ipAddress: "192.0.2.44",
        userAgent: "kiosk",
      },
    ]);
  });
});

describe("the viewer", () => {
  async function seedLog() {
    const a = cast.a.organization.id;
    const entry = (
      action: string,
      extra: { actorId?: string; entityType?: string; entityId?: string; createdAt: Date },
    ) =>
      db.auditLog.create({
        data: { organizationId: a, actorId: cast.a.manager.id, action, ...extra },
      });
    await entry("user.create", {
      actorId: cast.a.admin.id,
      entityType: "User",
      entityId: cast.a.frontline.id,
      createdAt: new Date("2026-11-24T14:59:00Z"),
    }); // 23:59 on the 24th in Seoul
    await entry("user.role_change", {
      actorId: cast.a.admin.id,
      entityType: "User",
      entityId: cast.a.frontline.id,
      createdAt: new Date("2026-11-24T15:30:00Z"),
    }); // 00:30 on the 25th
    await entry("surveyXimport.completed", { createdAt: new Date("2026-11-25T03:00:00Z") });
    await entry("survey_import.completed", {
      entityType: "SurveyImport",
      entityId: "imp-1",
      createdAt: new Date("2026-11-25T14:59:59Z"),
    }); // 23:59:59 on the 25th
    await db.auditLog.create({
      data: {
        organizationId: cast.b.organization.id,
        actorId: cast.b.admin.id,
        action: "user.create",
        createdAt: new Date("2026-11-25T03:00:00Z"),
      },
    });
  }

  it("is for admins only", async () => {
    for (const actor of [cast.a.manager, cast.a.executive, cast.a.frontline]) {
      await expect(listAuditLog(actor, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listAuditLogFilterOptions(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(exportAuditLogCsv(actor, {}, labels)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
  });

  it("shows one organization's entries, newest first, and filters by action prefix, actor, entity and local days", async () => {
    await seedLog();
    const actions = async (filter: Parameters<typeof listAuditLog>[1]) =>
      (await listAuditLog(cast.a.admin, filter)).entries.map((entry) => entry.action);

    expect(await actions({})).toEqual([
      "survey_import.completed",
      "surveyXimport.completed",
      "user.role_change",
      "user.create",
    ]);
    expect(await actions({ action: "user." })).toEqual(["user.role_change", "user.create"]);
    expect(await actions({ action: "survey_import" })).toEqual(["survey_import.completed"]); // "_" is not a wildcard
    expect(await actions({ actorId: cast.a.admin.id })).toEqual([
      "user.role_change",
      "user.create",
    ]);
    expect(await actions({ entityType: "User", entityId: cast.a.frontline.id })).toEqual([
      "user.role_change",
      "user.create",
    ]);
    expect(await actions({ from: "2026-11-25", to: "2026-11-25" })).toEqual([
      "survey_import.completed",
      "surveyXimport.completed",
      "user.role_change",
    ]);
    expect(await actions({ to: "2026-11-24" })).toEqual(["user.create"]);
    // Another organization's actor or entity is simply not there.
    expect(await actions({ actorId: cast.b.admin.id })).toEqual([]);
    expect((await listAuditLog(cast.b.admin, {})).entries.map((entry) => entry.action)).toEqual([
      "user.create",
    ]);

    const [first] = (await listAuditLog(cast.a.admin, { action: "user.role" })).entries;
    expect(first).toMatchObject({
      actor: { id: cast.a.admin.id, email: cast.a.admin.email },
      entityType: "User",
      at: "2026-11-24T15:30:00.000Z",
    });

    const options = await listAuditLogFilterOptions(cast.a.admin);
    expect(options.actions.toSorted()).toEqual(
      [
        "survey_import.completed",
        "surveyXimport.completed",
        "user.create",
        "user.role_change",
      ].toSorted(),
    );
    expect(options.entityTypes.toSorted()).toEqual(["SurveyImport", "User"]);
    expect(options.actors.map((actor) => actor.id).sort()).toEqual(
      [cast.a.admin.id, cast.a.manager.id, cast.a.frontline.id, cast.a.executive.id].sort(),
    );
  });

  it("pages by id: no entry repeated or skipped, even when new ones arrive between pages", async () => {
    for (let i = 0; i < 120; i += 1)
      await writeAuditLog({
        organizationId: cast.a.organization.id,
        actorId: cast.a.manager.id,
        action: `test.${i}`,
      });
    const first = await listAuditLog(cast.a.admin, {});
    await writeAuditLog({
      organizationId: cast.a.organization.id,
      actorId: cast.a.manager.id,
      action: "test.late",
    });
    const second = await listAuditLog(cast.a.admin, { before: first.nextCursor! });
    const third = await listAuditLog(cast.a.admin, { before: second.nextCursor! });
    const seen = [...first.entries, ...second.entries, ...third.entries].map(
      (entry) => entry.action,
    );
    expect([first.entries.length, second.entries.length, third.entries.length]).toEqual([
      50, 50, 20,
    ]);
    expect(third.nextCursor).toBeNull();
    expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => `test.${119 - i}`));

    const batches: number[] = [];
    for await (const batch of readAuditLog(cast.a.admin, {}, 100, 40)) batches.push(batch.length);
    expect(batches).toEqual([40, 40, 20]);
  });

  it("answers a cursor beyond bigint as bad input, not a database error", async () => {
    await writeAuditLog({
      organizationId: cast.a.organization.id,
      actorId: cast.a.manager.id,
      action: "test.only",
    });
    expect(
      (await listAuditLog(cast.a.admin, { before: "9223372036854775807" })).entries.map(
        (entry) => entry.action,
      ),
    ).toEqual(["test.only"]);
    for (const before of ["9223372036854775808", "9999999999999999999", "12abc"]) {
      await expect(listAuditLog(cast.a.admin, { before }), before).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { before: ["validation.invalidFormat"] },
      });
    }
    // From the URL, such a cursor is left out (the page names it), and the export still answers.
    requestFrom(office, await signedIn(cast.a.admin.email));
    const response = await exportRoute(
      new Request("http://localhost/admin/audit/export?before=9999999999999999999"),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("test.only");
  });

  it("exports the filtered entries as CSV to admins, safe for spreadsheets, and records the export", async () => {
    await seedLog();
    await writeAuditLog({
      organizationId: cast.a.organization.id,
      actorId: cast.a.manager.id,
      action: "user.create",
      meta: { ipAddress: "192.0.2.1", userAgent: '=HYPERLINK("http://x")' },
    });
    requestFrom(office, await signedIn(cast.a.admin.email));
    const response = await exportRoute(
      new Request(`http://localhost/admin/audit/export${auditSearchString({ action: "user." })}`, {
        headers: { "x-forwarded-for": office.ipAddress },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM: Excel then reads Korean as UTF-8
    const rows = Papa.parse<string[]>(new TextDecoder().decode(bytes).trim(), {
      newline: "\r\n",
    }).data;
    const csvLabels = MESSAGES[(await requestLocale()) as "ko" | "en"].auditLog.csv;
    expect(rows[0]).toEqual(Object.values(csvLabels));
    expect(rows.slice(1).map((row) => row[4])).toEqual([
      "user.create",
      "user.role_change",
      "user.create",
    ]);
    expect(rows[1]![8]).toBe('\'=HYPERLINK("http://x")');
    expect(await entriesOf("audit_log.export")).toMatchObject([
      {
        actorId: cast.a.admin.id,
        details: { filter: { action: "user." } },
        ipAddress: office.ipAddress,
      },
    ]);

    // Refusals answer a message key, in no one language.
    const refusalOf = async (response: Response) => ({
      status: response.status,
      body: (await response.json()) as unknown,
    });
    requestFrom(office, await signedIn(cast.a.manager.email));
    expect(
      await refusalOf(await exportRoute(new Request("http://localhost/admin/audit/export"))),
    ).toEqual({
      status: 403,
      body: { ok: false, code: "FORBIDDEN", error: "errors.FORBIDDEN", fieldErrors: {} },
    });
    expect(await entriesOf("access.forbidden")).toMatchObject([
      { actorId: cast.a.manager.id, details: { permission: "audit:read" } },
    ]);
    requestFrom(office, null);
    expect(
      await refusalOf(await exportRoute(new Request("http://localhost/admin/audit/export"))),
    ).toEqual({
      status: 401,
      body: {
        ok: false,
        code: "UNAUTHENTICATED",
        error: "errors.UNAUTHENTICATED",
        fieldErrors: {},
      },
    });
  });
});
