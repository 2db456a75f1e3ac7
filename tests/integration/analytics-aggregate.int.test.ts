import { beforeEach, describe, expect, it } from "vitest";
import { aggregateObservations, aggregateObservationsBySets } from "@/lib/analytics/aggregate";
import type { TGroupKey } from "@/lib/analytics/schemas";
import { recordObservations } from "@/lib/observations/mutations";
import { resetDatabase } from "./helpers/db";
import { createTwoOrganizations } from "./helpers/factories";
import { buildJourney, type TFixture } from "./helpers/journey-fixture";

let cast: Awaited<ReturnType<typeof createTwoOrganizations>>;
let f: TFixture;

beforeEach(async () => {
  await resetDatabase();
  cast = await createTwoOrganizations();
  f = await buildJourney(cast.a.manager);
});

const at = (day: string) => new Date(`${day}T10:00:00Z`);

describe("aggregateObservations", () => {
  it("sums, per group, what the formulas need: gaps (falling back to the recorded expectation), NPS buckets, CSAT top-2-box, CES", async () => {
    await recordObservations(cast.a.manager, {
      observations: [
        // MOT, segment expects 6 (recorded): gaps −1 (own expectation 6, experienced 5), −3 (recorded 6, experienced 3)
        {
          touchpointId: f.mot,
          driverId: f.drivers[0],
          segmentId: f.segment,
          source: "SURVEY",
          observedAt: at("2026-11-02"),
          expectationScore: 6,
          experiencedScore: 5,
          nps: 9,
          csat: 5,
          ces: 2,
        },
        {
          touchpointId: f.mot,
          driverId: f.drivers[1],
          segmentId: f.segment,
          source: "FRONTLINE",
          observedAt: at("2026-11-03"),
          experiencedScore: 3,
          nps: 4,
          csat: 2,
          emotionalScore: 2,
        },
        // no expectation at all: no gap, but counted in experience and NPS
        {
          touchpointId: f.mot,
          source: "SURVEY",
          observedAt: at("2026-11-10"),
          experiencedScore: 7,
          nps: 7,
        },
        // another touchpoint, +1
        {
          touchpointId: f.plain,
          source: "SURVEY",
          observedAt: at("2026-11-10"),
          expectationScore: 4,
          experiencedScore: 5,
          csat: 4,
        },
      ],
    });

    const byTouchpoint = await aggregateObservations(
      cast.a.organization.id,
      { journeyId: f.journeyId },
      ["touchpoint"],
    );
    const mot = byTouchpoint.find((g) => g.keys[0] === f.mot)!;
    expect(mot).toMatchObject({
      observations: 3,
      gap: { n: 2, sum: -4, sumSquares: 10 },
      expectation: { n: 2, sum: 12, pairedExperienceSum: 8 }, // the two rows with a gap: expected 6 + 6, experienced 5 + 3
      experience: { n: 3, sum: 15, sumSquares: 25 + 9 + 49 },
      emotional: { n: 1, sum: 2, sumSquares: 4 },
      nps: { promoters: 1, passives: 1, detractors: 1 },
      csat: { n: 2, topTwoBox: 1 },
      ces: { n: 1, sum: 2, sumSquares: 4 },
    });
    expect(mot.experienceNpsCorrelation.n).toBe(3);
    // corr([5,3,7], [9,4,7]) by hand: Sxy = 6, Sxx = 8, Syy = 12.667 → 6 / √(8 × 12.667) = 0.59604
    expect(mot.experienceNpsCorrelation.r).toBeCloseTo(0.59604, 5);
    expect(byTouchpoint.find((g) => g.keys[0] === f.plain)).toMatchObject({
      observations: 1,
      gap: { n: 1, sum: 1, sumSquares: 1 },
    });

    // Two keys: driver kind × week; filters: period, source, MOT only.
    const byKindWeek = await aggregateObservations(
      cast.a.organization.id,
      { journeyId: f.journeyId, motOnly: true },
      ["kind", "week"],
    );
    expect(byKindWeek.map((g) => [g.keys, g.observations])).toEqual([
      [["EMOTIONAL", "2026-11-02"], 1],
      [["RATIONAL", "2026-11-02"], 1],
      [[null, "2026-11-09"], 1],
    ]);
    const filtered = await aggregateObservations(
      cast.a.organization.id,
      { journeyId: f.journeyId, from: "2026-11-03", to: "2026-11-09", source: "FRONTLINE" },
      [],
    );
    expect(filtered).toHaveLength(1);
    expect(filtered[0]).toMatchObject({ keys: [], observations: 1, gap: { n: 1, sum: -3 } });
  });

  it("groups several ways in one scan exactly as it groups one way at a time", async () => {
    await recordObservations(cast.a.manager, {
      observations: [
        {
          touchpointId: f.mot,
          driverId: f.drivers[0],
          segmentId: f.segment,
          source: "SURVEY",
          observedAt: at("2026-11-02"),
          expectationScore: 6,
          experiencedScore: 5,
          nps: 9,
        },
        {
          touchpointId: f.mot,
          segmentId: f.segment,
          source: "FRONTLINE",
          observedAt: at("2026-11-03"),
          experiencedScore: 3,
          nps: 4,
          csat: 2,
        },
        {
          touchpointId: f.plain,
          source: "SURVEY",
          observedAt: at("2026-11-10"),
          expectationScore: 4,
          experiencedScore: 5,
          csat: 4,
        },
        {
          touchpointId: f.other,
          source: "VOC_CALL",
          observedAt: at("2026-11-12"),
          experiencedScore: 2,
          nps: 1,
        },
      ],
    });
    const sets: TGroupKey[][] = [
      [],
      ["touchpoint"],
      ["segment"],
      ["kind"],
      ["stage", "segment"],
      ["source", "week"],
    ];
    const together = await aggregateObservationsBySets(
      cast.a.organization.id,
      { journeyId: f.journeyId },
      sets,
    );
    const oneByOne = await Promise.all(
      sets.map((set) =>
        aggregateObservations(cast.a.organization.id, { journeyId: f.journeyId }, set),
      ),
    );
    expect(together).toEqual(oneByOne);
    expect(together.map((groups) => groups.length)).toEqual([1, 3, 2, 2, 3, 4]);
    await expect(
      aggregateObservationsBySets(cast.a.organization.id, { journeyId: f.journeyId }, [
        ["segment"],
        ["segment"],
      ]),
    ).rejects.toThrow("grouping sets must differ");
  });

  it("counts days and months in the reporting time zone (Seoul), not in UTC", async () => {
    // 20:00 UTC on 31 October is 05:00 on 1 November in Seoul.
    await recordObservations(cast.a.manager, {
      observations: [
        {
          touchpointId: f.mot,
          source: "SURVEY",
          observedAt: new Date("2026-10-31T20:00:00Z"),
          experiencedScore: 4,
        },
      ],
    });
    const byMonth = await aggregateObservations(
      cast.a.organization.id,
      { journeyId: f.journeyId },
      ["month"],
    );
    expect(byMonth.map((g) => g.keys[0])).toEqual(["2026-11-01"]);
    expect(
      await aggregateObservations(
        cast.a.organization.id,
        { journeyId: f.journeyId, from: "2026-11-01", to: "2026-11-01" },
        [],
      ),
    ).toMatchObject([{ observations: 1 }]);
    expect(
      await aggregateObservations(
        cast.a.organization.id,
        { journeyId: f.journeyId, to: "2026-10-31" },
        [],
      ),
    ).toMatchObject([{ observations: 0 }]);
  });

  it("sees only the organization's observations", async () => {
    const theirs = await buildJourney(cast.b.manager, "Hotel");
    await recordObservations(cast.b.manager, {
      observations: [
        {
          touchpointId: theirs.mot,
          source: "SURVEY",
          observedAt: at("2026-11-02"),
          experiencedScore: 1,
        },
      ],
    });
    expect(
      await aggregateObservations(cast.a.organization.id, { journeyId: theirs.journeyId }, [
        "touchpoint",
      ]),
    ).toEqual([]);
  });
});
