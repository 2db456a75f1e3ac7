import { rmSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { startInbox, type TInbox } from "../support/smtp-inbox";
import { demoEmail, signIn } from "./fixtures";
import { startApp, stopAllRuns, waitForReady } from "./npm-start";

// A real organization's first day, as its IT team would live it: a fresh data directory, `npm
// start` serving the network (HOSTNAME=0.0.0.0) with mail through a real SMTP server on the
// loopback. The demo accounts are refused; /setup with the printed one-time token creates the
// organization and its admin; the admin invites a manager by email; the manager sets a password
// from the link in the message, signs in and sees an empty organization; the token is spent.

const PORT = 3250;
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = path.resolve(".data/e2e-go-live");
const ADMIN = {
  name: "Kim Minji",
  email: "minji@hana-card.example",
  password: "river-lantern-copper-kite",
};
const MANAGER = {
  name: "Park Jisu",
  email: "jisu@hana-card.example",
  password: "maple-harbor-violet",
};

let inbox: TInbox;
test.describe.configure({ mode: "serial", timeout: 300_000 });
test.beforeAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  inbox = await startInbox();
});
test.afterAll(async () => {
  await stopAllRuns();
  await inbox?.close();
});

async function fill(page: Page, fields: Record<string, string>) {
  for (const [name, value] of Object.entries(fields))
    await page.locator(`[name="${name}"]`).fill(value);
}

test("a fresh install: setup with the printed token, an invitation by email, demo accounts refused", async ({
  browser,
}) => {
  const run = startApp({
    port: PORT,
    dataDir,
    env: { HOSTNAME: "0.0.0.0", SMTP_URL: inbox.url, MOMENTS_PUBLIC_URL: BASE },
  });
  await waitForReady(run);
  expect(run.output()).toContain("The demo accounts are refused");
  const setupUrl = run.output().match(/http:\/\/127\.0\.0\.1:3250\/setup\?token=[\w-]+/)?.[0];
  expect(setupUrl).toBeTruthy();
  // The token is also kept where only the server's user can read it.
  expect(statSync(path.join(dataDir, "setup-token")).mode & 0o777).toBe(0o600);

  const admin = await (await browser.newContext({ baseURL: BASE })).newPage();

  // The demo's published password opens nothing on a server the network reaches.
  await admin.goto("/login");
  await fill(admin, { email: demoEmail("ADMIN"), password: "moments-demo" });
  await admin.locator('button[type="submit"]').click();
  await expect(
    admin.getByRole("alert").filter({ hasText: /데모 계정|demo accounts/ }),
  ).toBeVisible();

  // Setup with the token from the console.
  await admin.goto(setupUrl!);
  await fill(admin, {
    organizationName: "Hana Card",
    slug: "hana-card",
    adminName: ADMIN.name,
    adminEmail: ADMIN.email,
    password: ADMIN.password,
  });
  await admin.getByTestId("setup-form").locator('button[type="submit"]').click();
  await expect(admin).toHaveURL(/\/login\?welcome=setup/);
  await signIn(admin, ADMIN.email, ADMIN.password);

  // The admin invites a manager; the invitation arrives by SMTP.
  await admin.goto("/admin/users");
  const invite = admin.getByTestId("invite-user-form");
  await invite.locator('[name="email"]').fill(MANAGER.email);
  await invite.locator('[name="role"]').selectOption("MANAGER");
  await invite.locator('[name="locale"]').selectOption("en");
  await invite.locator('button[type="submit"]').click();
  await expect(invite.getByText(MANAGER.email)).toBeVisible();
  await expect(admin.getByTestId("invitation-list")).toContainText(MANAGER.email);
  await expect.poll(() => inbox.to(MANAGER.email).length, { timeout: 20_000 }).toBe(1);
  const mail = inbox.to(MANAGER.email)[0]!;
  expect(mail.subject).toBe("You are invited to Hana Card on Moments");
  const link = mail.text?.match(/http:\/\/127\.0\.0\.1:3250\/invite\/[\w-]+/)?.[0];
  expect(link).toBeTruthy();

  // The manager, on their own browser, sets a password and signs in to an empty organization.
  const manager = await (await browser.newContext({ baseURL: BASE })).newPage();
  await manager.goto(link!);
  await expect(manager.locator('[name="email"]')).toHaveValue(MANAGER.email);
  await fill(manager, { name: MANAGER.name, password: MANAGER.password });
  await manager.getByTestId("invitation-form").locator('button[type="submit"]').click();
  await expect(manager).toHaveURL(/\/login\?welcome=invite/);
  await signIn(manager, MANAGER.email, MANAGER.password);
  await expect(manager.getByTestId("current-user")).toHaveText(MANAGER.name);
  await manager.goto("/journeys");
  await expect(manager.getByTestId("journey-list")).toHaveCount(0);
  await expect(manager.getByText(/여정이 없습니다|No journeys yet/).first()).toBeVisible();

  // The invitation link and the setup token no longer work.
  await manager.goto(link!);
  await expect(manager.getByTestId("link-refused")).toBeVisible();
  await admin.goto(setupUrl!);
  await expect(admin.getByTestId("setup-form")).toHaveCount(0);
  await expect(admin.getByRole("link", { name: /로그인으로 이동|Go to sign-in/ })).toBeVisible();
});
