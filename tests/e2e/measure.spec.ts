import { expect, test } from "@playwright/test";
import {
  DECOY_TOUCHPOINT,
  DEMO_SKT_OBSERVATION_TOTAL,
  PLANTED_MOT,
} from "@/prisma/seed/demo-observations";
import { signedInPage } from "./fixtures";

// The browser scenario for Measure: the demo manager opens the SK Telecom demo journey
// (seeded with 5,630 observations and a planted problem), sees the planted MOT first in the
// fix-first list with its reason — and the three-observation decoy not first — then drills into
// its gap by segment, where the segment the seed made worst is worst, and exports it as CSV.
// Read-only on the shared demo data; in English so the seed's English names can be asserted.

test("a manager finds the planted MOT first, reads why, and drills into its gap by segment", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "MANAGER");
  await page
    .context()
    .addCookies([{ name: "NEXT_LOCALE", value: "en", url: new URL(page.url()).origin }]);
  await page.setViewportSize({ width: 1440, height: 900 });

  // Without ?journey= the page opens the journey with the most observations, in the URL.
  await page.goto("/measure");
  await expect(page).toHaveURL(/\/measure\?journey=[\w-]+/);
  await expect(
    page.getByTestId("measure-filter").locator('select[name="journey"] option:checked'),
  ).toHaveText(/SK Telecom/);
  await expect(page.getByTestId("headline-gap")).toContainText(
    `n = ${DEMO_SKT_OBSERVATION_TOTAL.toLocaleString("en")}`,
  );

  // Filters write the URL (shareable); the planted problem is a Moment of Truth, so it stays.
  await page.getByTestId("measure-filter").getByLabel("Moments of Truth only").check();
  await expect(page).toHaveURL(/[?&]mot=1/);

  const rows = page.getByTestId("fix-first-row");
  const first = rows.first();
  await expect(first.getByTestId("fix-first-name")).toHaveText(PLANTED_MOT.nameEn);
  await expect(first.getByTitle("Moment of Truth")).toBeVisible();
  // The decoy's mean gap is far worse, on three observations: it must not outrank 650.
  await expect(first.getByTestId("fix-first-name")).not.toHaveText(DECOY_TOUCHPOINT.nameEn);

  // "Why is this first?" explains the formula with this row's numbers.
  await first.getByTestId("why-first").locator("summary").click();
  const why = first.getByTestId("why-first-text");
  await expect(why).toContainText("Customers expected");
  await expect(why).toContainText("below expectation");
  await expect(why).toContainText(
    /Score = \d\.\d\d × \d\.\d\d × \d\.\d\d \(reach weight\) = \d\.\d{3}/,
  );

  // Drill down, keeping the filter in the URL.
  await first.getByTestId("drilldown-link").click();
  await expect(page).toHaveURL(/\/measure\/touchpoints\/[\w-]+\?journey=[\w-]+&mot=1/);
  await expect(page.getByTestId("drilldown-title")).toContainText(PLANTED_MOT.nameEn);

  // Its gap by segment, as a table: the segment the seed made worst has the lowest mean gap.
  const bySegment = page.getByTestId("drilldown-segment");
  await bySegment.getByRole("button", { name: "Table" }).click();
  const tableRows = bySegment.locator("tbody tr");
  await expect(tableRows.first()).toBeVisible();
  const gaps = await tableRows.evaluateAll((trs) =>
    trs.map((tr) => ({
      name: tr.querySelector("th")?.textContent ?? "",
      gap: Number((tr.querySelector("td")?.textContent ?? "").replace("−", "-")),
    })),
  );
  expect(gaps.length).toBeGreaterThan(1);
  const worst = gaps.reduce((a, b) => (b.gap < a.gap ? b : a));
  expect(worst.name).toBe(PLANTED_MOT.worstSegmentNameEn);
  expect(worst.gap).toBeLessThan(0);

  // The same table as CSV, built in the browser.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    bySegment.getByRole("button", { name: /CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^moments-touchpoint-gap-by-segment-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  const csv = await readFile(path, "utf8");
  expect(csv.startsWith("\uFEFFSegment,Mean gap,")).toBe(true);
  expect(csv).toContain(PLANTED_MOT.worstSegmentNameEn);
});

// CSAT, NPS and CES by slice and the drivers' ranking: the same demo data, read-only. The planted MOT's
// weakest driver ("Easy-to-follow explanation", gap about −1.4 on ~360 observations) must lead the
// drivers' fix-first list; the three-observation decoy's driver must not.
test("a manager reads CSAT, NPS and CES by slice and finds the planted MOT's weakest driver first", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "MANAGER");
  await page
    .context()
    .addCookies([{ name: "NEXT_LOCALE", value: "en", url: new URL(page.url()).origin }]);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/measure");
  await expect(page).toHaveURL(/\/measure\?journey=[\w-]+/);

  const drivers = page.getByTestId("driver-ranking");
  const first = drivers.getByTestId("driver-ranking-row").first();
  await expect(first.getByTestId("driver-ranking-name")).toHaveText(PLANTED_MOT.worstDriverNameEn);
  await expect(first.getByTestId("driver-kind")).toHaveText("Rational");
  await expect(first.getByTestId("driver-context")).toContainText(
    `Frontline staff · at ${PLANTED_MOT.nameEn}`,
  );
  await expect(drivers.getByTestId("driver-ranking-row")).toHaveCount(10);
  // The same "why" as the touchpoints', worded for a driver.
  await first.getByTestId("why-first").locator("summary").click();
  await expect(first.getByTestId("why-first-text")).toContainText("of the busiest driver's");
  // Its reach is that of the busiest drivers (the planted MOT's three share the most observations), not necessarily the very busiest.
  await expect(first.getByTestId("why-first-text")).toContainText(
    /Score = \d\.\d\d × \d\.\d\d × (0\.9\d|1\.00) \(reach weight\) = \d\.\d{3}/,
  );

  // CSAT, NPS and CES by touchpoint (default), then by month with the NPS trend.
  const metrics = page.getByTestId("customer-metrics");
  await expect(metrics.getByRole("radio", { name: "Touchpoint" })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  const rows = metrics.getByTestId("metrics-row");
  await expect(rows).toHaveCount(12);
  await expect(metrics.getByTestId("metric-nps").first()).toContainText(/n = \d+/);
  await metrics.getByRole("radio", { name: "Month" }).click();
  await expect(metrics.getByTestId("nps-trend")).toBeVisible();
  const months = await metrics.getByTestId("metrics-name").allTextContents();
  expect(months.length).toBeGreaterThanOrEqual(4);
  for (const month of months) expect(month).toMatch(/^[A-Z][a-z]{2} \d{4}$/);

  // The decoy touchpoint has three answers (indicative) and no CES answer ("—"): its row in the table view.
  await metrics.getByRole("radio", { name: "Touchpoint" }).click();
  await metrics.getByRole("button", { name: "Table" }).click();
  const decoy = metrics.locator("tbody tr").filter({ hasText: DECOY_TOUCHPOINT.nameEn });
  await expect(decoy).toContainText("CSAT, NPS");
});
