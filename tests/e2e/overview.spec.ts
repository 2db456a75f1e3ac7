import { mkdir, writeFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { PLANTED_MOT } from "@/prisma/seed/demo-observations";
import { DEMO_PROMISES } from "@/prisma/seed/demo-promises";
import { signedInPage } from "./fixtures";

// The executive overview as the demo executive sees it: every section there, the planted MOT
// first among the touchpoints to fix, each figure a link to its source view, nothing that
// changes anything — and the page printed to an A4 PDF without the app's navigation.
// Read-only on the shared demo data: pilots, alerts and outcomes may or may not exist (another
// spec may be creating them), so only their sections are asserted, not their rows.

test("the demo executive reads the overview, follows a figure to its source, and saves it as a PDF", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "EXECUTIVE");
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.goto("/overview");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("한눈에 보기");
  await expect(page.getByTestId("overview-headline-csat")).toContainText("CSAT");
  await page.screenshot({ path: "test-results/overview-ko.png", fullPage: true });

  await page
    .context()
    .addCookies([{ name: "NEXT_LOCALE", value: "en", url: new URL(page.url()).origin }]);
  await page.reload();
  for (const id of [
    "overview-headline",
    "overview-alerts",
    "overview-promises",
    "overview-top10",
    "overview-projects",
    "overview-pilots",
    "overview-outcomes",
  ]) {
    await expect(page.getByTestId(id), id).toBeVisible();
  }

  // The headline: three measures over every journey, each with n, its change against the 30 days before and a 12-month trend.
  for (const key of ["csat", "nps", "gap"]) {
    const card = page.getByTestId(`overview-headline-${key}`);
    await expect(card.getByTestId("overview-headline-value")).toHaveText(/\d/);
    await expect(card).toContainText(/n = [\d,]+/);
    await expect(card.getByTestId("overview-headline-change")).toContainText(
      /(More than noise|Within noise)/,
    );
    await expect(card.getByRole("img", { name: /by month/ })).toBeVisible();
  }

  // The ten touchpoints to fix first, across journeys: the planted problem leads.
  const top = page.getByTestId("overview-top10").getByTestId("overview-top-row");
  await expect(top).toHaveCount(10);
  await expect(top.first().getByTestId("overview-top-name")).toHaveText(PLANTED_MOT.nameEn);
  await expect(page.getByTestId("overview-promises").getByTestId("overview-promise")).toHaveCount(
    DEMO_PROMISES.length,
  );

  // An executive changes nothing here: no form, no input, and the only buttons print, toggle a table or export CSV.
  const main = page.locator("main");
  await expect(main.locator("form, input, select, textarea")).toHaveCount(0);
  const buttons = await main.getByRole("button").allTextContents();
  expect(buttons.length).toBeGreaterThan(0);
  for (const label of buttons) expect(label).toMatch(/^(Save as PDF|Table|Chart|CSV)$/);

  // A figure opens its source: the top touchpoint's drill-down in Measure, for the same 90 days.
  await top.first().getByRole("link").click();
  await expect(page).toHaveURL(
    /\/measure\/touchpoints\/[\w-]+\?journey=[\w-]+&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/,
  );
  await expect(page.getByTestId("drilldown-title")).toContainText(PLANTED_MOT.nameEn);
  await page.goBack();

  // Printed: A4 pages, the navigation left out (print.css), more than one page (a page per group of sections).
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("body > header")).toBeHidden();
  await expect(page.getByTestId("overview-print")).toBeHidden();
  // Back to the default: page.pdf() prints with print media unless screen media was asked for.
  await page.emulateMedia({ media: null });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(2);
  expect(pages.length).toBeLessThanOrEqual(8);
  // A4 is 595 × 842 points.
  const [, width, height] =
    /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString("latin1")) ?? [];
  expect(Math.abs(Number(width) - 595)).toBeLessThan(1);
  expect(Math.abs(Number(height) - 842)).toBeLessThan(1);
  await mkdir("test-results", { recursive: true });
  await writeFile("test-results/overview.pdf", pdf);
  await page.screenshot({ path: "test-results/overview.png", fullPage: true });
});

test("a frontline user cannot open the overview", async ({ browser }) => {
  const page = await signedInPage(browser, "FRONTLINE");
  const response = await page.goto("/overview");
  expect(response?.status()).toBe(403);
});
