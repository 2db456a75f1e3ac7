import "server-only";
import type { Prisma } from "@/lib/db/client";

// Positions stay 0..n-1 without gaps after a delete, so that "move up/down" and exports are exact.

export async function renumberStages(tx: Prisma.TransactionClient, journeyId: string) {
  await tx.$executeRaw`
    UPDATE "Stage" s SET position = ranked.rank - 1
    FROM (SELECT id, row_number() OVER (ORDER BY position) AS rank FROM "Stage" WHERE "journeyId" = ${journeyId}) ranked
    WHERE s.id = ranked.id AND s.position <> ranked.rank - 1`;
}

export async function renumberTouchpoints(tx: Prisma.TransactionClient, stageId: string) {
  await tx.$executeRaw`
    UPDATE "Touchpoint" t SET position = ranked.rank - 1
    FROM (SELECT id, row_number() OVER (ORDER BY position) AS rank FROM "Touchpoint" WHERE "stageId" = ${stageId}) ranked
    WHERE t.id = ranked.id AND t.position <> ranked.rank - 1`;
}
