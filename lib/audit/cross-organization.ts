import "server-only";
import type { TMissedLookup } from "@/lib/db/cross-organization";
import { auditRefusal } from "./refusals";
import { currentRequestMeta, currentSessionRequest } from "./request-context";

/** Which organization holds an id, read without the organization's filter. */
type TOwnerLookup = (id: string) => Promise<{ organizationId: string | null } | null>;

/**
 * Writes a refusal to the asking organization's audit log when the id a lookup missed belongs to
 * another organization. The caller's answer stays "not found" either way. The data layer knows
 * the organization from the query; who asked, and from where, is the request's signed-in user, when
 * there is one.
 */
export async function auditIfCrossOrganization(
  model: string,
  missed: TMissedLookup,
  ownerOf: TOwnerLookup,
): Promise<void> {
  const owner = await ownerOf(missed.id);
  if (!owner || owner.organizationId === missed.organizationId) return;
  const request = await currentSessionRequest();
  const actor = request?.actor?.organizationId === missed.organizationId ? request.actor : null;
  await auditRefusal({
    kind: "cross_organization",
    organizationId: missed.organizationId,
    actorId: actor?.id ?? null,
    entity: { type: model, id: missed.id },
    meta: currentRequestMeta() ?? request?.meta,
  });
}
