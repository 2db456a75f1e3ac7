import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import type { TSsoConnectionView } from "./schemas";
import { openClientSecret } from "./secret";

/** The actor's organization's SSO connection for its admin page (the secret never leaves), or null. */
export async function getSsoConnection(actor: TActor): Promise<TSsoConnectionView | null> {
  assertCan(actor, "sso:manage");
  const connection = await db.ssoConnection.findUnique({
    where: { organizationId: actor.organizationId },
    select: {
      issuer: true,
      clientId: true,
      clientSecretEncrypted: true,
      defaultRole: true,
      isEnabled: true,
      updatedAt: true,
      domains: { select: { domain: true }, orderBy: { domain: "asc" } },
    },
  });
  if (!connection) return null;
  const { clientSecretEncrypted, domains, ...view } = connection;
  return {
    ...view,
    domains: domains.map(({ domain }) => domain),
    hasClientSecret: openClientSecret(clientSecretEncrypted) !== null,
  };
}
