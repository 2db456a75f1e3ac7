import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/permissions";
import { MAX_OBSERVATIONS_PER_BATCH } from "@/lib/observations/limits";
import { ZObservationBatch, type TObservation } from "@/lib/observations/schemas";
import { findReferenceProblems, insertObservations } from "@/lib/observations/store";
import { createJourneyFromTemplate } from "@/lib/templates/instantiate";
import { FOLLOW_UP_RESOLUTIONS } from "./demo-comments";
import { DEMO_EXPECTATIONS } from "./demo-expectations";
import {
  DEMO_CLIENT_ID_PREFIX,
  DEMO_OBSERVATION_COUNT,
  DEMO_SKT_OBSERVATION_TOTAL,
  DEMO_SKT_TEMPLATE,
  generateDemoObservations,
  generateDemoPilotSurveys,
} from "./demo-observations";

// The SK Telecom demo journey with a few months of observations (a planted problem, the pilot of
// its fix, the rollout and a relapse), so that Measure, Analyze, Improve and Control have
// something to show on a fresh start. Stored the one way observations
// are stored (lib/observations/store.ts); the client ids make a second run add nothing.

const DEMO_OBSERVATION_SEED = 2009;
/** Seeded follow-ups older than this were closed by staff; the newer ones stay open, as on a real desk. */
export const DEMO_FOLLOW_UP_OPEN_DAYS = 5;

export type TSktSeedResult = { createdJourneys: number; createdObservations: number };

/**
 * Creates the journey from the template while the organization has none from it (an archived one
 * counts: it is not brought back), then stores the demo observations into its first open journey
 * from the template unless they are there already.
 */
export async function seedSktDemoJourney(admin: TActor, now = new Date()): Promise<TSktSeedResult> {
  const organizationId = admin.organizationId;
  let createdJourneys = 0;
  if (
    (await db.journey.count({ where: { organizationId, templateKey: DEMO_SKT_TEMPLATE } })) === 0
  ) {
    await createJourneyFromTemplate(admin, DEMO_SKT_TEMPLATE);
    createdJourneys = 1;
  }
  const journey = await db.journey.findFirst({
    where: { organizationId, templateKey: DEMO_SKT_TEMPLATE, archivedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  if (!journey) return { createdJourneys, createdObservations: 0 };
  // Later starts stop here: the rows are stored in one transaction, so all of them are there or none.
  const seeded = await db.observation.count({
    where: { organizationId, clientId: { startsWith: DEMO_CLIENT_ID_PREFIX } },
  });
  if (seeded >= DEMO_SKT_OBSERVATION_TOTAL) return { createdJourneys, createdObservations: 0 };
  return {
    createdJourneys,
    createdObservations: await seedObservations(organizationId, journey.id, now),
  };
}

async function seedObservations(
  organizationId: string,
  journeyId: string,
  now: Date,
): Promise<number> {
  const [touchpoints, segments, sites, closers] = await Promise.all([
    db.touchpoint.findMany({
      where: { organizationId, journeyId },
      orderBy: [{ stage: { position: "asc" } }, { position: "asc" }, { id: "asc" }],
      select: {
        id: true,
        nameEn: true,
        isMoT: true,
        dimension: true,
        channel: true,
        stage: { select: { position: true } },
        loyaltyDrivers: {
          orderBy: [{ position: "asc" }, { id: "asc" }],
          select: { id: true, nameEn: true },
        },
      },
    }),
    db.segment.findMany({
      where: { organizationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, nameEn: true },
    }),
    db.site.findMany({ where: { organizationId }, select: { id: true, code: true } }),
    db.user.findMany({
      where: { organizationId, isActive: true, role: { in: ["FRONTLINE", "MANAGER"] } },
      orderBy: { createdAt: "asc" },
      select: { id: true, role: true, homeSiteId: true },
    }),
  ]);
  const input = {
    touchpoints: touchpoints.map(({ stage, loyaltyDrivers, ...t }) => ({
      ...t,
      stagePosition: stage.position,
      drivers: loyaltyDrivers,
    })),
    segments,
    sites,
    count: DEMO_OBSERVATION_COUNT,
    seed: DEMO_OBSERVATION_SEED,
    now,
  };
  const rows = [...generateDemoObservations(input), ...generateDemoPilotSurveys(input)];
  const batches: TObservation[][] = [];
  for (let i = 0; i < rows.length; i += MAX_OBSERVATIONS_PER_BATCH)
    batches.push(ZObservationBatch.parse(rows.slice(i, i + MAX_OBSERVATIONS_PER_BATCH)));

  const manager = closers.find((u) => u.role === "MANAGER");
  const frontline = closers.find((u) => u.role === "FRONTLINE");
  return db.$transaction(
    async (tx) => {
      let created = 0;
      const stored: { ids: string[]; observedAt: Date[] } = { ids: [], observedAt: [] };
      for (const batch of batches) {
        const problems = await findReferenceProblems(tx, organizationId, batch);
        if (problems.length)
          throw new Error(
            `Demo observations refer to unknown records: ${JSON.stringify(problems.slice(0, 3))}`,
          );
        // No logging user: the frontline demo user's page opens on the journey they last logged on, not on these.
        // The demo replays months in which every answer reached Moments on the day it was given, so
        // the follow-up age (which refuses late arrivals) does not apply; backdateFollowUps dates them.
        const result = await insertObservations(tx, { organizationId, loggedById: null }, batch, {
          arrivedWhenObserved: true,
        });
        created += result.created;
        stored.ids.push(...result.ids);
        stored.observedAt.push(...batch.map((o) => o.observedAt));
      }
      await tx.expectation.createMany({
        data: expectationsFor(organizationId, touchpoints, segments, manager?.id ?? null),
        skipDuplicates: true,
      });
      await backdateFollowUps(tx, organizationId, stored, now, {
        managerId: manager?.id ?? null,
        frontline: frontline ?? null,
      });
      return created;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

type TClosers = {
  managerId: string | null;
  frontline: { id: string; homeSiteId: string | null } | null;
};

function expectationsFor(
  organizationId: string,
  touchpoints: { id: string; nameEn: string; isMoT: boolean }[],
  segments: { id: string; nameEn: string }[],
  recordedById: string | null,
) {
  return DEMO_EXPECTATIONS.flatMap((e) => {
    const touchpoint = touchpoints.find((t) => t.nameEn === e.touchpointNameEn && t.isMoT);
    const segment = segments.find((s) => s.nameEn === e.segmentNameEn);
    return touchpoint && segment
      ? [
          {
            organizationId,
            touchpointId: touchpoint.id,
            segmentId: segment.id,
            needs: e.needs,
            expectedLevel: e.expectedLevel,
            recordedById,
          },
        ]
      : [];
  });
}

/**
 * The follow-ups the store just opened date from the moment of their observation, not from the
 * seed; those older than DEMO_FOLLOW_UP_OPEN_DAYS were closed a few hours to two days later with a
 * plausible resolution (by the site's frontline user, else the manager), so a handful stay open.
 * "Just opened" is exact: the store stamps openedAt with now() at UTC, one value for the whole
 * transaction. Joined on the stored ids, not on the observations: the planner has no statistics
 * yet for rows inserted in this transaction, and a join guessed wrong cost over a second.
 * Timestamps are UTC without a zone, as the store writes them.
 */
async function backdateFollowUps(
  tx: Prisma.TransactionClient,
  organizationId: string,
  stored: { ids: string[]; observedAt: Date[] },
  now: Date,
  closers: TClosers,
) {
  const closeBefore = new Date(now.getTime() - DEMO_FOLLOW_UP_OPEN_DAYS * 86_400_000);
  await tx.$executeRaw`
    WITH v AS (
      SELECT u.id, u.observed_at < ${closeBefore.toISOString()}::timestamp(3) AS closing,
             LEAST(u.observed_at + interval '15 minutes', (now() AT TIME ZONE 'UTC')::timestamp(3)) AS opened_at
        FROM unnest(${stored.ids}::text[], ${stored.observedAt.map((d) => d.toISOString())}::timestamp(3)[]) AS u(id, observed_at))
    UPDATE "FollowUp" f
       SET "openedAt" = v.opened_at,
           status = CASE WHEN v.closing THEN 'CLOSED' ELSE 'OPEN' END::"FollowUpStatus",
           resolution = CASE WHEN v.closing THEN (${FOLLOW_UP_RESOLUTIONS}::text[])[1 + mod(abs(hashtext(f."observationId")), ${FOLLOW_UP_RESOLUTIONS.length})] ELSE '' END,
           "closedAt" = CASE WHEN v.closing THEN v.opened_at + make_interval(hours => 2 + mod(abs(hashtext(f.id)), 46)) END,
           "closedById" = CASE WHEN NOT v.closing THEN NULL
                               WHEN f."siteId" IS NOT NULL AND f."siteId" = ${closers.frontline?.homeSiteId ?? null} THEN ${closers.frontline?.id ?? null}
                               ELSE ${closers.managerId} END
      FROM v
     WHERE f."observationId" = v.id AND f."organizationId" = ${organizationId} AND f.status = 'OPEN'
       AND f."openedAt" = (now() AT TIME ZONE 'UTC')::timestamp(3)`;
}
