import type { TLargeRefs } from "./copy-text";
import { generateLargeRows, type TLargeRow } from "./generate-rows";
import { createLargeModel } from "./model";

// What the large generator's unit tests share: the model at a fixed year's end, made-up database
// ids, and a sample of rows big enough for stable shares and means (drawn in a fraction of a second).

export const TEST_ENDS_AT = new Date("2026-11-25T03:00:00Z");
export const SAMPLE_ROWS = 60_000;

export const model = createLargeModel({ endsAt: TEST_ENDS_AT });
export const rows: TLargeRow[] = generateLargeRows(model, 0, SAMPLE_ROWS);

export const testRefs: TLargeRefs = {
  organizationId: "org-large",
  idPrefix: "0badcafe-0000-8000-8000-",
  touchpointIds: model.touchpoints.map((_, i) => `tp-${i}`),
  driverIds: model.touchpoints.map((t, i) => t.drivers.map((_, j) => `dr-${i}-${j}`)),
  segmentIds: model.segments.map((_, i) => `seg-${i}`),
  siteIds: model.sites.map((s) => `site-${s.code}`),
};

export const gapOf = (row: TLargeRow) => row.experiencedScore - row.expectationScore;
export const mean = (values: readonly number[]) =>
  values.reduce((a, b) => a + b, 0) / values.length;

export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  const cov = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i]! - my), 0);
  return (
    cov /
    Math.sqrt(xs.reduce((s, x) => s + (x - mx) ** 2, 0) * ys.reduce((s, y) => s + (y - my) ** 2, 0))
  );
}
