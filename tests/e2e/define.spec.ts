import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./fixtures";

const SKT_NAME = "이동통신 가입 생애주기 (SK텔레콤 사례)";

async function stageNames(page: Page) {
  return page.getByTestId("stage-name").allTextContents();
}

test.describe("Define: a journey from a template, edited, exported, deleted and imported back", () => {
  test("the demo manager works through the SK Telecom template", async ({ browser }, testInfo) => {
    const page = await signedInPage(browser, "MANAGER");
    await page.setViewportSize({ width: 1440, height: 900 });

    // Create the journey from the template gallery: one click.
    await page.goto("/journeys/templates");
    const card = page.getByTestId("template-skt-mobile-lifecycle");
    await expect(card).toContainText("단계 29개 · 접점 117개");
    await card.getByRole("button", { name: `${SKT_NAME} 템플릿으로 만들기` }).click();
    await expect(page).toHaveURL(/\/journeys\/(?!templates$)[\w-]+$/);
    const board = page.getByTestId("journey-board");
    await expect(board.getByTestId("stage-column")).toHaveCount(29);
    await expect(board.getByTestId("touchpoint-card")).toHaveCount(117);
    const journeyUrl = page.url();

    // Mark a Moment of Truth with the star on its card.
    const motCount = await board
      .locator('[data-testid="touchpoint-card"][data-mot="true"]')
      .count();
    const firstCard = board.getByTestId("touchpoint-card").first();
    await expect(firstCard).toHaveAttribute("data-mot", "false");
    await firstCard.getByRole("button", { name: /진실의 순간 표시$/ }).click();
    await expect(firstCard).toHaveAttribute("data-mot", "true");
    await expect(board.locator('[data-testid="touchpoint-card"][data-mot="true"]')).toHaveCount(
      motCount + 1,
    );

    // Record what two segments expect at that MOT.
    await firstCard.getByRole("button", { name: /열기$/ }).click();
    const dialog = page.getByRole("dialog");
    for (const [segment, needs, level] of [
      ["First-time customer", "광고에서 본 요금이 실제와 같기를 기대한다", "6"],
      ["Repeat customer", "기존 고객 혜택이 함께 안내되기를 바란다", "5"],
    ] as const) {
      const row = dialog.getByTestId(`expectation-${segment}`);
      await row.getByLabel("니즈").fill(needs);
      await row.getByLabel("기대 수준").selectOption(level);
      await row.getByRole("button", { name: "저장" }).click();
      await expect(row.getByTestId("notice-success")).toHaveText("기대 수준을 저장했습니다.");
    }
    await dialog.getByRole("button", { name: "닫기" }).click();

    // Reorder a stage with its keyboard-reachable button.
    const before = await stageNames(page);
    await board.getByRole("button", { name: `${before[0]} 단계를 뒤로` }).click();
    await expect.poll(() => stageNames(page)).toEqual([before[1], before[0], ...before.slice(2)]);
    // The order shows at once; wait until it is saved before reloading.
    await expect(board).not.toHaveAttribute("aria-busy", "true");
    await page.reload();
    await expect.poll(() => stageNames(page)).toEqual([before[1], before[0], ...before.slice(2)]);

    await page.screenshot({ path: testInfo.outputPath("skt-journey-map.png") });
    await testInfo.attach("skt-journey-map", {
      path: testInfo.outputPath("skt-journey-map.png"),
      contentType: "image/png",
    });

    // Export as JSON (expectations included) and as CSV.
    const [jsonDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "JSON 내보내기" }).click(),
    ]);
    const jsonPath = testInfo.outputPath("skt.json");
    await jsonDownload.saveAs(jsonPath);
    const exported = JSON.parse(await readFile(jsonPath, "utf8"));
    expect(exported.stages).toHaveLength(29);
    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "CSV 내보내기" }).click(),
    ]);
    const csv = await readFile((await csvDownload.path())!, "utf8");
    expect(csv.trim().split(/\r\n/)).toHaveLength(1 + 117);

    // Delete: archive first, then delete for good.
    page.on("dialog", (confirm) => void confirm.accept());
    await page.getByRole("button", { name: "보관", exact: true }).click();
    await expect(page.getByText("보관된 여정입니다.")).toBeVisible();
    await page.getByRole("button", { name: "영구 삭제" }).click();
    await expect(page).toHaveURL(/\/journeys$/);
    expect((await page.goto(journeyUrl))?.status()).toBe(404);

    // Import the JSON back: the same journey, MOT and expectations included.
    await page.goto("/journeys");
    const importForm = page.getByTestId("import-journey-form");
    await importForm.getByLabel("파일 (CSV 또는 JSON, 최대 2MB)").setInputFiles(jsonPath);
    await importForm.getByRole("button", { name: "가져오기" }).click();
    await expect(page).toHaveURL(/\/journeys\/[\w-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SKT_NAME);
    await expect(board.getByTestId("touchpoint-card")).toHaveCount(117);
    await expect(board.locator('[data-testid="touchpoint-card"][data-mot="true"]')).toHaveCount(
      motCount + 1,
    );
    expect(await stageNames(page)).toEqual([before[1], before[0], ...before.slice(2)]);
    await board.getByRole("button", { name: /열기$/ }).nth(4).click();
    await expect(
      page.getByRole("dialog").getByTestId("expectation-First-time customer").getByLabel("니즈"),
    ).toHaveValue("광고에서 본 요금이 실제와 같기를 기대한다");
  });

  test("a bad file is reported row by row and nothing is imported", async ({ browser }) => {
    const page = await signedInPage(browser, "MANAGER");
    await page.goto("/journeys");
    const importForm = page.getByTestId("import-journey-form");
    const header =
      "stage_order,stage_name_ko,stage_name_en,stage_description,touchpoint_order,touchpoint_name_ko,touchpoint_name_en,touchpoint_description,channel,dimension,is_mot,drivers";
    const csv = [
      header,
      "1,예약,Booking,,1,전화 예약,Phone booking,,PHONE,FRONTLINE_STAFF,false,",
      "1,예약,Booking,,1,웹 예약,Web booking,,WEB,PRICE,false,",
      '1,예약,Booking,,2,=HYPERLINK("x"),Link,,WEB,PRODUCT_SERVICE,false,',
    ].join("\n");
    await importForm
      .getByLabel("파일 (CSV 또는 JSON, 최대 2MB)")
      .setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await importForm.getByLabel("이름 (한국어)").fill("잘못된 파일");
    await importForm.getByRole("button", { name: "가져오기" }).click();
    const report = importForm.getByTestId("import-report");
    await expect(report).toContainText("아무것도 가져오지 않았습니다");
    await expect(report.locator("li")).toHaveText([
      /^3행 touchpoint_order 같은 단계에 같은 순서/,
      /^4행 touchpoint_name_ko 수식처럼 보이는 셀/,
    ]);
    // Other tests run alongside and add journeys of their own: look for this file's name only.
    await page.reload();
    await expect(page.getByText("잘못된 파일")).toHaveCount(0);
  });

  test("frontline staff read the map but get no editing controls", async ({ browser }) => {
    const manager = await signedInPage(browser, "MANAGER");
    await manager.goto("/journeys/templates");
    await manager.getByTestId("template-hilton-hotel-stay").getByRole("button").click();
    await expect(manager).toHaveURL(/\/journeys\/(?!templates$)[\w-]+$/); // the new journey, not the gallery still
    const frontline = await signedInPage(browser, "FRONTLINE");
    expect((await frontline.goto(manager.url()))?.status()).toBe(200);
    await expect(frontline.getByTestId("touchpoint-card")).toHaveCount(17);
    await expect(frontline.getByRole("button", { name: "단계 추가" })).toHaveCount(0);
    await expect(frontline.getByRole("button", { name: /단계를 뒤로$/ })).toHaveCount(0);
    await expect(frontline.getByRole("button", { name: "보관", exact: true })).toHaveCount(0);
  });
});
