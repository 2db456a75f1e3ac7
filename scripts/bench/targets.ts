// Issue #18's targets in one place, for `npm run bench`, `npm run bench:ingest` and `npm run load`:
// the thresholds, and which figure meets one, misses it, or cannot be judged by the run that
// measured it (a size smaller than the one a target is set for, a part that was skipped). Pure.
import { count, kb, ms } from "../lib/figures";

export const TARGETS = {
  /** The size the server-time and page targets are set for. */
  fullSize: 10_000_000,
  /** Growth is judged from this size to fullSize. */
  growthFromSize: 1_000_000,
  /** Each read of the Measure view (and of a touchpoint's drill-down), server time. */
  readP95Ms: 300,
  /** All of the Measure view's reads together. */
  viewP95Ms: 500,
  lcpP95Ms: 1500,
  /** A read's p95 at fullSize over its p95 at growthFromSize. */
  growth: 2,
  frontlineGzipBytes: 150 * 1024,
  surveyGzipBytes: 30 * 1024,
  /** The ingestion API's rate over a plain INSERT's, batches of 1,000. */
  ingestShare: 0.5,
  sendP95Ms: 300,
  dashboardReadP95Ms: 1000,
  capacityPerSecond: 250,
  capacitySeconds: 60,
} as const;

/** The pages whose Largest Contentful Paint has a target. */
export const LCP_ROUTES = ["/measure", "/overview", "/analyze", "/control"] as const;
export const FRONTLINE_ROUTE = "/frontline";

export type TVerdict = "met" | "MISSED" | "not evaluated";
export type TTargetLine = { target: string; figure: string; verdict: TVerdict };

/** A figure against its threshold; no figure, or a run that cannot judge it, is "not evaluated". */
export function verdictOf(
  value: number | null,
  rule: "below" | "atMost" | "atLeast",
  limit: number,
  isJudged = true,
): TVerdict {
  if (value === null || !isJudged || Number.isNaN(value)) return "not evaluated";
  const isMet =
    rule === "below" ? value < limit : rule === "atMost" ? value <= limit : value >= limit;
  return isMet ? "met" : "MISSED";
}

// ── npm run bench ──────────────────────────────────────────────────────────────────────────────

/** "read": one read of the Measure view or drill-down; "view": the whole view; "other": printed, no server-time target. */
export type TReadKind = "read" | "view" | "other";
type TBenchRead = { key: string; label: string; kind: TReadKind; rollupP95Ms: number };
export type TBenchSize = { size: number; reads: TBenchRead[] };
export type TBenchPage = { route: string; lcpP95Ms: number; jsGzipBytes: number };

export function benchTargetLines(
  sizes: readonly TBenchSize[],
  pages: readonly TBenchPage[] | null,
): TTargetLine[] {
  if (sizes.length === 0) throw new Error("no size was measured");
  const largest = sizes.reduce((a, b) => (b.size > a.size ? b : a));
  const isFullSize = largest.size >= TARGETS.fullSize;
  const lines: TTargetLine[] = [];

  for (const read of largest.reads.filter((r) => r.kind !== "other")) {
    const limit = read.kind === "view" ? TARGETS.viewP95Ms : TARGETS.readP95Ms;
    lines.push({
      target: `${read.label}: p95 < ${limit} ms`,
      figure: `${ms(read.rollupP95Ms)} ms`,
      verdict: verdictOf(read.rollupP95Ms, "below", limit, isFullSize),
    });
  }

  const from = sizes.find((s) => s.size === TARGETS.growthFromSize);
  const to = sizes.find((s) => s.size === TARGETS.fullSize);
  const growthSpan = `${count(TARGETS.growthFromSize)} to ${count(TARGETS.fullSize)}`;
  if (from && to)
    for (const read of to.reads.filter((r) => r.kind !== "other")) {
      const base = from.reads.find((r) => r.key === read.key);
      const growth = base ? read.rollupP95Ms / base.rollupP95Ms : null;
      lines.push({
        target: `${read.label}: p95 grows < ${TARGETS.growth}× from ${growthSpan}`,
        figure: base
          ? `${ms(base.rollupP95Ms)} → ${ms(read.rollupP95Ms)} ms, ×${growth!.toFixed(2)}`
          : `not measured at ${count(TARGETS.growthFromSize)}`,
        verdict: verdictOf(growth, "below", TARGETS.growth),
      });
    }
  else
    lines.push({
      target: `every read's p95 grows < ${TARGETS.growth}× from ${growthSpan}`,
      figure: `needs both sizes (ran ${sizes.map((s) => count(s.size)).join(", ")})`,
      verdict: "not evaluated",
    });

  const page = (route: string) => pages?.find((p) => p.route === route);
  for (const route of LCP_ROUTES) {
    const measured = page(route);
    lines.push({
      target: `${route} LCP p95 < ${(TARGETS.lcpP95Ms / 1000).toFixed(1)} s`,
      figure: measured ? `${ms(measured.lcpP95Ms)} ms` : "not measured",
      verdict: verdictOf(measured?.lcpP95Ms ?? null, "below", TARGETS.lcpP95Ms, isFullSize),
    });
  }
  const frontline = page(FRONTLINE_ROUTE);
  lines.push({
    target: `${FRONTLINE_ROUTE} JavaScript ≤ ${kb(TARGETS.frontlineGzipBytes)} gzipped`,
    figure: frontline ? kb(frontline.jsGzipBytes) : "not measured",
    verdict: verdictOf(frontline?.jsGzipBytes ?? null, "atMost", TARGETS.frontlineGzipBytes),
  });
  lines.push({
    target: `customer survey page JavaScript ≤ ${kb(TARGETS.surveyGzipBytes)} gzipped`,
    figure: "the page does not exist yet",
    verdict: "not evaluated",
  });
  return lines;
}

// ── npm run bench:ingest ───────────────────────────────────────────────────────────────────────

/** `share`: the API's rate over the plain insert's (0.45 is 45 %). */
export function ingestTargetLine(share: number): TTargetLine {
  return {
    target: `ingestion API ≥ ${TARGETS.ingestShare * 100} % of plain insert for batches of 1,000`,
    figure: `${(share * 100).toFixed(0)} %`,
    verdict: verdictOf(share, "atLeast", TARGETS.ingestShare),
  };
}

// ── npm run load ───────────────────────────────────────────────────────────────────────────────

type TExactlyOnce = { missing: number; storedTwice: number };
export type TRealisticFigures = TExactlyOnce & {
  errors: number;
  sendP95Ms: number;
  readP95Ms: number;
};
export type TCapacityFigures = TExactlyOnce & {
  seconds: number;
  errors: number;
  storedPerSecond: number;
};

/** Either part may have been skipped (null): its targets are then not evaluated. */
export function loadTargetLines(
  realistic: TRealisticFigures | null,
  capacity: TCapacityFigures | null,
): TTargetLine[] {
  const skipped = "not run";
  const errors = (part: string, figures: { errors: number } | null): TTargetLine => ({
    target: `${part}: zero errors`,
    figure: figures ? count(figures.errors) : skipped,
    verdict: verdictOf(figures?.errors ?? null, "atMost", 0),
  });
  const exactlyOnce = (part: string, figures: TExactlyOnce | null): TTargetLine => ({
    target: `${part}: every acknowledged answer stored exactly once`,
    figure: figures
      ? `${count(figures.missing)} missing, ${count(figures.storedTwice)} stored twice`
      : skipped,
    verdict: verdictOf(figures ? figures.missing + figures.storedTwice : null, "atMost", 0),
  });
  const capacitySpan = `sustained for ${TARGETS.capacitySeconds} s`;
  return [
    errors("realistic", realistic),
    {
      target: `realistic: send p95 < ${TARGETS.sendP95Ms} ms`,
      figure: realistic ? `${ms(realistic.sendP95Ms)} ms` : skipped,
      verdict: verdictOf(realistic?.sendP95Ms ?? null, "below", TARGETS.sendP95Ms),
    },
    {
      target: `realistic: dashboard read p95 < ${(TARGETS.dashboardReadP95Ms / 1000).toFixed(0)} s`,
      figure: realistic ? `${ms(realistic.readP95Ms)} ms` : skipped,
      verdict: verdictOf(realistic?.readP95Ms ?? null, "below", TARGETS.dashboardReadP95Ms),
    },
    exactlyOnce("realistic", realistic),
    {
      target: `capacity: ≥ ${TARGETS.capacityPerSecond} stored answers/s ${capacitySpan}`,
      figure: capacity
        ? `${capacity.storedPerSecond.toFixed(1)}/s over ${count(capacity.seconds)} s`
        : skipped,
      verdict: verdictOf(
        capacity?.storedPerSecond ?? null,
        "atLeast",
        TARGETS.capacityPerSecond,
        (capacity?.seconds ?? 0) >= TARGETS.capacitySeconds,
      ),
    },
    errors("capacity", capacity),
    exactlyOnce("capacity", capacity),
  ];
}

/** The lines as printed: the verdict first, so that a MISSED stands out in a column. */
export function formatTargetTable(lines: readonly TTargetLine[]): string[] {
  const width = Math.max(...lines.map((line) => line.target.length));
  return lines.map(
    (line) => `  ${line.verdict.padEnd(13)}  ${line.target.padEnd(width)}  ${line.figure}`,
  );
}
