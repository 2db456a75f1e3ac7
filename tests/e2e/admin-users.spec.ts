import { expect, test, type Page } from "@playwright/test";
import { signIn, signedInPage } from "./fixtures";

/** Invites through the admin's form; no mail here, so the link is shown to hand over. */
async function invite(admin: Page, user: { email: string; role: string }) {
  const form = admin.getByTestId("invite-user-form");
  await form.getByLabel("이메일").fill(user.email);
  await form.getByLabel("역할").selectOption(user.role);
  await form.getByRole("button", { name: "초대 보내기" }).click();
}

/** Opens a single-use link in its own browser and chooses a password (and a name, for an invitation). */
async function useLink(page: Page, link: string, fields: Record<string, string>) {
  await page.goto(link);
  for (const [name, value] of Object.entries(fields))
    await page.locator(`[name="${name}"]`).fill(value);
  await page.locator('form button[type="submit"]').click();
  await expect(page).toHaveURL(/\/login\?welcome=/);
}

test.describe("user administration", () => {
  test("bad input is refused with a message per field and nothing is added", async ({
    browser,
  }) => {
    const admin = await signedInPage(browser, "ADMIN");
    await admin.goto("/admin/users");
    const rowsBefore = await admin.getByTestId("user-table").locator("tbody tr").count();

    await invite(admin, { email: "not an email", role: "MANAGER" });
    const form = admin.getByTestId("invite-user-form");
    await expect(form.getByTestId("notice-error")).toHaveText("확인이 필요한 항목이 있습니다.");
    await expect(form.getByTestId("field-error")).toHaveText(["올바른 이메일 주소를 입력하세요."]);
    await expect(form.getByLabel("이메일")).toHaveValue("not an email");

    await invite(admin, { email: "manager@demo.moments", role: "MANAGER" });
    await expect(form.getByTestId("field-error")).toHaveText([
      "이 이메일을 쓰는 사용자가 이미 있습니다.",
    ]);

    await admin.reload();
    await expect(admin.getByTestId("user-table").locator("tbody tr")).toHaveCount(rowsBefore);
    await expect(admin.getByTestId("invitation-list")).toHaveCount(0);
  });

  test("an admin invites a user, who sets their own password; role change, reset link and deactivation each take effect at the user's next request", async ({
    browser,
  }) => {
    const admin = await signedInPage(browser, "ADMIN");
    await admin.goto("/admin/users");
    const email = `new.manager.${Date.now()}@demo.moments`;
    await invite(admin, { email, role: "MANAGER" });
    const link = await admin.getByTestId("issued-link").textContent();
    expect(link).toMatch(/\/invite\/[\w-]{43}$/);
    await expect(admin.getByTestId("invitation-list")).toContainText(email);

    const userContext = await browser.newContext();
    const user = await userContext.newPage();
    await useLink(user, link!, { name: "새 매니저", password: "a-long-password-1" });
    await signIn(user, email, "a-long-password-1");
    await admin.reload();
    const row = admin.getByTestId(`user-row-${email}`);
    await expect(row).toContainText("새 매니저");
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

    // A reset link, handed over: the user chooses a new password; the old one stops working.
    admin.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: "재설정 링크" }).click();
    const resetLink = await admin.getByTestId("issued-link").textContent();
    expect(resetLink).toMatch(/\/reset-password\/[\w-]{43}$/);
    await useLink(user, resetLink!, { password: "a-new-long-password-2" });
    await signIn(user, email, "a-new-long-password-2");

    await row.getByRole("button", { name: "비활성화" }).click();
    await expect(row.getByTestId("user-status")).toHaveText("비활성");
    await user.goto("/frontline");
    await expect(user).toHaveURL(/\/login$/);
    await user.locator('input[name="email"]').fill(email);
    await user.locator('input[name="password"]').fill("a-new-long-password-2");
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
