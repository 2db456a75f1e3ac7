import "server-only";
import type { Locale } from "@/lib/db/generated/client";
import { db, Prisma } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import type { TRequestMeta } from "@/lib/audit/schemas";
import { invalid } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { issueLink } from "./links";
import { ZEmail, ZOrganizationFields } from "./schemas";

type TTx = Prisma.TransactionClient;

/** Creates a real (not demo) organization; a slug already in use is a field error. */
export async function createOrganizationRow(
  tx: TTx,
  fields: { organizationName: string; slug: string; locale: Locale },
) {
  const taken = await tx.organization.findUnique({
    where: { slug: fields.slug },
    select: { id: true },
  });
  if (taken) throw invalid({ slug: ["accounts.setup.slugTaken"] });
  return tx.organization.create({
    data: { name: fields.organizationName, slug: fields.slug, defaultLocale: fields.locale },
    select: { id: true, name: true, slug: true },
  });
}

/** Whether anyone has set up an organization of their own (the demo does not count). */
export async function hasRealOrganization(): Promise<boolean> {
  return (await db.organization.count({ where: { isDemo: false } })) > 0;
}

const ZOrganizationWithAdmin = ZOrganizationFields.extend({ adminEmail: ZEmail });

/**
 * For hosts that run several organizations (`npm run org:create`): the organization and an
 * invitation for its first ADMIN, whose link sets their password. Run by whoever runs the server.
 */
export async function createOrganizationWithAdminInvitation(
  input: unknown,
  meta: TRequestMeta,
): Promise<{ organizationId: string; url: string; expiresAt: Date }> {
  const data = parseInput(ZOrganizationWithAdmin, input);
  return db.$transaction(
    async (tx) => {
      if (await tx.user.findUnique({ where: { email: data.adminEmail }, select: { id: true } }))
        throw invalid({ adminEmail: ["validation.emailTaken"] });
      const organization = await createOrganizationRow(tx, data);
      const link = await issueLink(tx, "INVITATION", {
        organizationId: organization.id,
        email: data.adminEmail,
        role: "ADMIN",
        locale: data.locale,
      });
      await writeAuditLog(
        {
          organizationId: organization.id,
          actorId: null,
          action: "organization.create",
          entityType: "Organization",
          entityId: organization.id,
          details: { via: "command_line", slug: organization.slug, adminEmail: data.adminEmail },
          meta,
        },
        tx,
      );
      return { organizationId: organization.id, url: link.url, expiresAt: link.expiresAt };
    },
    { isolationLevel: "Serializable" },
  );
}
