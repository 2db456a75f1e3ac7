import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { TActor } from "@/lib/auth/permissions";
import { getMeasureHeadline } from "@/lib/analytics/queries";
import { db } from "@/lib/db/client";
import { recordingWritesOf } from "@/lib/db/read-replica";
import { startStreamingReplica, type TStreamingReplica } from "@/lib/db/streaming-replica";
import { recordObservations } from "@/lib/observations/mutations";
import { formatReplicaLag, sampleReplicaLag } from "@/scripts/lib/replica-lag";
import { resetDatabase } from "./helpers/db";
import { createOrganization, createUser } from "./helpers/factories";
import { buildJourney, type TFixture } from "./helpers/journey-fixture";

// A real streaming replica of the test database (lib/db/streaming-replica.ts) behind
// DATABASE_READ_URL. Replay is paused on it to make it lag for as long as the test needs: a
// dashboard read that misses rows the primary has was served by the replica, and one that sees
// them was not. A manager who just saved sees their own answer at once; another manager reads the
// lagging replica; once replay resumes, both read the replica and see everything.

// A server named by TEST_DATABASE_URL is not this machine's to copy.
const isEmbedded = !process.env.TEST_DATABASE_URL;

describe.skipIf(!isEmbedded)("dashboards on a streaming replica", () => {
  let replica: TStreamingReplica;
  let control: pg.Client;
  let journey: TFixture;
  let admin: TActor;
  let saver: TActor;
  let other: TActor;

  beforeAll(async () => {
    await resetDatabase();
    const organization = await createOrganization();
    admin = await createUser(organization.id, "ADMIN");
    [saver, other] = [
      await createUser(organization.id, "MANAGER"),
      await createUser(organization.id, "MANAGER"),
    ];
    journey = await buildJourney(admin);
    await answer(admin);
    await answer(admin);

    replica = await startStreamingReplica({
      primarySuperuserUrl: inject("databaseAdminUrl"),
      fast: true,
    });
    // Read when the first dashboard read needs it (lib/env.ts parses each group lazily).
    process.env.DATABASE_READ_URL = replica.urlFor(inject("databaseUrl"));
    control = new pg.Client({ connectionString: replica.urlFor(inject("databaseAdminUrl")) });
    await control.connect();
  });

  // A failed test leaves no paused replica behind for the next one.
  afterEach(() => control.query("SELECT pg_wal_replay_resume()"));

  afterAll(async () => {
    delete process.env.DATABASE_READ_URL;
    await control?.end();
    await replica?.stop();
  });

  /** One frontline answer, stored the one way answers are (rollups included). */
  const answer = (actor: TActor) =>
    recordObservations(actor, {
      observations: [
        {
          touchpointId: journey.mot,
          source: "FRONTLINE",
          observedAt: new Date(),
          experiencedScore: 2,
        },
      ],
    });

  const observationsSeenBy = async (actor: TActor) =>
    (await getMeasureHeadline(actor, { journeyId: journey.journeyId })).totals.observations;

  const onPrimary = () =>
    db.observation.count({ where: { touchpoint: { journeyId: journey.journeyId } } });

  /** Stops replay where it is: from now on the replica lags the primary. */
  async function pauseReplay() {
    await replica.catchUp();
    await control.query("SELECT pg_wal_replay_pause()");
    for (;;) {
      const { rows } = await control.query<{ state: string }>(
        "SELECT pg_get_wal_replay_pause_state() AS state",
      );
      if (rows[0]!.state === "paused") return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function resumeReplay() {
    await control.query("SELECT pg_wal_replay_resume()");
    await replica.catchUp();
  }

  it("is a hot standby of the test database, streaming from it", async () => {
    const { rows } = await control.query<{ standby: boolean; database: string }>(
      "SELECT pg_is_in_recovery() AS standby, current_database() AS database",
    );
    expect(rows[0]).toEqual({ standby: true, database: "moments_test" });
    await replica.catchUp();
    const lag = await replica.lag();
    expect(lag.bytes).toBeGreaterThanOrEqual(0);
  });

  it("serves a dashboard read of a user who has not written", async () => {
    await pauseReplay();
    // Stored by someone else (the admin's write is recorded only for the admin).
    await recordingWritesOf(admin, () => answer(admin));
    // What `npm run load` reports: the primary sees WAL the replica has not replayed.
    await expect.poll(async () => (await replica.lag()).bytes).toBeGreaterThan(0);
    const sampling = sampleReplicaLag(replica, 10);
    expect(await onPrimary()).toBe(3);
    expect(await observationsSeenBy(other)).toBe(2);
    const lag = await sampling.stop();
    expect(lag.bytes.max).toBeGreaterThan(0);
    expect(formatReplicaLag(lag)).toMatch(/^Replica lag \(\d+ samples\): /);
    await resumeReplay();
    expect(await observationsSeenBy(other)).toBe(3);
  });

  it("a user who just saved sees their answer on the primary while the replica lags; others read the replica until it catches up", async () => {
    await pauseReplay();
    // As every server action runs it (lib/action.ts).
    await recordingWritesOf(saver, () => answer(saver));
    expect(await onPrimary()).toBe(4);
    const { lastWriteLsn } = await db.user.findUniqueOrThrow({
      where: { id: saver.id },
      select: { lastWriteLsn: true },
    });
    expect(lastWriteLsn).toBeGreaterThan(0n);

    expect(await observationsSeenBy(saver)).toBe(4);
    expect(await observationsSeenBy(other)).toBe(3);

    await resumeReplay();
    expect(await observationsSeenBy(other)).toBe(4);

    // Replayed past the saver's write, the replica serves the saver again: a lag now shows.
    await pauseReplay();
    await answer(admin);
    expect(await observationsSeenBy(saver)).toBe(4);
    await resumeReplay();
    expect(await observationsSeenBy(saver)).toBe(5);
  });

  it("records no position for a frontline user's write: that role reads no dashboard", async () => {
    const frontline = await createUser(saver.organizationId, "FRONTLINE");
    await recordingWritesOf(frontline, () => answer(frontline));
    const [frontlineRow, saverRow] = await Promise.all(
      [frontline, saver].map((user) =>
        db.user.findUniqueOrThrow({ where: { id: user.id }, select: { lastWriteLsn: true } }),
      ),
    );
    expect(frontlineRow!.lastWriteLsn).toBeNull();
    expect(saverRow!.lastWriteLsn).not.toBeNull();
  });

  it("inside a write, a dashboard read stays on the primary", async () => {
    await pauseReplay();
    const replayed = await onPrimary();
    await answer(admin);
    expect(await observationsSeenBy(other)).toBe(replayed);
    expect(await recordingWritesOf(other, () => observationsSeenBy(other))).toBe(replayed + 1);
    // And afterwards too: that "write" recorded where the primary was.
    expect(await observationsSeenBy(other)).toBe(replayed + 1);
    await resumeReplay();
  });
});
