import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { getTouchpointDrilldown } from "@/lib/analytics/queries";
import { REFUSALS_PER_MINUTE, resetRefusalAuditLimits } from "@/lib/audit/refusals";
import { requireUser } from "@/lib/auth/session";
import { getJourneyMap } from "@/lib/journeys/queries";
import { deleteTouchpoint } from "@/lib/journeys/touchpoints";
import { createProject } from "@/lib/projects/projects";
import { getProject } from "@/lib/projects/queries";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations, TEST_PASSWORD } from "./helpers/factories";
import { buildJourney, type TFixture, versionOf } from "./helpers/journey-fixture";
import { requestFrom, signInFrom, type TClient } from "./helpers/signed-in-request";

// A lookup of an id that exists in another organization is answered "not found", exactly like an
// unknown id, and written to the audit log of the asking organization as a refusal: it is how a
// user probing other tenants' ids shows. The data layer does it (lib/db/cross-organization.ts),
// so every domain function is covered without a call of its own.

vi.mock(
  "next/headers",
  async () => (await import("./authorization/request-context")).nextHeadersModule,
);
vi.mock(
  "next/cache",
  async () => (await import("./authorization/request-context")).nextCacheModule,
);
vi.mock("next-intl/server", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getRequestConfig: <T>(create: T) => create,
  getLocale: (await import("./authorization/request-context")).requestLocale,
}));
process.env.AUTH_SECRET ??= "cross-organization-test-secret-0123456789";

const office: TClient = { ipAddress: "198.51.100.31", userAgent: "Mozilla/5.0 (office)" };

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
let a: TFixture;
let b: TFixture;
let projectOfB: string;

beforeEach(async () => {
  await resetDatabase();
  resetRefusalAuditLimits();
  cast = await createTwoOrganizations();
  a = await buildJourney(cast.a.manager);
  b = await buildJourney(cast.b.manager);
  projectOfB = (await createProject(cast.b.manager, { title: "Queue", touchpointIds: [b.mot] })).id;
});

const crossOrganizationEntries = () =>
  db.auditLog.findMany({ where: { action: "access.cross_organization" }, orderBy: { id: "asc" } });

const notFoundOf = (field: string) => ({
  code: "NOT_FOUND",
  fieldErrors: { [field]: ["errors.NOT_FOUND"] },
});

describe("a lookup of another organization's id", () => {
  it("is not found, and written to the asking organization's audit log with who asked and from where", async () => {
    const { cookie } = await signInFrom(office, cast.a.manager.email, TEST_PASSWORD);
    requestFrom(office, cookie, `/journeys/${b.journeyId}`);
    // As a page does: the session's user, then the domain.
    const manager = await requireUser();
    expect(manager.id).toBe(cast.a.manager.id);

    await expect(getJourneyMap(manager, b.journeyId)).rejects.toMatchObject(
      notFoundOf("journeyId"),
    );
    await expect(
      getTouchpointDrilldown(manager, { journeyId: a.journeyId }, b.mot),
    ).rejects.toMatchObject(notFoundOf("touchpointId"));
    await expect(getProject(manager, projectOfB)).rejects.toMatchObject(notFoundOf("projectId"));
    // A write names the id the same way, inside its transaction.
    await expect(
      deleteTouchpoint(manager, {
        journeyId: a.journeyId,
        version: await versionOf(a.journeyId),
        touchpointId: b.mot,
      }),
    ).rejects.toMatchObject(notFoundOf("touchpointId"));

    const entries = await crossOrganizationEntries();
    expect(entries.map((entry) => [entry.entityType, entry.entityId])).toEqual([
      ["Journey", b.journeyId],
      ["Touchpoint", b.mot],
      ["ImprovementProject", projectOfB],
      ["Touchpoint", b.mot],
    ]);
    for (const entry of entries)
      expect(entry).toMatchObject({
        organizationId: cast.a.organization.id,
        actorId: cast.a.manager.id,
        ipAddress: office.ipAddress,
        userAgent: office.userAgent,
      });
    // Organization B's admins see nothing of it, and nothing of B changed.
    expect(
      await db.auditLog.count({
        where: { organizationId: cast.b.organization.id, action: { startsWith: "access." } },
      }),
    ).toBe(0);
    expect(await db.touchpoint.count({ where: { id: b.mot } })).toBe(1);
  });

  it("is written for the organization even when called outside a request (a script)", async () => {
    await expect(getJourneyMap(cast.a.admin, b.journeyId)).rejects.toMatchObject(
      notFoundOf("journeyId"),
    );
    expect(await crossOrganizationEntries()).toMatchObject([
      { organizationId: cast.a.organization.id, entityType: "Journey", entityId: b.journeyId },
    ]);
  });

  it("is bounded like every refusal: at most 10 entries a minute per user", async () => {
    const { cookie } = await signInFrom(office, cast.a.manager.email, TEST_PASSWORD);
    requestFrom(office, cookie);
    for (let i = 0; i < REFUSALS_PER_MINUTE + 5; i += 1)
      await expect(getProject(cast.a.manager, projectOfB)).rejects.toMatchObject(
        notFoundOf("projectId"),
      );
    expect(await crossOrganizationEntries()).toHaveLength(REFUSALS_PER_MINUTE);
  });
});

describe("an unknown id, or one of the organization's own that does not match", () => {
  it("is not found with the same answer, and writes no cross-organization entry", async () => {
    const { cookie } = await signInFrom(office, cast.a.manager.email, TEST_PASSWORD);
    requestFrom(office, cookie);
    const manager = cast.a.manager;
    const unknown = "cm0000000000000000000000";

    await expect(getJourneyMap(manager, unknown)).rejects.toMatchObject(notFoundOf("journeyId"));
    await expect(
      getTouchpointDrilldown(manager, { journeyId: a.journeyId }, unknown),
    ).rejects.toMatchObject(notFoundOf("touchpointId"));
    await expect(getProject(manager, unknown)).rejects.toMatchObject(notFoundOf("projectId"));
    // The organization's own touchpoint, asked for under the wrong journey of its own.
    const other = await buildJourney(manager, "Second");
    await expect(
      getTouchpointDrilldown(manager, { journeyId: other.journeyId }, a.mot),
    ).rejects.toMatchObject(notFoundOf("touchpointId"));

    expect(await crossOrganizationEntries()).toEqual([]);
  });
});
