import { expect, test } from "@playwright/test";
import { signedInPage } from "./fixtures";

// A manager imports survey responses: upload, map the columns (saved for next time), preview
// with a bad row reported, import the valid rows only, then import the same file again: 0 new.
// Other specs share the database: this one makes its own journey and looks only at what it made.

test("a manager imports a survey CSV, valid rows only, and a re-import adds nothing", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "MANAGER");
  await page.setViewportSize({ width: 1440, height: 900 });

  // A journey of our own, from the Hilton template (its touchpoints: 전화 예약, 인터넷 예약, …).
  await page.goto("/journeys/templates");
  await page.getByTestId("template-hilton-hotel-stay").getByRole("button").click();
  await expect(page).toHaveURL(/\/journeys\/(?!templates$)[\w-]+$/);
  const journeyId = new URL(page.url()).pathname.split("/").pop()!;

  // From the Measure page to the import page.
  await page.goto("/measure");
  await page.getByTestId("survey-import-link").click();
  await expect(page).toHaveURL(/\/measure\/import$/);

  const marker = `e2e-${Date.now()}`;
  const csv = [
    "응답ID,접점,응답일,경험,NPS,의견",
    `${marker}-1,전화 예약,2026-11-20 10:00,6,9,친절했어요`,
    `${marker}-2,인터넷 예약,2026-11-20 11:00,5,8,"빠르고, 편했어요"`,
    `${marker}-3,Booking online,2026-11-21,4,7,`,
    `${marker}-4,없는 접점,2026-11-21,3,2,`,
  ].join("\r\n");
  const file = { name: `${marker}.csv`, mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}`) };
  const fileInput = page.getByLabel("파일 (CSV 또는 XLSX, 최대 50MB)");
  const wizard = page.getByTestId("import-wizard");

  // Upload: the columns are guessed from the Korean headers; the journey is ours to pick.
  await fileInput.setInputFiles(file);
  const mappingForm = page.getByTestId("mapping-form");
  await expect(mappingForm).toBeVisible();
  await mappingForm.getByLabel("여정", { exact: true }).selectOption(journeyId);
  await expect(mappingForm.locator('select[data-field="nps"]')).toHaveValue("NPS");

  // Save the mapping under a name of our own, for the second upload.
  await wizard.getByLabel("이 열 연결을 저장할 이름").fill(`설문 도구 ${marker}`);
  await wizard.getByRole("button", { name: "열 연결 저장" }).click();
  await expect(wizard.getByText("열 연결을 저장했습니다.")).toBeVisible();

  // Preview: three valid rows, one error on line 5, nothing stored yet.
  await wizard.getByRole("button", { name: "미리 보기", exact: true }).click();
  await expect(page.getByTestId("preview-counts")).toHaveText(
    "4행 · 유효 3 · 오류 1 · 이미 가져옴 0",
  );
  await expect(page.getByTestId("preview-table").locator("tbody tr")).toHaveCount(3);
  const rowError = page.getByTestId("import-preview").getByTestId("row-error");
  await expect(rowError).toHaveCount(1);
  await expect(rowError).toContainText("행 5");
  await expect(rowError).toContainText("고른 여정에 이 이름의 접점이 없습니다.");

  // Import the valid rows only.
  await page.getByRole("radio", { name: /유효한 행만 가져오기/ }).check();
  await page.getByTestId("run-import").click();
  const result = page.getByTestId("import-result");
  await expect(result).toHaveAttribute("data-status", "COMPLETED", { timeout: 30_000 });
  await expect(result.getByTestId("notice-success")).toHaveText(
    "가져왔습니다: 새 관측 3건, 이미 가져온 행 0건, 오류로 건너뛴 행 1건.",
  );
  await expect(result.getByTestId("row-error")).toContainText("행 5");
  await expect(
    page.getByTestId("import-history").getByRole("row", { name: new RegExp(marker) }),
  ).toHaveCount(1);

  // The same file again: the saved mapping is suggested and applied, and nothing new is stored.
  await result.getByRole("button", { name: "다른 파일 가져오기" }).click();
  await fileInput.setInputFiles(file);
  await expect(
    wizard.getByText(`이 파일의 열이 저장된 열 연결 “설문 도구 ${marker}”과 맞아 적용했습니다.`),
  ).toBeVisible();
  await expect(page.getByTestId("preview-counts")).toHaveText(
    "4행 · 유효 3 · 오류 1 · 이미 가져옴 3",
  );
  await page.getByRole("radio", { name: /유효한 행만 가져오기/ }).check();
  await page.getByTestId("run-import").click();
  await expect(page.getByTestId("import-result").getByTestId("notice-success")).toHaveText(
    "가져왔습니다: 새 관측 0건, 이미 가져온 행 3건, 오류로 건너뛴 행 1건.",
    { timeout: 30_000 },
  );
  await expect(
    page.getByTestId("import-history").getByRole("row", { name: new RegExp(marker) }),
  ).toHaveCount(2);
});

test("frontline staff cannot open the import page", async ({ browser }) => {
  const page = await signedInPage(browser, "FRONTLINE");
  expect((await page.goto("/measure/import"))?.status()).toBe(403);
});
