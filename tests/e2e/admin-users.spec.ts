import { expect, test, type Page } from "@playwright/test";
import { signIn, signedInPage } from "./fixtures";

async function addUser(
  admin: Page,
  user: { email: string; name: string; role: string; password: string },
) {
  const form = admin.getByTestId("create-user-form");
  await form.getByLabel("이메일").fill(user.email);
  await form.getByLabel("이름").fill(user.name);
  await form.getByLabel("역할").selectOption(user.role);
  await form.getByLabel("초기 비밀번호").fill(user.password);
  await form.getByRole("button", { name: "사용자 추가" }).click();
}

test.describe("user administration", () => {
  test("bad input is refused with a message per field and nothing is added", async ({
    browser,
  }) => {
    const admin = await signedInPage(browser, "ADMIN");
    await admin.goto("/admin/users");
    const rowsBefore = await admin.getByTestId("user-table").locator("tbody tr").count();

    await addUser(admin, { email: "not an email", name: "", role: "MANAGER", password: "short" });
    const form = admin.getByTestId("create-user-form");
    await expect(form.getByTestId("notice-error")).toHaveText("확인이 필요한 항목이 있습니다.");
    await expect(form.getByTestId("field-error")).toHaveText([
      "올바른 이메일 주소를 입력하세요.",
      "필수 항목입니다.",
      "12자 이상이어야 합니다.",
    ]);
    await expect(form.getByLabel("이메일")).toHaveValue("not an email");

    await addUser(admin, {
      email: "manager@demo.moments",
      name: "Duplicate",
      role: "MANAGER",
      password: "long-enough-password",
    });
    await expect(form.getByTestId("field-error")).toHaveText([
      "이 이메일을 쓰는 사용자가 이미 있습니다.",
    ]);

    await admin.reload();
    await expect(admin.getByTestId("user-table").locator("tbody tr")).toHaveCount(rowsBefore);
  });

  test("an admin adds a user, changes the role and deactivates them; each takes effect at the user's next request", async ({
    browser,
  }) => {
    const admin = await signedInPage(browser, "ADMIN");
    await admin.goto("/admin/users");
    const email = `new.manager.${Date.now()}@demo.moments`;
    await addUser(admin, {
      email,
      name: "새 매니저",
      role: "MANAGER",
      password: "a-long-password-1",
    });
    await expect(admin.getByTestId("create-user-form").getByTestId("notice-success")).toBeVisible();
    const row = admin.getByTestId(`user-row-${email}`);
    await expect(row).toContainText("새 매니저");

    const userContext = await browser.newContext();
    const user = await userContext.newPage();
    await signIn(user, email, "a-long-password-1");
    expect((await user.goto("/measure"))?.status()).toBe(200);

    const table = admin.getByTestId("user-table").locator("..");
    await row.getByRole("combobox").selectOption("FRONTLINE");
    await expect(table.getByTestId("notice-success")).toHaveText("저장했습니다.");
    await expect(row.getByRole("combobox")).toHaveValue("FRONTLINE");
    // The role change revoked the session: the next request is sent to sign in again.
    await user.goto("/measure");
    await expect(user).toHaveURL(/\/login$/);
    await signIn(user, email, "a-long-password-1");
    expect((await user.goto("/measure"))?.status()).toBe(403);

    await row.getByRole("button", { name: "비활성화" }).click();
    await expect(row.getByTestId("user-status")).toHaveText("비활성");
    await user.goto("/frontline");
    await expect(user).toHaveURL(/\/login$/);
    await user.locator('input[name="email"]').fill(email);
    await user.locator('input[name="password"]').fill("a-long-password-1");
    await user.locator('button[type="submit"]').click();
    await expect(user.getByTestId("notice-error")).toBeVisible();
  });

  test("screenshot of the admin's users page", async ({ browser }, testInfo) => {
    const admin = await signedInPage(browser, "ADMIN");
    await admin.setViewportSize({ width: 1280, height: 800 });
    await admin.goto("/admin/users");
    await expect(admin.getByTestId("user-table")).toBeVisible();
    const path = testInfo.outputPath("admin-users.png");
    await admin.screenshot({ path, fullPage: true });
    await testInfo.attach("admin-users", { path, contentType: "image/png" });
  });
});
