import { describe, expect, it } from "vitest";
import { ZObservationInput } from "@/lib/observations/schemas";
import { findTemplate } from "@/lib/templates/catalog";
import { COMMENT_PHRASES, PLANTED_PROBLEM_PHRASES } from "@/prisma/seed/demo-comments";
import { generateLargeRows, type TLargeRow } from "./generate-rows";
import {
  LARGE_BLOCK_ROWS,
  LARGE_JOURNEYS,
  LARGE_PLANTED_PROBLEMS,
  LARGE_SEED,
} from "./large-organization";
import {
  gapOf,
  mean,
  model,
  pearson,
  rows,
  SAMPLE_ROWS,
  TEST_ENDS_AT,
  testRefs,
} from "./large-test-input";
import { createLargeModel } from "./model";

const rowsAt = (touchpoint: number) => rows.filter((r) => r.touchpoint === touchpoint);
const touchpointIndex = (templateKey: string, nameEn: string) =>
  model.touchpoints.findIndex((t) => t.templateKey === templateKey && t.nameEn === nameEn);
const share = (keep: (r: TLargeRow) => boolean, of: readonly TLargeRow[] = rows) =>
  of.filter(keep).length / of.length;

describe("the large organization's rows", () => {
  it("are deterministic: the same seed and year give the same rows, another seed other rows", () => {
    expect(generateLargeRows(createLargeModel({ endsAt: TEST_ENDS_AT }), 0, 5000)).toEqual(
      rows.slice(0, 5000),
    );
    expect(
      generateLargeRows(createLargeModel({ seed: LARGE_SEED + 1, endsAt: TEST_ENDS_AT }), 0, 5000),
    ).not.toEqual(rows.slice(0, 5000));
  });

  it("make row i the same row whatever range is asked for, so an interrupted run resumes with exactly the missing rows", () => {
    const from = 3 * LARGE_BLOCK_ROWS + 417;
    expect(generateLargeRows(model, from, from + 2500)).toEqual(rows.slice(from, from + 2500));
    const pieces = [0, 1234, 1234 + LARGE_BLOCK_ROWS, 7000].map((start, i, all) =>
      generateLargeRows(model, start, all[i + 1] ?? 9000),
    );
    expect(pieces.flat()).toEqual(rows.slice(0, 9000));
    expect(rows.map((r) => r.index)).toEqual(Array.from({ length: SAMPLE_ROWS }, (_, i) => i));
  });

  it("keep every score on the shared scales, as integers, with the gap inside the scale", () => {
    const on = (value: number | null, min: number, max: number) =>
      value === null || (Number.isInteger(value) && value >= min && value <= max);
    const outside = rows.filter(
      (r) =>
        ![r.expectationScore, r.experiencedScore, r.emotionalScore].every((score) =>
          on(score, 1, 7),
        ) ||
        !on(r.nps, 0, 10) ||
        !on(r.csat, 1, 5) ||
        !on(r.ces, 1, 7),
    );
    expect(outside).toEqual([]);
    // Every score of the scales occurs.
    expect(new Set(rows.map((r) => r.experiencedScore)).size).toBe(7);
    expect(new Set(rows.map((r) => r.nps)).size).toBe(12);
    const sample = rows.filter((_, i) => i % 97 === 0).map((r) => toInput(r));
    for (const input of sample)
      expect(ZObservationInput.safeParse(input).success, input.clientId).toBe(true);
  });

  it("leave out what a source does not ask: no CSAT from SNS, no NPS from mystery shoppers, no effort where nothing gets done", () => {
    expect(rows.some((r) => r.source === "SNS" && r.csat !== null)).toBe(false);
    expect(rows.some((r) => r.source === "MYSTERY_SHOPPER" && r.nps !== null)).toBe(false);
    expect(rows.some((r) => !model.touchpoints[r.touchpoint]!.isService && r.ces !== null)).toBe(
      false,
    );
    for (const pick of [
      (r: TLargeRow) => r.nps,
      (r: TLargeRow) => r.csat,
      (r: TLargeRow) => r.ces,
    ]) {
      expect(share((r) => pick(r) === null)).toBeGreaterThan(0.2);
      expect(share((r) => pick(r) === null)).toBeLessThan(0.9);
    }
  });

  it("correlate NPS, CSAT and effort with the gap, as key-driver analysis expects", () => {
    const withScore = (pick: (r: TLargeRow) => number | null) =>
      rows.filter((r) => pick(r) !== null);
    const nps = withScore((r) => r.nps);
    const csat = withScore((r) => r.csat);
    const ces = withScore((r) => r.ces);
    expect(
      pearson(
        nps.map(gapOf),
        nps.map((r) => r.nps!),
      ),
    ).toBeGreaterThan(0.5);
    expect(
      pearson(
        csat.map(gapOf),
        csat.map((r) => r.csat!),
      ),
    ).toBeGreaterThan(0.5);
    expect(
      pearson(
        ces.map(gapOf),
        ces.map((r) => r.ces!),
      ),
    ).toBeGreaterThan(0.4);
    expect(
      pearson(
        rows.map((r) => r.experiencedScore),
        rows.map((r) => r.emotionalScore),
      ),
    ).toBeGreaterThan(0.6);
  });

  it("plant one MOT per journey with a clear negative gap, worst for first-time customers and on its named driver", () => {
    for (const planted of LARGE_PLANTED_PROBLEMS) {
      const template = findTemplate(planted.templateKey)!;
      const inTemplate = template.journey.stages
        .flatMap((s) => s.touchpoints ?? [])
        .find((t) => t.nameEn === planted.nameEn);
      expect(inTemplate, planted.nameEn).toMatchObject({ nameKo: planted.nameKo, isMoT: true });
      const index = touchpointIndex(planted.templateKey, planted.nameEn);
      const at = rowsAt(index);
      expect(at.length).toBeGreaterThan(200);
      expect(Math.abs(mean(at.map(gapOf)) - planted.meanGap)).toBeLessThan(0.2);

      const others = model.touchpoints.flatMap((t, i) =>
        t.templateKey === planted.templateKey && i !== index && rowsAt(i).length >= 100
          ? [mean(rowsAt(i).map(gapOf))]
          : [],
      );
      expect(Math.min(...others)).toBeGreaterThan(mean(at.map(gapOf)) + 0.5);

      const bySegment = model.segments.map((s, i) => ({
        nameEn: s.nameEn,
        gap: mean(at.filter((r) => r.segment === i).map(gapOf)),
      }));
      expect(bySegment.reduce((a, b) => (b.gap < a.gap ? b : a)).nameEn).toBe(
        planted.worstSegmentNameEn,
      );
      const drivers = model.touchpoints[index]!.drivers;
      const byDriver = drivers.map((nameEn, i) => ({
        nameEn,
        gap: mean(at.filter((r) => r.driver === i).map(gapOf)),
      }));
      expect(byDriver.reduce((a, b) => (b.gap < a.gap ? b : a)).nameEn).toBe(
        planted.worstDriverNameEn,
      );
    }
  });

  it("spread traffic over the four journeys by their share, early stages busier than late ones, MOTs surveyed more", () => {
    LARGE_JOURNEYS.forEach(({ share: expected }, journey) => {
      expect(share((r) => model.touchpoints[r.touchpoint]!.journey === journey)).toBeCloseTo(
        expected,
        1,
      );
      const inJourney = model.touchpoints.flatMap((t, i) =>
        t.journey === journey ? [{ t, n: rowsAt(i).length }] : [],
      );
      const lastStage = Math.max(...inJourney.map(({ t }) => t.stagePosition));
      const perTouchpoint = (keep: (x: (typeof inJourney)[number]) => boolean) =>
        mean(inJourney.filter(keep).map((x) => x.n));
      expect(perTouchpoint(({ t }) => t.stagePosition < lastStage / 3)).toBeGreaterThan(
        perTouchpoint(({ t }) => t.stagePosition > (2 * lastStage) / 3),
      );
    });
    // Stage by stage (MOTs sit in busy and quiet stages alike), a MOT gets more rows than the other touchpoints beside it.
    const motRatios = [
      ...new Set(model.touchpoints.map((t) => `${t.journey}:${t.stagePosition}`)),
    ].flatMap((stage) => {
      const inStage = model.touchpoints.flatMap((t, i) =>
        `${t.journey}:${t.stagePosition}` === stage && !t.planted
          ? [{ isMoT: t.isMoT, n: rowsAt(i).length }]
          : [],
      );
      const mots = inStage.filter((x) => x.isMoT).map((x) => x.n);
      const others = inStage.filter((x) => !x.isMoT).map((x) => x.n);
      return mots.length && others.length ? [mean(mots) / mean(others)] : [];
    });
    expect(motRatios.length).toBeGreaterThan(15);
    expect(motRatios.sort((a, b) => a - b)[Math.floor(motRatios.length / 2)]).toBeGreaterThan(1.2);
  });

  it("differ by segment and by site, and place each source where it happens", () => {
    const gapOfSegment = (nameEn: string) =>
      mean(
        rows
          .filter((r) => r.segment !== null && model.segments[r.segment]!.nameEn === nameEn)
          .map(gapOf),
      );
    expect(gapOfSegment("First-time customer")).toBeLessThan(gapOfSegment("Repeat customer") - 0.1);
    const firstTimeShare = (acquisition: boolean) => {
      const at = rows.filter(
        (r) => r.segment !== null && model.touchpoints[r.touchpoint]!.isAcquisition === acquisition,
      );
      return share((r) => model.segments[r.segment!]!.nameEn === "First-time customer", at);
    };
    expect(firstTimeShare(true)).toBeGreaterThan(2 * firstTimeShare(false));
    expect(share((r) => r.segment === null)).toBeGreaterThan(0.02);

    const gapAtSite = model.sites.map((site, i) => ({
      code: site.code,
      gap: mean(
        rows.filter((r) => r.site === i && !model.touchpoints[r.touchpoint]!.planted).map(gapOf),
      ),
    }));
    expect(gapAtSite.every((s) => Number.isFinite(s.gap))).toBe(true);
    expect(gapAtSite.reduce((a, b) => (b.gap < a.gap ? b : a)).code).toBe("SEOMYEON");
    for (const row of rows.filter((r) => r.source === "VOC_CALL"))
      expect(model.sites[row.site!]!.kind).toBe("CALL_CENTRE");
    for (const row of rows.filter(
      (r) => model.touchpoints[r.touchpoint]!.channel === "IN_PERSON" && r.source !== "VOC_CALL",
    ))
      expect(model.sites[row.site!]!.kind).toBe("STORE");
    for (const source of ["SURVEY", "FRONTLINE", "VOC_CALL", "MYSTERY_SHOPPER", "SNS"])
      expect(share((r) => r.source === source)).toBeGreaterThan(0.02);
  });

  it("carry short comments from the demo's phrase lists on a fraction of rows, negative where the gap is", () => {
    const commented = rows.filter((r) => r.comment !== "");
    expect(commented.length / rows.length).toBeGreaterThan(0.15);
    expect(commented.length / rows.length).toBeLessThan(0.45);
    const negative = new Set([
      ...Object.values(COMMENT_PHRASES).flatMap((p) => [...p.NEGATIVE.ko, ...p.NEGATIVE.en]),
      ...PLANTED_PROBLEM_PHRASES.NEGATIVE,
    ]);
    for (const row of commented.filter((r) => gapOf(r) <= -1))
      expect(negative.has(row.comment), row.comment).toBe(true);
  });
});

/** A row as a capture path sends it, with the test's made-up ids. */
function toInput(row: TLargeRow) {
  const { index, touchpoint, driver, segment, site, observedAt, ...scores } = row;
  return {
    clientId: `large:${index + 1}`,
    touchpointId: testRefs.touchpointIds[touchpoint]!,
    driverId: driver === null ? null : testRefs.driverIds[touchpoint]![driver]!,
    segmentId: segment === null ? null : testRefs.segmentIds[segment]!,
    siteId: site === null ? null : testRefs.siteIds[site]!,
    observedAt: new Date(observedAt),
    ...scores,
  };
}
