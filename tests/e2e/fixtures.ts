import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/seed/demo-users";

export type TDemoRole = "ADMIN" | "MANAGER" | "FRONTLINE" | "EXECUTIVE";

export function demoEmail(role: TDemoRole): string {
  return DEMO_USERS.find((user) => user.role === role)!.email;
}

/** Signs in through the real form and waits for the signed-in shell. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** A fresh browser context (its own cookies) signed in as a demo role. */
export async function signedInPage(browser: Browser, role: TDemoRole): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demoEmail(role));
  return page;
}
