import "server-only";
import { isUniqueViolation } from "@/lib/db/errors";
import { db } from "@/lib/db/client";
import { writeAuditLog } from "@/lib/audit/log";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import type { TRequestMeta } from "@/lib/audit/schemas";
import { invalid } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { ZSsoConnectionInput, type TSsoConnectionInput } from "./schemas";
import { sealClientSecret } from "./secret";

const domainTaken = () => invalid({ domains: ["sso.errors.domainTaken"] });

/**
 * Creates or replaces the actor's organization's SSO connection, its domains with it. An empty
 * client secret keeps the stored one, for the same issuer and client id only (a first save, or a
 * new issuer or client id, needs one); a domain another organization's
 * connection covers is refused. Recorded in the audit log, without the secret.
 */
export async function saveSsoConnection(
  actor: TActor,
  input: TSsoConnectionInput,
  meta?: TRequestMeta,
): Promise<void> {
  assertCan(actor, "sso:manage");
  const data = parseInput(ZSsoConnectionInput, input);
  const sealedSecret = data.clientSecret ? sealClientSecret(data.clientSecret) : null;
  try {
    await db.$transaction(async (tx) => {
      const existing = await tx.ssoConnection.findUnique({
        where: { organizationId: actor.organizationId },
        select: { id: true, issuer: true, clientId: true },
      });
      // The stored secret goes only to the provider it was given for: a new issuer or client id
      // needs it typed again, or an admin could send it to a server of their own.
      const isSameClient = existing?.issuer === data.issuer && existing.clientId === data.clientId;
      if (!sealedSecret && !isSameClient)
        throw invalid({ clientSecret: ["sso.errors.secretRequired"] });
      const taken = await tx.ssoDomain.count({
        where: {
          domain: { in: data.domains },
          organizationId: { not: actor.organizationId },
        },
      });
      if (taken > 0) throw domainTaken();

      const fields = {
        issuer: data.issuer,
        clientId: data.clientId,
        defaultRole: data.defaultRole,
        isEnabled: data.isEnabled,
        ...(sealedSecret ? { clientSecretEncrypted: sealedSecret } : {}),
      };
      const connection = existing
        ? await tx.ssoConnection.update({ where: { id: existing.id }, data: fields })
        : await tx.ssoConnection.create({
            data: {
              ...fields,
              organizationId: actor.organizationId,
              clientSecretEncrypted: sealedSecret!,
            },
          });
      await tx.ssoDomain.deleteMany({ where: { organizationId: actor.organizationId } });
      await tx.ssoDomain.createMany({
        data: data.domains.map((domain) => ({ domain, organizationId: actor.organizationId })),
      });
      await writeAuditLog(
        {
          organizationId: actor.organizationId,
          actorId: actor.id,
          action: existing ? "sso.update" : "sso.create",
          entityType: "SsoConnection",
          entityId: connection.id,
          details: {
            issuer: data.issuer,
            clientId: data.clientId,
            domains: data.domains,
            defaultRole: data.defaultRole,
            isEnabled: data.isEnabled,
            secretChanged: sealedSecret !== null,
          },
          meta,
        },
        tx,
      );
    });
  } catch (error) {
    // Another organization claimed a domain between the check and the insert.
    if (isUniqueViolation(error)) throw domainTaken();
    throw error;
  }
}
