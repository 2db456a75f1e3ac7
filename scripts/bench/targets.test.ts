import { describe, expect, it } from "vitest";
import {
  benchTargetLines,
  formatTargetTable,
  ingestTargetLine,
  loadTargetLines,
  verdictOf,
  type TBenchPage,
  type TBenchSize,
  type TTargetLine,
} from "./targets";

const verdicts = (lines: TTargetLine[]) =>
  Object.fromEntries(lines.map((line) => [line.target, line.verdict]));

const sizeOf = (size: number, p95: { headline: number; view: number; overview: number }) =>
  ({
    size,
    reads: [
      {
        key: "measure.headline",
        label: "Measure headline",
        kind: "read",
        rollupP95Ms: p95.headline,
      },
      { key: "view", label: "whole Measure view", kind: "view", rollupP95Ms: p95.view },
      { key: "overview", label: "overview", kind: "other", rollupP95Ms: p95.overview },
    ],
  }) satisfies TBenchSize;

const pagesOf = (lcpMs: number, frontlineBytes: number): TBenchPage[] => [
  ...["/measure", "/overview", "/analyze", "/control"].map((route) => ({
    route,
    lcpP95Ms: lcpMs,
    jsGzipBytes: 300_000,
  })),
  { route: "/frontline", lcpP95Ms: 200, jsGzipBytes: frontlineBytes },
];

describe("verdictOf", () => {
  it("holds each rule's boundary", () => {
    expect(verdictOf(299.9, "below", 300)).toBe("met");
    expect(verdictOf(300, "below", 300)).toBe("MISSED");
    expect(verdictOf(150, "atMost", 150)).toBe("met");
    expect(verdictOf(150.1, "atMost", 150)).toBe("MISSED");
    expect(verdictOf(250, "atLeast", 250)).toBe("met");
    expect(verdictOf(249, "atLeast", 250)).toBe("MISSED");
  });

  it("judges nothing without a figure or when the run cannot judge it", () => {
    expect(verdictOf(null, "below", 300)).toBe("not evaluated");
    expect(verdictOf(Number.NaN, "below", 300)).toBe("not evaluated");
    expect(verdictOf(10, "below", 300, false)).toBe("not evaluated");
    expect(verdictOf(10_000, "below", 300, false)).toBe("not evaluated");
  });
});

describe("benchTargetLines", () => {
  it("at small sizes only, judges only the frontline's JavaScript and says what it did not evaluate", () => {
    const lines = benchTargetLines(
      [
        sizeOf(30_000, { headline: 5, view: 9, overview: 50 }),
        sizeOf(300_000, { headline: 900, view: 2000, overview: 60 }),
      ],
      pagesOf(9000, 140 * 1024),
    );
    expect(verdicts(lines)).toEqual({
      "Measure headline: p95 < 300 ms": "not evaluated",
      "whole Measure view: p95 < 500 ms": "not evaluated",
      "every read's p95 grows < 2× from 1,000,000 to 10,000,000": "not evaluated",
      "/measure LCP p95 < 1.5 s": "not evaluated",
      "/overview LCP p95 < 1.5 s": "not evaluated",
      "/analyze LCP p95 < 1.5 s": "not evaluated",
      "/control LCP p95 < 1.5 s": "not evaluated",
      "/frontline JavaScript ≤ 150.0 KB gzipped": "met",
      "customer survey page JavaScript ≤ 30.0 KB gzipped": "not evaluated",
    });
    // The figures are printed all the same, from the largest size.
    expect(lines[0]!.figure).toBe("900 ms");
    expect(lines[2]!.figure).toBe("needs both sizes (ran 30,000, 300,000)");
  });

  it("at 1M and 10M, judges each read at 10M (the whole view against its own limit) and each growth", () => {
    const lines = benchTargetLines(
      [
        sizeOf(10_000_000, { headline: 250, view: 450, overview: 5000 }),
        sizeOf(1_000_000, { headline: 100, view: 400, overview: 10 }),
      ],
      pagesOf(1499, 151 * 1024),
    );
    expect(verdicts(lines)).toEqual({
      "Measure headline: p95 < 300 ms": "met",
      "whole Measure view: p95 < 500 ms": "met",
      "Measure headline: p95 grows < 2× from 1,000,000 to 10,000,000": "MISSED",
      "whole Measure view: p95 grows < 2× from 1,000,000 to 10,000,000": "met",
      "/measure LCP p95 < 1.5 s": "met",
      "/overview LCP p95 < 1.5 s": "met",
      "/analyze LCP p95 < 1.5 s": "met",
      "/control LCP p95 < 1.5 s": "met",
      "/frontline JavaScript ≤ 150.0 KB gzipped": "MISSED",
      "customer survey page JavaScript ≤ 30.0 KB gzipped": "not evaluated",
    });
    expect(lines.find((l) => l.target.startsWith("Measure headline: p95 grows"))!.figure).toBe(
      "100 → 250 ms, ×2.50",
    );
  });

  it("misses a read over its limit at 10M, and leaves the pages unjudged without the browser", () => {
    const lines = benchTargetLines(
      [sizeOf(10_000_000, { headline: 300, view: 500, overview: 1 })],
      null,
    );
    expect(verdicts(lines)).toMatchObject({
      "Measure headline: p95 < 300 ms": "MISSED",
      "whole Measure view: p95 < 500 ms": "MISSED",
      "every read's p95 grows < 2× from 1,000,000 to 10,000,000": "not evaluated",
      "/measure LCP p95 < 1.5 s": "not evaluated",
      "/frontline JavaScript ≤ 150.0 KB gzipped": "not evaluated",
    });
    expect(lines.find((l) => l.target.startsWith("/frontline"))!.figure).toBe("not measured");
  });
});

describe("ingestTargetLine", () => {
  it("meets at half the plain insert's rate and misses below", () => {
    expect(ingestTargetLine(0.5).verdict).toBe("met");
    expect(ingestTargetLine(0.41)).toEqual({
      target: "ingestion API ≥ 50 % of plain insert for batches of 1,000",
      figure: "41 %",
      verdict: "MISSED",
    });
  });
});

describe("loadTargetLines", () => {
  const clean = { errors: 0, missing: 0, storedTwice: 0 };

  it("judges both parts", () => {
    const lines = loadTargetLines(
      { ...clean, sendP95Ms: 120, readP95Ms: 1000 },
      { ...clean, errors: 2, seconds: 60, storedPerSecond: 260 },
    );
    expect(verdicts(lines)).toEqual({
      "realistic: zero errors": "met",
      "realistic: send p95 < 300 ms": "met",
      "realistic: dashboard read p95 < 1 s": "MISSED",
      "realistic: every acknowledged answer stored exactly once": "met",
      "capacity: ≥ 250 stored answers/s sustained for 60 s": "met",
      "capacity: zero errors": "MISSED",
      "capacity: every acknowledged answer stored exactly once": "met",
    });
  });

  it("does not judge a rate sustained for less than 60 s, nor a part that did not run; exactness always", () => {
    const lines = loadTargetLines(null, {
      ...clean,
      storedTwice: 1,
      seconds: 10,
      storedPerSecond: 400,
    });
    expect(verdicts(lines)).toEqual({
      "realistic: zero errors": "not evaluated",
      "realistic: send p95 < 300 ms": "not evaluated",
      "realistic: dashboard read p95 < 1 s": "not evaluated",
      "realistic: every acknowledged answer stored exactly once": "not evaluated",
      "capacity: ≥ 250 stored answers/s sustained for 60 s": "not evaluated",
      "capacity: zero errors": "met",
      "capacity: every acknowledged answer stored exactly once": "MISSED",
    });
    expect(lines[0]!.figure).toBe("not run");
    expect(lines.at(-1)!.figure).toBe("0 missing, 1 stored twice");
  });
});

describe("formatTargetTable", () => {
  it("puts the verdict first and aligns the figures", () => {
    expect(
      formatTargetTable([
        { target: "a: p95 < 300 ms", figure: "12 ms", verdict: "met" },
        { target: "b", figure: "9 KB", verdict: "not evaluated" },
      ]),
    ).toEqual([
      "  met            a: p95 < 300 ms  12 ms",
      "  not evaluated  b                9 KB",
    ]);
  });
});
