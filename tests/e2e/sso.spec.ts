import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_PORT } from "@/playwright.config";
import { startTestOidcProvider, type TTestOidcProvider } from "../support/oidc-provider";
import { queryE2eDatabase } from "./e2e-database";
import { signedInPage } from "./fixtures";

// Single sign-on end to end: a real OpenID Connect provider on the loopback
// (tests/support/oidc-provider.ts), the demo admin configuring it on the admin page, then people
// signing in through it in fresh browsers. The domain is this spec's own, so other specs (which
// share the database) are not affected.

const DOMAIN = "sso-e2e.test";
const NEWCOMER = { email: `new.manager@${DOMAIN}`, emailVerified: true, name: "SSO 신규 매니저" };
const OUTSIDER = { email: "outsider@elsewhere-e2e.test", emailVerified: true, name: "Outsider" };
let idp: TTestOidcProvider;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  idp = await startTestOidcProvider({
    redirectUris: [`http://localhost:${E2E_PORT}/sso/callback`],
  });
  idp.addAccount(NEWCOMER);
  idp.addAccount(OUTSIDER);
});
test.afterAll(() => idp?.stop());

/** A fresh browser (no session) through "Sign in with SSO" as `typed`, logging in at the provider as `account`. */
async function signInWithSso(browser: Browser, typed: string, account: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByRole("button", { name: "SSO로 로그인" }).click();
  const form = page.getByTestId("sso-sign-in-form");
  await form.getByLabel("회사 이메일").fill(typed);
  await form.getByRole("button", { name: "SSO로 로그인" }).click();
  await page.waitForURL(`${idp.issuer}/interaction/**`);
  await page.getByLabel("Email").fill(account);
  await page.getByRole("button", { name: "Sign in to the test IdP" }).click();
  return page;
}

test("an admin configures SSO; a new person of the domain signs in with the configured role, one outside it is refused", async ({
  browser,
}) => {
  const admin = await signedInPage(browser, "ADMIN");
  await admin.goto("/admin/sso");
  await expect(admin.getByTestId("sso-redirect-uri")).toHaveText(
    `http://localhost:${E2E_PORT}/sso/callback`,
  );
  const form = admin.getByTestId("sso-connection-form");
  await form.getByLabel("발급자(Issuer) URL").fill(idp.issuer);
  await form.getByLabel("클라이언트 ID").fill(idp.clientId);
  await form.getByLabel("클라이언트 시크릿").fill(idp.clientSecret);
  await form.getByLabel("이메일 도메인").fill(DOMAIN);
  await form.getByLabel("새 사용자의 역할").selectOption("MANAGER");
  await form.getByLabel("SSO 로그인 허용").check();
  await form.getByRole("button", { name: "저장" }).click();
  await expect(form.getByTestId("notice-success")).toHaveText("통합 로그인 설정을 저장했습니다.");

  // Reloaded, the secret is write-only: not in the page, only that one is stored.
  await admin.reload();
  await expect(form.getByLabel("클라이언트 시크릿")).toHaveValue("");
  await expect(admin.getByText("시크릿이 저장되어 있습니다.", { exact: false })).toBeVisible();
  expect(await admin.content()).not.toContain(idp.clientSecret);
  await expect(form.getByLabel("이메일 도메인")).toHaveValue(DOMAIN);

  // A new person of the domain: created as a MANAGER, signed in, no password.
  const newcomer = await signInWithSso(browser, NEWCOMER.email, NEWCOMER.email);
  await expect(newcomer.getByTestId("current-user")).toHaveText(NEWCOMER.name);
  await expect(newcomer).toHaveURL(/\/overview$/);
  expect((await newcomer.goto("/admin/sso"))?.status()).toBe(403);
  const [row] = await queryE2eDatabase<{ role: string; passwordHash: string | null }>(
    `SELECT u.role, u."passwordHash" FROM "User" u JOIN "Organization" o ON o.id = u."organizationId"
     WHERE u.email = $1 AND o.slug = 'demo'`,
    [NEWCOMER.email],
  );
  expect(row).toEqual({ role: "MANAGER", passwordHash: null });

  // Someone the provider vouches for outside the domain, though they typed an allowed email.
  const outsider = await signInWithSso(browser, `someone@${DOMAIN}`, OUTSIDER.email);
  await expect(outsider).toHaveURL(/\/login\?sso=domain_not_allowed$/);
  await expect(outsider.getByTestId("sso-refusal")).toHaveText(
    "이 이메일의 도메인은 조직의 통합 로그인 대상이 아닙니다. 관리자에게 문의하세요.",
  );
  await outsider.goto("/overview");
  await expect(outsider).toHaveURL(/\/login$/);
  expect(await queryE2eDatabase(`SELECT 1 FROM "User" WHERE email = $1`, [OUTSIDER.email])).toEqual(
    [],
  );

  // The configuration, the sign-in and the refusal are in the audit log.
  const audited = await queryE2eDatabase<{ action: string; email: string | null }>(
    `SELECT action, details->>'email' AS email FROM "AuditLog"
     WHERE action IN ('sso.create', 'sso.update', 'auth.sso_sign_in', 'auth.sso_refused')
       AND (details->>'email' IN ($1, $2) OR action LIKE 'sso.%')
     ORDER BY id`,
    [NEWCOMER.email, OUTSIDER.email],
  );
  expect(audited).toEqual([
    { action: "sso.create", email: null },
    { action: "auth.sso_sign_in", email: NEWCOMER.email },
    { action: "auth.sso_refused", email: OUTSIDER.email },
  ]);
});

test("an email whose domain has no SSO is told so at once, without leaving the page", async ({
  browser,
}) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByRole("button", { name: "SSO로 로그인" }).click();
  const form = page.getByTestId("sso-sign-in-form");
  await form.getByLabel("회사 이메일").fill("someone@no-sso-e2e.test");
  await form.getByRole("button", { name: "SSO로 로그인" }).click();
  await expect(form.getByTestId("sso-refusal")).toHaveText(
    "이 이메일 도메인에는 통합 로그인이 설정되어 있지 않습니다. 비밀번호로 로그인하거나 관리자에게 문의하세요.",
  );
  await expect(page).toHaveURL(/\/login$/);
});
