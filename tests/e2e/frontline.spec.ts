import { randomUUID } from "node:crypto";
import { devices, expect, test, type Page } from "@playwright/test";
import { demoEmail, signIn, signedInPage } from "./fixtures";
import { queryE2eDatabase } from "./e2e-database";

// Frontline staff on a phone: log observations offline, keep them through a reload, and send
// them exactly once when the network returns; log a customer call.
// The Pixel 7 descriptor minus its browser type (the config's Chromium runs every project).
const pixel7 = Object.fromEntries(
  Object.entries(devices["Pixel 7"]).filter(([key]) => key !== "defaultBrowserType"),
);
test.use(pixel7);

const waiting = (page: Page) => page.getByTestId("queue-waiting");
const tapScore = (page: Page, group: string, score: number) =>
  page.getByTestId(`score-${group}`).getByText(String(score), { exact: true }).click();

test.describe("frontline logging on a phone", () => {
  test("20 entries logged offline survive a reload and arrive exactly once when back online", async ({
    page,
    context,
  }, testInfo) => {
    const marker = `e2e-offline-${randomUUID()}`;
    await signIn(page, demoEmail("FRONTLINE"));
    await expect(page).toHaveURL(/\/frontline$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("현장 기록");
    await expect(page.getByTestId("home-site")).toContainText("강남점");
    // The service worker has the page and its static files: from here on the page opens offline.
    await expect(page.getByTestId("offline-ready")).toBeVisible();

    await context.setOffline(true);
    await expect(page.getByTestId("offline-notice")).toBeVisible();

    // First entry: touchpoint (a Moment of Truth is listed first), segment, scores, save.
    const firstOption = page.getByTestId("touchpoint-option").first();
    const touchpointName = (await firstOption.locator("span > span").first().textContent())!;
    await firstOption.click();
    await expect(page.getByTestId("selected-touchpoint")).toContainText(touchpointName);
    await page.getByTestId("segment").getByText("재방문 고객", { exact: true }).click();
    await page.getByTestId("more").locator("summary").click();

    for (let n = 1; n <= 20; n += 1) {
      await tapScore(page, "expectation", 1 + (n % 7));
      await tapScore(page, "experienced", 1 + ((n * 3) % 7));
      await page.getByTestId("frontline-form").getByLabel("코멘트").fill(`${marker} #${n}`);
      if (n === 1) {
        await page.screenshot({ path: testInfo.outputPath("frontline-phone.png"), fullPage: true });
        await testInfo.attach("frontline-phone", {
          path: testInfo.outputPath("frontline-phone.png"),
          contentType: "image/png",
        });
      }
      await page.getByTestId("save-observation").click();
      await expect(waiting(page)).toHaveAttribute("data-count", String(n));
      // A repeat entry starts at the scores: touchpoint and segment stay, the scores are cleared.
      await expect(page.getByTestId("save-confirmation")).toHaveText(
        `이 기기에 저장했습니다: ${touchpointName}.`,
      );
      await expect(
        page.getByTestId("score-expectation").getByRole("radio", { checked: true }),
      ).toHaveCount(0);
      await expect(
        page.getByTestId("segment").getByRole("radio", { name: "재방문 고객" }),
      ).toBeChecked();
    }
    await expect(waiting(page)).toHaveText("전송 대기 20건");
    await expect(page.getByTestId("score-expectation").getByRole("radio").first()).toBeFocused();

    // Nothing reached the server while offline.
    const stored = () =>
      queryE2eDatabase<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Observation" WHERE comment LIKE $1`,
        [`${marker} #%`],
      );
    expect((await stored())[0]!.n).toBe(0);

    // Reload while offline: the service worker serves its copy of the page; the queue is in IndexedDB.
    const reloaded = await page.reload();
    expect(reloaded?.headers()["x-moments-offline-copy"]).toBe("1");
    await expect(waiting(page)).toHaveAttribute("data-count", "20");
    expect((await stored())[0]!.n).toBe(0);

    await context.setOffline(false);
    await expect(waiting(page)).toHaveAttribute("data-count", "0", { timeout: 30_000 });
    await expect(waiting(page)).toHaveText("전송 대기 없음");

    const rows = await queryE2eDatabase<{
      total: number;
      comments: number;
      clientIds: number;
      sources: string;
      sites: string;
      users: string;
    }>(
      `SELECT count(*)::int AS total, count(DISTINCT o.comment)::int AS comments, count(DISTINCT o."clientId")::int AS "clientIds",
              string_agg(DISTINCT o.source::text, ',') AS sources, string_agg(DISTINCT s.code, ',') AS sites, string_agg(DISTINCT u.email, ',') AS users
         FROM "Observation" o LEFT JOIN "Site" s ON s.id = o."siteId" LEFT JOIN "User" u ON u.id = o."loggedById"
        WHERE o.comment LIKE $1`,
      [`${marker} #%`],
    );
    expect(rows[0]).toEqual({
      total: 20,
      comments: 20,
      clientIds: 20,
      sources: "FRONTLINE",
      sites: "GANGNAM",
      users: demoEmail("FRONTLINE"),
    });
  });

  test("the call-centre form stores the customer's words as a VOC_CALL observation", async ({
    page,
  }) => {
    const words = `e2e-call-${randomUUID()} 체크인 줄이 너무 길었어요`;
    await signIn(page, demoEmail("FRONTLINE"));
    await page.getByRole("link", { name: "고객 통화 기록하기" }).click();
    await expect(page).toHaveURL(/\/frontline\/call$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("고객 통화 기록");
    const form = page.getByTestId("call-form");

    // The customer's words are required: nothing is queued without them.
    await form.getByPlaceholder("이름이나 단계로 검색").fill("체크인");
    await form.getByTestId("touchpoint-option").filter({ hasText: "프런트 체크인" }).click();
    await form.getByTestId("segment").getByText("첫 방문 고객", { exact: true }).click();
    await tapScore(page, "experienced", 2);
    await page.getByTestId("save-observation").click();
    await expect(form.getByTestId("field-error")).toHaveText("고객이 한 말을 적어 주세요.");
    await expect(waiting(page)).toHaveAttribute("data-count", "0");

    await form.getByLabel("고객의 말").fill(words);
    await form.getByLabel("지점").selectOption({ label: "고객센터 Call centre" });
    await tapScore(page, "expectation", 6);
    await page.getByTestId("save-observation").click();
    await expect(page.getByTestId("save-confirmation")).toHaveText(
      "이 기기에 저장했습니다: 프런트 체크인.",
    );
    await expect(form.getByLabel("고객의 말")).toHaveValue("");
    await expect(form.getByLabel("고객의 말")).toBeFocused();
    await expect(waiting(page)).toHaveAttribute("data-count", "0");

    await expect
      .poll(() =>
        queryE2eDatabase<{
          source: string;
          site: string;
          touchpoint: string;
          expectationScore: number;
          experiencedScore: number;
        }>(
          `SELECT o.source::text AS source, s.code AS site, t."nameKo" AS touchpoint, o."expectationScore", o."experiencedScore"
             FROM "Observation" o JOIN "Site" s ON s.id = o."siteId" JOIN "Touchpoint" t ON t.id = o."touchpointId" WHERE o.comment = $1`,
          [words],
        ),
      )
      .toEqual([
        {
          source: "VOC_CALL",
          site: "CALLCENTER",
          touchpoint: "프런트 체크인",
          expectationScore: 6,
          experiencedScore: 2,
        },
      ]);
  });

  test("an entry the server refuses is shown as failed with its reason, survives a reload, and can be discarded", async ({
    page,
    context,
    browser,
  }) => {
    const marker = `e2e-refused-${randomUUID()}`;
    // A journey of this test's own, switched to on the phone (the choice is kept on the device).
    const manager = await signedInPage(browser, "MANAGER");
    await manager.goto("/journeys/templates");
    await manager.getByTestId("template-virgin-atlantic-airline").getByRole("button").click();
    await expect(manager).toHaveURL(/\/journeys\/(?!templates$)[\w-]+$/); // the new journey, not the gallery still

    await signIn(page, demoEmail("FRONTLINE"));
    const journeys = page.getByLabel("고객 여정");
    const virgin = (await journeys
      .locator("option", { hasText: "버진 아틀란틱" })
      .last()
      .getAttribute("value"))!;
    await journeys.selectOption(virgin);
    await expect(journeys).toHaveValue(virgin);
    await page.reload();
    await expect(page.getByLabel("고객 여정")).toHaveValue(virgin);

    await context.setOffline(true);
    await expect(page.getByTestId("offline-notice")).toBeVisible();
    const option = page.getByTestId("touchpoint-option").first();
    const label = (await option.locator("span > span").first().textContent())!;
    await option.click();
    await page.getByTestId("segment").getByText("첫 방문 고객", { exact: true }).click();
    await tapScore(page, "expectation", 6);
    await tapScore(page, "experienced", 6);
    await page.getByTestId("more").locator("summary").click();
    await page.getByTestId("frontline-form").getByLabel("코멘트").fill(marker);
    await page.getByTestId("save-observation").click();
    await expect(waiting(page)).toHaveAttribute("data-count", "1");

    // Meanwhile the journey is archived: its touchpoints take no new observations.
    manager.on("dialog", (confirm) => void confirm.accept());
    await manager.getByRole("button", { name: "보관", exact: true }).click();
    await expect(manager.getByText("보관된 여정입니다.")).toBeVisible();

    await context.setOffline(false);
    const failed = page.getByTestId("failed-entries");
    await expect(failed).toContainText("서버가 거부한 기록 1건", { timeout: 30_000 });
    await expect(failed).toContainText(label);
    await expect(failed).toContainText("보관된 여정의 접점에는 새 관측을 기록할 수 없습니다.");
    await expect(waiting(page)).toHaveAttribute("data-count", "0");
    // It stays through a reload until the user discards it.
    await page.reload();
    await expect(page.getByTestId("failed-entries")).toContainText(label);
    await page.getByRole("button", { name: `${label} 기록 삭제` }).click();
    await expect(page.getByTestId("failed-entries")).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId("queue-waiting")).toHaveAttribute("data-count", "0");
    await expect(page.getByTestId("failed-entries")).toHaveCount(0);
    expect(
      await queryE2eDatabase(`SELECT id FROM "Observation" WHERE comment = $1`, [marker]),
    ).toEqual([]);
  });
});
