import "server-only";
import { db } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/permissions";
import { JOURNEY_DOCUMENT_FORMAT, type TJourneyDocument } from "./document";
import { getJourneyMap } from "./queries";

/** The journey as a document: what export writes and import reads back. */
export async function exportJourney(actor: TActor, journeyId: string): Promise<TJourneyDocument> {
  const journey = await getJourneyMap(actor, journeyId);
  const segments = new Map(
    (
      await db.segment.findMany({
        where: { organizationId: actor.organizationId },
        select: { id: true, nameKo: true, nameEn: true },
      })
    ).map((s) => [s.id, s]),
  );
  return {
    format: JOURNEY_DOCUMENT_FORMAT,
    nameKo: journey.nameKo,
    nameEn: journey.nameEn,
    description: journey.description,
    stages: journey.stages.map((stage) => ({
      nameKo: stage.nameKo,
      nameEn: stage.nameEn,
      description: stage.description,
      touchpoints: stage.touchpoints.map((t) => ({
        nameKo: t.nameKo,
        nameEn: t.nameEn,
        description: t.description,
        channel: t.channel,
        dimension: t.dimension,
        isMoT: t.isMoT,
        drivers: t.drivers.map(({ nameKo, nameEn, kind, dimension, statedImportance }) => ({
          nameKo,
          nameEn,
          kind,
          dimension,
          statedImportance,
        })),
        expectations: t.expectations.map((e) => ({
          segmentNameKo: segments.get(e.segmentId)?.nameKo ?? "",
          segmentNameEn: segments.get(e.segmentId)?.nameEn ?? "",
          needs: e.needs,
          expectedLevel: e.expectedLevel,
        })),
      })),
    })),
  };
}
