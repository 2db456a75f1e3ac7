import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import type { TSegment } from "./schemas";

export async function listSegments(actor: TActor): Promise<TSegment[]> {
  assertCan(actor, "journey:read");
  const segments = await db.segment.findMany({
    where: { organizationId: actor.organizationId },
    select: {
      id: true,
      nameKo: true,
      nameEn: true,
      description: true,
      _count: { select: { expectations: true, observations: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  return segments.map(({ _count, ...s }) => ({
    ...s,
    expectationCount: _count.expectations,
    observationCount: _count.observations,
  }));
}
