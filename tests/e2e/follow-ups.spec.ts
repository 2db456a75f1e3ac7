import { randomUUID } from "node:crypto";
import { devices, expect, test, type Page } from "@playwright/test";
import { demoEmail, signIn, signedInPage } from "./fixtures";

// Closing the loop: a bad experience logged at the counter opens a follow-up; the manager sees it
// waiting, with its site; the frontline staff member closes it with what was done.
const pixel7 = Object.fromEntries(
  Object.entries(devices["Pixel 7"]).filter(([key]) => key !== "defaultBrowserType"),
);
test.use(pixel7);

const tapScore = (page: Page, group: string, score: number) =>
  page.getByTestId(`score-${group}`).getByText(String(score), { exact: true }).click();

test("a score far below expectation opens a follow-up that the site's staff close with what they did", async ({
  page,
  browser,
}) => {
  const marker = `e2e-follow-up-${randomUUID()}`;
  await signIn(page, demoEmail("FRONTLINE"));
  await expect(page).toHaveURL(/\/frontline$/);

  // Log: expected 7, experienced 2, with the customer's words.
  await page.getByTestId("touchpoint-option").first().click();
  await page.getByTestId("segment").getByText("첫 방문 고객", { exact: true }).click();
  await tapScore(page, "expectation", 7);
  await tapScore(page, "experienced", 2);
  await page.getByTestId("more").locator("summary").click();
  await page
    .getByTestId("frontline-form")
    .getByLabel("코멘트")
    .fill(`${marker} 예약이 누락되어 30분을 기다렸어요`);
  await page.getByTestId("save-observation").click();
  await expect(page.getByTestId("queue-waiting")).toHaveAttribute("data-count", "0", {
    timeout: 30_000,
  });

  // The manager sees it among the open follow-ups, with its reason and site.
  const manager = await signedInPage(browser, "MANAGER");
  await manager.goto("/follow-ups");
  const managersCard = manager.getByTestId("follow-up").filter({ hasText: marker });
  await expect(managersCard).toHaveCount(1);
  await expect(managersCard).toContainText("기대보다 크게 낮음");
  await expect(managersCard).toContainText("강남점");
  await expect(manager.getByTestId("open-total")).toContainText("진행 중");

  // The frontline staff member closes it: a resolution is required.
  await page.goto("/follow-ups");
  const card = page.getByTestId("follow-up").filter({ hasText: marker });
  await expect(card).toHaveCount(1);
  await card.getByRole("button", { name: "후속 조치 완료" }).click();
  await expect(card.getByLabel("조치 내용")).toBeFocused(); // the browser's own check: required
  await card
    .getByLabel("조치 내용")
    .fill("고객에게 전화해 사과하고 다음 예약에 무료 업그레이드를 드렸습니다");
  await card.getByRole("button", { name: "후속 조치 완료" }).click();
  await expect(page.getByTestId("follow-up").filter({ hasText: marker })).toHaveCount(0);

  // It is closed, with what was done and by whom.
  await manager.goto("/follow-ups?status=closed");
  const closed = manager.getByTestId("follow-up").filter({ hasText: marker });
  await expect(closed).toContainText("무료 업그레이드");
  await expect(closed).toContainText("이준호 Frontline 님이 해결");
});
