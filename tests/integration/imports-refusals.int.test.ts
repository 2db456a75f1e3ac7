import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { resetRefusalAuditLimits } from "@/lib/audit/refusals";
import { changeUserRole } from "@/lib/users/mutations";
import { POST as previewRoute } from "@/app/(app)/measure/import/preview/route";
import { POST as runRoute } from "@/app/(app)/measure/import/run/route";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations, TEST_PASSWORD } from "./helpers/factories";
import { requestFrom, signInFrom, type TClient } from "./helpers/signed-in-request";
import { surveyCsv } from "../fixtures/imports/survey-files";

// The upload routes write refused requests to the audit log as server actions and pages do: a
// role without the import permission, and a session that no longer counts.

vi.mock(
  "next/headers",
  async () => (await import("./authorization/request-context")).nextHeadersModule,
);
vi.mock(
  "next/cache",
  async () => (await import("./authorization/request-context")).nextCacheModule,
);
process.env.AUTH_SECRET ??= "imports-refusals-test-secret-0123456789-0123456789";

const office: TClient = { ipAddress: "198.51.100.40", userAgent: "Mozilla/5.0 (office)" };

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
beforeEach(async () => {
  await resetDatabase();
  resetRefusalAuditLimits();
  cast = await createTwoOrganizations();
});

async function signedIn(email: string): Promise<string> {
  const { cookie, answer } = await signInFrom(office, email, TEST_PASSWORD);
  if (!cookie) throw new Error(`no session for ${email}: ${JSON.stringify(answer)}`);
  return cookie;
}

async function upload(path: "preview" | "run") {
  const form = new FormData();
  form.set("file", new File([Buffer.from(surveyCsv([["NPS"], [9]]))], "설문.csv"));
  form.set("options", "{}");
  const multipart = new Request("http://localhost", { method: "POST", body: form });
  const body = new Uint8Array(await multipart.arrayBuffer());
  const request = new Request(`http://localhost/measure/import/${path}`, {
    method: "POST",
    body,
    headers: {
      "content-type": multipart.headers.get("content-type")!,
      "content-length": String(body.byteLength),
      "x-forwarded-for": office.ipAddress,
      "user-agent": office.userAgent,
    },
  });
  return path === "preview" ? previewRoute(request) : runRoute(request);
}

const refusals = () =>
  db.auditLog.findMany({
    where: { action: { startsWith: "access." } },
    orderBy: { id: "asc" },
    select: { action: true, organizationId: true, actorId: true, details: true, ipAddress: true },
  });

describe("refused uploads", () => {
  it("a role without the import permission: 403, written with the permission and the path", async () => {
    requestFrom(office, await signedIn(cast.a.frontline.email));
    expect((await upload("preview")).status).toBe(403);
    expect((await upload("run")).status).toBe(403);
    expect(await refusals()).toEqual(
      ["/measure/import/preview", "/measure/import/run"].map((path) => ({
        action: "access.forbidden",
        organizationId: cast.a.organization.id,
        actorId: cast.a.frontline.id,
        details: { permission: "observation:import", path },
        ipAddress: office.ipAddress,
      })),
    );
    expect(await db.surveyImport.count()).toBe(0);
  });

  it("a session that no longer counts: 401, written like a page's", async () => {
    const cookie = await signedIn(cast.a.manager.email);
    await changeUserRole(cast.a.admin, { userId: cast.a.manager.id, role: "EXECUTIVE" });
    requestFrom(office, cookie);
    expect((await upload("run")).status).toBe(401);
    expect(await refusals()).toMatchObject([
      {
        action: "access.session_revoked",
        organizationId: cast.a.organization.id,
        actorId: cast.a.manager.id,
        details: { cause: "revoked", path: "/measure/import/run" },
      },
    ]);
  });

  it("nothing for a request without any session", async () => {
    requestFrom(office, null);
    expect((await upload("preview")).status).toBe(401);
    expect(await refusals()).toEqual([]);
  });
});
