import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyCredentials } from "@/lib/auth/session-user";
import { seedDemoOrganization } from "@/lib/seed/demo-organization";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/seed/demo-users";
import { resetDatabase } from "./helpers/db";

beforeEach(resetDatabase);

describe("the demo seed", () => {
  it("creates one user per role, and a second run adds nothing twice", async () => {
    expect(await seedDemoOrganization()).toEqual({ createdUsers: 4 });
    expect(await seedDemoOrganization()).toEqual({ createdUsers: 0 });
    expect(await db.organization.count()).toBe(1);
    expect(await db.site.count()).toBe(3);
    expect(await db.segment.count()).toBe(3);
    expect((await db.user.findMany({ select: { role: true } })).map((u) => u.role).sort()).toEqual(["ADMIN", "EXECUTIVE", "FRONTLINE", "MANAGER"]);
  });

  it("lets every demo user sign in with the printed password", async () => {
    await seedDemoOrganization();
    for (const user of DEMO_USERS) {
      expect(await verifyCredentials({ email: user.email, password: DEMO_PASSWORD }, { ipAddress: "", userAgent: "" }), user.email).not.toBeNull();
    }
  });
});
