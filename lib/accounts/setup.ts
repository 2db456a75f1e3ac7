import "server-only";
import { db } from "@/lib/db/client";
import { isSerializationFailure, isUniqueViolation } from "@/lib/db/errors";
import { writeAuditLog } from "@/lib/audit/log";
import type { TRequestMeta } from "@/lib/audit/schemas";
import { hashPassword } from "@/lib/auth/password";
import { conflict, invalid } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { claimLink, findLink, issueLink, revokeLinks } from "./links";
import { createOrganizationRow, hasRealOrganization } from "./organizations";
import { ZSetupInput, type TSetupInput } from "./schemas";

// First-run setup: `npm start` issues a setup link (printed, and written to a file only the
// server's user can read) while no real organization exists; /setup with it creates the first
// organization and its ADMIN. Once used — or once an organization exists — no setup link works.

/**
 * Called by `npm start`: a fresh setup token (earlier ones revoked) while setup is still to do,
 * or null when an organization exists (and every leftover setup link is revoked).
 */
export async function prepareSetupLink(): Promise<{ token: string; url: string } | null> {
  return db.$transaction(async (tx) => {
    await revokeLinks(tx, "SETUP", {});
    if (await tx.organization.count({ where: { isDemo: false } })) return null;
    const { token, url } = await issueLink(tx, "SETUP", {});
    return { token, url };
  });
}

/** Whether /setup should show its form for this token. */
export async function setupLinkState(token: string) {
  if (await hasRealOrganization()) return "done" as const;
  const link = token ? await findLink("SETUP", token) : null;
  return link?.state ?? ("unknown" as const);
}

export async function completeSetup(
  input: TSetupInput,
  meta: TRequestMeta,
): Promise<{ organizationId: string; adminEmail: string }> {
  const data = parseInput(ZSetupInput, input);
  const passwordHash = await hashPassword(data.password);
  return db
    .$transaction(
      async (tx) => {
        await claimLink(tx, "SETUP", data.token);
        if (await tx.organization.count({ where: { isDemo: false } }))
          throw conflict("accounts.setup.alreadyDone");
        if (await tx.user.findUnique({ where: { email: data.adminEmail }, select: { id: true } }))
          throw invalid({ adminEmail: ["validation.emailTaken"] });
        const organization = await createOrganizationRow(tx, data);
        const admin = await tx.user.create({
          data: {
            organizationId: organization.id,
            email: data.adminEmail,
            name: data.adminName,
            role: "ADMIN",
            locale: data.locale,
            passwordHash,
          },
          select: { id: true },
        });
        await writeAuditLog(
          {
            organizationId: organization.id,
            actorId: admin.id,
            action: "organization.create",
            entityType: "Organization",
            entityId: organization.id,
            details: { via: "setup", slug: organization.slug, adminEmail: data.adminEmail },
            meta,
          },
          tx,
        );
        return { organizationId: organization.id, adminEmail: data.adminEmail };
      },
      { isolationLevel: "Serializable" },
    )
    .catch((error: unknown) => {
      // Two setups at once: one wins, the other is told so (its token stays unused).
      if (isSerializationFailure(error) || isUniqueViolation(error))
        throw conflict("accounts.setup.alreadyDone");
      throw error;
    });
}
