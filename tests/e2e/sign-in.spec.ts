import { expect, test } from "@playwright/test";
import { demoEmail, signIn, signedInPage } from "./fixtures";

test.describe("sign-in", () => {
  test("bad input gets a clear message and keeps the visitor on the sign-in page", async ({
    page,
  }) => {
    await page.goto("/login");
    await page.locator('input[name="email"]').fill("not-an-email");
    await page.locator('button[type="submit"]').click();
    await expect(page.getByTestId("field-error").first()).toHaveText(
      "올바른 이메일 주소를 입력하세요.",
    );
    await expect(page.getByTestId("field-error").nth(1)).toHaveText("비밀번호를 입력하세요.");

    await page.locator('input[name="email"]').fill(demoEmail("MANAGER"));
    await page.locator('input[name="password"]').fill("wrong-password");
    await page.locator('button[type="submit"]').click();
    await expect(page.getByTestId("notice-error")).toHaveText(
      "이메일 또는 비밀번호가 올바르지 않거나 비활성화된 계정입니다.",
    );
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.locator('input[name="email"]')).toHaveValue(demoEmail("MANAGER"));
  });

  test("a signed-out visitor is sent to the sign-in page", async ({ page }) => {
    await page.goto("/measure");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("the language switch changes the whole interface and is remembered", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Moments 로그인");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Moments");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    await signIn(page, demoEmail("MANAGER"));
    await expect(
      page.getByRole("navigation").getByRole("link", { name: "Journeys" }),
    ).toBeVisible();
    await page.getByRole("button", { name: "한국어" }).click();
    await expect(
      page.getByRole("navigation").getByRole("link", { name: "고객 여정" }),
    ).toBeVisible();
    await page.reload();
    await expect(
      page.getByRole("navigation").getByRole("link", { name: "고객 여정" }),
    ).toBeVisible();
  });
});

test.describe("what each role sees", () => {
  const navOf = async (
    role: "ADMIN" | "MANAGER" | "FRONTLINE" | "EXECUTIVE",
    browser: import("@playwright/test").Browser,
  ) => {
    const page = await signedInPage(browser, role);
    const links = await page.getByRole("navigation").getByRole("link").allTextContents();
    await page.context().close();
    return links;
  };

  test("the navigation shows each role its own areas", async ({ browser }) => {
    expect(await navOf("ADMIN", browser)).toEqual([
      "한눈에 보기",
      "고객 여정",
      "측정",
      "분석",
      "개선",
      "관리",
      "서비스 약속",
      "현장 기록",
      "후속 조치",
      "사용자",
      "API 키",
      "통합 로그인(SSO)",
      "감사 로그",
    ]);
    expect(await navOf("MANAGER", browser)).toEqual([
      "한눈에 보기",
      "고객 여정",
      "측정",
      "분석",
      "개선",
      "관리",
      "서비스 약속",
      "현장 기록",
      "후속 조치",
    ]);
    expect(await navOf("EXECUTIVE", browser)).toEqual([
      "한눈에 보기",
      "고객 여정",
      "측정",
      "분석",
      "개선",
      "관리",
      "서비스 약속",
      "후속 조치",
    ]);
    expect(await navOf("FRONTLINE", browser)).toEqual(["고객 여정", "현장 기록", "후속 조치"]);
  });

  test("frontline staff land on their page and are refused manager and admin pages", async ({
    browser,
  }) => {
    const page = await signedInPage(browser, "FRONTLINE");
    await expect(page).toHaveURL(/\/frontline$/);
    for (const path of ["/measure", "/improve", "/overview", "/admin/users"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByTestId("forbidden")).toBeVisible();
    }
  });

  test("a manager is refused the user administration", async ({ browser }) => {
    const page = await signedInPage(browser, "MANAGER");
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(403);
  });

  test("a frontline session calling a manager action is refused and nothing is stored", async ({
    browser,
  }) => {
    // The manager's page holds the create-journey action; the request then carries the
    // frontline user's session, as a forged call from a frontline device would.
    const manager = await signedInPage(browser, "MANAGER");
    const frontline = await signedInPage(browser, "FRONTLINE");
    await manager.goto("/journeys");

    await manager.context().clearCookies();
    await manager.context().addCookies(await frontline.context().cookies());
    const form = manager.getByTestId("create-journey-form");
    await form.getByLabel("이름 (한국어)").fill("권한 없는 여정");
    await form.getByRole("button", { name: "고객 여정 만들기" }).click();
    await expect(form.getByTestId("notice-error")).toHaveText(
      "현재 역할로는 할 수 없는 작업입니다.",
    );

    const check = await signedInPage(browser, "MANAGER");
    await check.goto("/journeys");
    await expect(check.getByRole("heading", { level: 1 })).toHaveText("고객 여정");
    await expect(check.getByText("권한 없는 여정")).toHaveCount(0);
  });
});
