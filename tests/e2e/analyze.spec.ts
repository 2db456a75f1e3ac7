import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { PLANTED_MOT } from "@/prisma/seed/demo-observations";
import { signedInPage } from "./fixtures";

// Analyze the planted problem of the SK Telecom demo journey: it heads the priorities, two causes
// are recorded, and the Pareto charts of causes and of comment themes show them.
test("the demo manager analyzes the planted MOT: two causes, their Pareto, and the comment themes", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "MANAGER");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/analyze");

  const first = page.getByTestId("analyze-priorities").getByRole("listitem").first();
  await expect(first).toContainText(`1. ${PLANTED_MOT.nameKo}`);
  const open = first.getByRole("link", { name: "분석 열기" });
  if (await open.count()) await open.click();
  else await first.getByRole("button", { name: "분석하기" }).click();
  await expect(page).toHaveURL(/\/analyze\/[\w-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(PLANTED_MOT.nameKo);

  const marker = randomUUID().slice(0, 8);
  const form = page.getByTestId("cause-form");
  for (const [dimension, cause, need, frequency] of [
    ["FRONTLINE_STAFF", `상담 인력이 피크 시간에 부족 ${marker}`, "기다리지 않고 상담받기", "42"],
    [
      "MARKETING_COMMUNICATION",
      `요금제 비교표가 복잡함 ${marker}`,
      "내 사용량에 맞는 요금을 한눈에",
      "17",
    ],
  ] as const) {
    await form.getByLabel("차원").selectOption(dimension);
    await form.getByLabel("원인", { exact: true }).fill(cause);
    await form.getByLabel("충족되지 않은 니즈").fill(need);
    await form.getByLabel("빈도").fill(frequency);
    await form.getByRole("button", { name: "원인 추가" }).click();
    await expect(
      page.getByTestId(`causes-${dimension}`).getByTestId("cause").filter({ hasText: cause }),
    ).toHaveCount(1);
  }

  // The Pareto of causes, as a table: the more frequent cause first.
  const pareto = page.getByTestId("cause-pareto");
  await pareto.getByRole("button", { name: "표", exact: true }).click();
  const rows = pareto.getByRole("row").filter({ hasText: marker });
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("상담 인력이 피크 시간에 부족");

  // What customers said there: waiting heads the comment themes.
  const themes = page.getByTestId("theme-pareto");
  await expect(themes.getByTestId("chart-empty")).toHaveCount(0);
  await expect(themes).toContainText("대기");
});
