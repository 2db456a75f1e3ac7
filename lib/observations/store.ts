import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/db/client";
import { followUpReasons, isRecentEnoughToFollowUp } from "@/lib/follow-ups/rules";
import { appendToPendingCte, lockRollupsShared } from "./rollups";
import type { TObservation, TObservationProblem, TStoreResult } from "./schemas";

// The one path by which observations reach the database, whatever sent them (frontline page,
// call-centre form, survey import, ingestion API). Callers authorize and validate with zod first;
// this file checks that every id belongs to the organization, then inserts in one statement —
// which also appends the rows it inserted to the rollups' pending rows (rollups.ts).

type TTx = Prisma.TransactionClient;

/** Who stored the observations: always an organization, then a user, an API key or an import. */
export type TObservationOrigin = {
  organizationId: string;
  loggedById?: string | null;
  apiKeyId?: string | null;
  importId?: string | null;
};

const NOT_FOUND = "errors.NOT_FOUND";

/**
 * Every reference of every item that is not the organization's — an unknown id and another
 * organization's id look the same — or that cannot take observations (an archived journey,
 * a driver of another touchpoint). One query, whatever the batch size.
 */
export async function findReferenceProblems(
  tx: TTx,
  organizationId: string,
  items: TObservation[],
): Promise<TObservationProblem[]> {
  const distinct = (pick: (o: TObservation) => string | null) => [
    ...new Set(items.map(pick).filter((id): id is string => id !== null)),
  ];
  // Hand-written SQL (decisions/0005): four model queries with a thousand ids each cost more to
  // build than to run in the ingestion benchmark.
  const found = await tx.$queryRaw<
    {
      kind: "touchpoint" | "driver" | "segment" | "site";
      id: string;
      archived: boolean;
      touchpointId: string | null;
    }[]
  >`
    SELECT 'touchpoint' AS kind, t.id, j."archivedAt" IS NOT NULL AS archived, NULL AS "touchpointId"
      FROM "Touchpoint" t JOIN "Journey" j ON j.id = t."journeyId"
     WHERE t."organizationId" = ${organizationId} AND t.id = ANY(${distinct((o) => o.touchpointId)}::text[])
    UNION ALL
    SELECT 'driver', d.id, false, d."touchpointId" FROM "LoyaltyDriver" d
     WHERE d."organizationId" = ${organizationId} AND d.id = ANY(${distinct((o) => o.driverId)}::text[])
    UNION ALL
    SELECT 'segment', s.id, false, NULL FROM "Segment" s
     WHERE s."organizationId" = ${organizationId} AND s.id = ANY(${distinct((o) => o.segmentId)}::text[])
    UNION ALL
    SELECT 'site', s.id, false, NULL FROM "Site" s
     WHERE s."organizationId" = ${organizationId} AND s.id = ANY(${distinct((o) => o.siteId)}::text[])`;
  const of = (kind: (typeof found)[number]["kind"]) => found.filter((row) => row.kind === kind);
  const archivedOf = new Map(of("touchpoint").map((t) => [t.id, t.archived]));
  const touchpointOfDriver = new Map(of("driver").map((d) => [d.id, d.touchpointId]));
  const segmentIds = new Set(of("segment").map((s) => s.id));
  const siteIds = new Set(of("site").map((s) => s.id));

  const problems: TObservationProblem[] = [];
  items.forEach((item, index) => {
    const archived = archivedOf.get(item.touchpointId);
    if (archived === undefined) problems.push({ index, field: "touchpointId", message: NOT_FOUND });
    else if (archived)
      problems.push({ index, field: "touchpointId", message: "errors.archivedTouchpoint" });
    if (item.driverId !== null && touchpointOfDriver.get(item.driverId) !== item.touchpointId)
      problems.push({ index, field: "driverId", message: NOT_FOUND });
    if (item.segmentId !== null && !segmentIds.has(item.segmentId))
      problems.push({ index, field: "segmentId", message: NOT_FOUND });
    if (item.siteId !== null && !siteIds.has(item.siteId))
      problems.push({ index, field: "siteId", message: NOT_FOUND });
  });
  return problems;
}

/**
 * Inserts the observations in one statement; an item whose clientId the organization already
 * has (a retry, a re-import) is skipped, not stored twice; the same statement appends exactly the
 * rows it inserted to the rollups' pending rows (counted by every read at once, merged into the
 * rollups in the background), so a retry never counts twice there either, and no insert waits on
 * another's rollup rows. Opens a follow-up for each new observation far below expectation or
 * from an NPS detractor. Run inside the caller's transaction, after findReferenceProblems found
 * nothing.
 */
export async function insertObservations(
  tx: TTx,
  origin: TObservationOrigin,
  items: TObservation[],
  options: {
    /**
     * A replayed history (the demo seed) in which each answer reached Moments on the day it was
     * given: the follow-up age, which refuses late arrivals, does not apply.
     */
    arrivedWhenObserved?: boolean;
  } = {},
): Promise<TStoreResult> {
  if (items.length === 0)
    return { created: 0, duplicates: 0, followUpsOpened: 0, followUpsSkippedAsOld: 0, ids: [] };
  const clientIds = items.map((o) => o.clientId ?? randomUUID());
  const column = <T>(pick: (o: TObservation) => T) => items.map(pick);

  await lockRollupsShared(tx, origin.organizationId);
  const inserted = await tx.$queryRaw<{ id: string; clientId: string }[]>`
    WITH inserted AS (
    INSERT INTO "Observation" (
      id, "organizationId", "touchpointId", "driverId", "segmentId", "siteId", source, "observedAt",
      "expectationScore", "experiencedScore", "emotionalScore", nps, csat, ces, comment,
      "loggedById", "apiKeyId", "importId", "clientId", "createdAt")
    SELECT gen_random_uuid()::text, ${origin.organizationId}, v.touchpoint_id, v.driver_id, v.segment_id, v.site_id,
      v.source::"ObservationSource", v.observed_at, v.expectation, v.experienced, v.emotional, v.nps, v.csat, v.ces, v.comment,
      ${origin.loggedById ?? null}, ${origin.apiKeyId ?? null}, ${origin.importId ?? null}, v.client_id, now() AT TIME ZONE 'UTC'
    FROM unnest(
      ${column((o) => o.touchpointId)}::text[], ${column((o) => o.driverId)}::text[], ${column((o) => o.segmentId)}::text[],
      ${column((o) => o.siteId)}::text[], ${column((o) => o.source)}::text[],
      ${column((o) => o.observedAt.toISOString())}::timestamp(3)[],
      ${column((o) => o.expectationScore)}::float8[], ${column((o) => o.experiencedScore)}::float8[], ${column((o) => o.emotionalScore)}::float8[],
      ${column((o) => o.nps)}::int[], ${column((o) => o.csat)}::int[], ${column((o) => o.ces)}::int[],
      ${column((o) => o.comment)}::text[], ${clientIds}::text[]
    ) AS v(touchpoint_id, driver_id, segment_id, site_id, source, observed_at, expectation, experienced, emotional, nps, csat, ces, comment, client_id)
    ON CONFLICT ("organizationId", "clientId") DO NOTHING
    RETURNING id, "clientId", "organizationId", "touchpointId", "driverId", "segmentId", "siteId", source, "observedAt",
      "expectationScore", "experiencedScore", "emotionalScore", nps, csat, ces
    )${appendToPendingCte("inserted")}
    SELECT id, "clientId" FROM inserted`;

  const newIdOf = new Map(inserted.map((row) => [row.clientId, row.id]));
  const missing = clientIds.filter((id) => !newIdOf.has(id));
  const existing = missing.length
    ? await tx.observation.findMany({
        where: { organizationId: origin.organizationId, clientId: { in: missing } },
        select: { id: true, clientId: true },
      })
    : [];
  const existingIdOf = new Map(existing.map((row) => [row.clientId!, row.id]));

  const followUps = await openFollowUps(tx, origin.organizationId, items, clientIds, newIdOf, {
    ignoreAge: options.arrivedWhenObserved === true,
  });
  return {
    created: inserted.length,
    duplicates: items.length - inserted.length,
    followUpsOpened: followUps.opened,
    followUpsSkippedAsOld: followUps.skippedAsOld,
    ids: clientIds.map((clientId) => newIdOf.get(clientId) ?? existingIdOf.get(clientId)!),
  };
}

/**
 * Opens the follow-ups the new observations call for; the expectation falls back to the one
 * recorded for the MOT and segment. An answer older than the organization's follow-up age opens
 * none: it is counted as skipped instead.
 */
async function openFollowUps(
  tx: TTx,
  organizationId: string,
  items: TObservation[],
  clientIds: string[],
  newIdOf: Map<string, string>,
  { ignoreAge }: { ignoreAge: boolean },
): Promise<{ opened: number; skippedAsOld: number }> {
  const fresh = items
    .map((item, index) => ({ item, id: newIdOf.get(clientIds[index]!) }))
    .filter((row): row is { item: TObservation; id: string } => row.id !== undefined);
  // A clientId repeated inside one batch is inserted once: count it once.
  const unique = [...new Map(fresh.map((row) => [row.id, row])).values()];
  const needExpectation = unique.filter(
    ({ item }) =>
      item.expectationScore === null && item.experiencedScore !== null && item.segmentId !== null,
  );
  const recorded = needExpectation.length
    ? await tx.$queryRaw<{ touchpointId: string; segmentId: string; expectedLevel: number }[]>`
        SELECT e."touchpointId", e."segmentId", e."expectedLevel" FROM "Expectation" e
          JOIN unnest(${needExpectation.map(({ item }) => item.touchpointId)}::text[],
                      ${needExpectation.map(({ item }) => item.segmentId)}::text[]) AS v(touchpoint_id, segment_id)
            ON e."touchpointId" = v.touchpoint_id AND e."segmentId" = v.segment_id
         WHERE e."organizationId" = ${organizationId}`
    : [];
  const expectedLevelOf = new Map(
    recorded.map((e) => [`${e.touchpointId} ${e.segmentId}`, e.expectedLevel]),
  );

  const called = unique.flatMap(({ item, id }) => {
    const expectation =
      item.expectationScore ??
      expectedLevelOf.get(`${item.touchpointId} ${item.segmentId}`) ??
      null;
    const reasons = followUpReasons({
      experiencedScore: item.experiencedScore,
      expectation,
      nps: item.nps,
    });
    return reasons.length ? [{ item, id, reason: reasons.join(",") }] : [];
  });
  if (called.length === 0) return { opened: 0, skippedAsOld: 0 };
  const { followUpMaxAgeDays } = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { followUpMaxAgeDays: true },
  });
  const now = new Date();
  const followUps = called
    .filter(
      ({ item }) => ignoreAge || isRecentEnoughToFollowUp(item.observedAt, now, followUpMaxAgeDays),
    )
    .map(({ item, id, reason }) => ({ observationId: id, siteId: item.siteId, reason }));
  // One INSERT … unnest like the observations': createMany sends a parameter per column per row,
  // which cost more than the observations' own insert in the ingestion benchmark.
  if (followUps.length) {
    await tx.$executeRaw`
      INSERT INTO "FollowUp" (id, "organizationId", "observationId", "siteId", reason, "openedAt")
      SELECT gen_random_uuid()::text, ${organizationId}, v.observation_id, v.site_id, v.reason, now() AT TIME ZONE 'UTC'
      FROM unnest(${followUps.map((f) => f.observationId)}::text[], ${followUps.map((f) => f.siteId)}::text[], ${followUps.map((f) => f.reason)}::text[])
        AS v(observation_id, site_id, reason)
      ON CONFLICT ("observationId") DO NOTHING`;
  }
  return { opened: followUps.length, skippedAsOld: called.length - followUps.length };
}
