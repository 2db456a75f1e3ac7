import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import type { TRole } from "@/lib/auth/permissions";
import type { TSessionUser } from "@/lib/auth/session-user";

export const TEST_PASSWORD = "correct-horse-battery";

let passwordHash: Promise<string> | undefined;
let sequence = 0;

export async function createOrganization(name = "Org") {
  sequence += 1;
  return db.organization.create({
    data: { name: `${name} ${sequence}`, slug: `org-${sequence}-${Date.now()}` },
  });
}

/** A user of the organization, returned as the actor the domain functions receive. */
export async function createUser(
  organizationId: string,
  role: TRole,
  overrides: { isActive?: boolean } = {},
): Promise<TSessionUser> {
  sequence += 1;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const user = await db.user.create({
    data: {
      organizationId,
      role,
      email: `${role.toLowerCase()}.${sequence}@test.moments`,
      name: `${role} ${sequence}`,
      passwordHash: await passwordHash,
      isActive: overrides.isActive ?? true,
    },
  });
  return {
    id: user.id,
    organizationId,
    role,
    email: user.email,
    name: user.name,
    locale: null,
    sessionVersion: user.sessionVersion,
    // As if signed in once: a server-side session the actor's requests name.
    sessionId: (await db.userSession.create({ data: { userId: user.id } })).id,
  };
}

/** Two organizations with one user per role each: the usual cast of a cross-tenant test. */
export async function createTwoOrganizations() {
  const [a, b] = [await createOrganization("A"), await createOrganization("B")];
  const usersOf = async (organizationId: string) => ({
    admin: await createUser(organizationId, "ADMIN"),
    manager: await createUser(organizationId, "MANAGER"),
    frontline: await createUser(organizationId, "FRONTLINE"),
    executive: await createUser(organizationId, "EXECUTIVE"),
  });
  return {
    a: { organization: a, ...(await usersOf(a.id)) },
    b: { organization: b, ...(await usersOf(b.id)) },
  };
}
