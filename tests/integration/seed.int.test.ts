import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyCredentials } from "@/lib/auth/session-user";
import { seedDemoOrganization } from "@/lib/seed/demo-organization";
import { DEMO_JOURNEY_TEMPLATE, DEMO_PASSWORD, DEMO_USERS } from "@/lib/seed/demo-users";
import { findTemplate } from "@/lib/templates/catalog";
import { resetDatabase } from "./helpers/db";

beforeEach(resetDatabase);

describe("the demo seed", () => {
  it("creates one user per role, and a second run adds nothing twice", async () => {
    expect(await seedDemoOrganization()).toEqual({ createdUsers: 4, createdJourneys: 1 });
    expect(await seedDemoOrganization()).toEqual({ createdUsers: 0, createdJourneys: 0 });
    expect(await db.organization.count()).toBe(1);
    expect(await db.site.count()).toBe(3);
    expect(await db.segment.count()).toBe(3);
    expect((await db.user.findMany({ select: { role: true } })).map((u) => u.role).sort()).toEqual(["ADMIN", "EXECUTIVE", "FRONTLINE", "MANAGER"]);
  });

  it("gives frontline staff a journey from a shipped template to log against, once, even after it is archived", async () => {
    await seedDemoOrganization();
    const template = findTemplate(DEMO_JOURNEY_TEMPLATE)!;
    const journeys = await db.journey.findMany({ select: { id: true, templateKey: true, nameKo: true, _count: { select: { touchpoints: true } } } });
    expect(journeys).toEqual([{ id: expect.any(String), templateKey: DEMO_JOURNEY_TEMPLATE, nameKo: template.journey.nameKo, _count: { touchpoints: 17 } }]);
    expect(await db.touchpoint.count({ where: { isMoT: true } })).toBeGreaterThan(0);

    await db.journey.update({ where: { id: journeys[0]!.id }, data: { archivedAt: new Date() } });
    expect(await seedDemoOrganization()).toEqual({ createdUsers: 0, createdJourneys: 0 });
    expect(await db.journey.count()).toBe(1);
  });

  it("lets every demo user sign in with the printed password", async () => {
    await seedDemoOrganization();
    for (const user of DEMO_USERS) {
      expect(await verifyCredentials({ email: user.email, password: DEMO_PASSWORD }, { ipAddress: "", userAgent: "" }), user.email).not.toBeNull();
    }
  });
});
