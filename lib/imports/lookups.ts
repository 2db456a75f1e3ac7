import "server-only";
import type { Prisma } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { buildLookups, type TLookups } from "./convert-row";
import type { TImportMapping } from "./schemas";

/**
 * Everything a file's names may refer to, one query per kind for the whole import (never per
 * row). The journey, fixed touchpoint and default site the mapping names must be the
 * organization's: another organization's is "not found", like an unknown one.
 */
export async function loadLookups(
  tx: Prisma.TransactionClient,
  organizationId: string,
  mapping: TImportMapping,
): Promise<TLookups> {
  const where = { organizationId };
  const named = { id: true, nameKo: true, nameEn: true } as const;
  const [touchpoints, drivers, segments, sites] = await Promise.all([
    tx.touchpoint.findMany({ where, select: { ...named, journeyId: true } }),
    mapping.columns.driver === null
      ? []
      : tx.loyaltyDriver.findMany({ where, select: { ...named, touchpointId: true } }),
    tx.segment.findMany({ where, select: named }),
    tx.site.findMany({ where, select: { id: true, code: true, name: true } }),
  ]);
  const { touchpoint } = mapping;
  if (
    touchpoint.by === "name" &&
    !(await tx.journey.findFirst({
      where: { id: touchpoint.journeyId, organizationId },
      select: { id: true },
    }))
  ) {
    throw notFound("mapping.touchpoint.journeyId");
  }
  if (touchpoint.by === "fixed" && !touchpoints.some((t) => t.id === touchpoint.touchpointId))
    throw notFound("mapping.touchpoint.touchpointId");
  const { siteId } = mapping.defaults;
  if (siteId !== null && !sites.some((s) => s.id === siteId))
    throw notFound("mapping.defaults.siteId");
  return buildLookups({ touchpoints, drivers, segments, sites });
}
