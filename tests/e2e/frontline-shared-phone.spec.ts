import { devices, expect, test, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_USERS } from "@/prisma/seed/demo-users";
import { demoEmail, signIn } from "./fixtures";

// A phone shared by a shift: the frontline service worker keeps the last user's pages for offline
// use, and those pages show that user's name, site and queue. Signing out deletes them; and the
// pages are kept per user, so another user signed in on the same phone — also after a session that
// simply ran out, without a sign-out — is never shown them, online or offline.
const pixel7 = Object.fromEntries(
  Object.entries(devices["Pixel 7"]).filter(([key]) => key !== "defaultBrowserType"),
);
test.use(pixel7);

const frontlineName = DEMO_USERS.find((user) => user.role === "FRONTLINE")!.name;

/** Whether any cache of this origin holds a frontline page. */
const hasCachedFrontlinePage = (page: Page) =>
  page.evaluate(async () => {
    for (const path of ["/frontline", "/frontline/call"])
      if (await caches.match(path, { ignoreSearch: true, ignoreVary: true })) return true;
    return false;
  });

/** Frontline staff open the logging page; the service worker keeps it for offline use. */
async function frontlineVisit(page: Page) {
  await signIn(page, demoEmail("FRONTLINE"));
  await expect(page).toHaveURL(/\/frontline$/);
  await expect(page.getByTestId("offline-ready")).toBeVisible();
  expect(await hasCachedFrontlinePage(page)).toBe(true);
}

/** Opens /frontline without a network: what the phone shows (null when nothing could be shown). */
async function openFrontlineOffline(page: Page, context: BrowserContext) {
  await context.setOffline(true);
  const response = await page.goto("/frontline").catch(() => null);
  const shownName = response
    ? await page
        .getByTestId("current-user")
        .textContent({ timeout: 2_000 })
        .catch(() => null)
    : null;
  await context.setOffline(false);
  return { isOfflineCopy: response?.headers()["x-moments-offline-copy"] === "1", shownName };
}

test.describe("the frontline pages on a shared phone", () => {
  test("signing out deletes the cached pages; the next user, offline, is not shown them", async ({
    page,
    context,
  }) => {
    await frontlineVisit(page);

    await page.getByTestId("current-user").click();
    await page.getByRole("button", { name: "로그아웃", exact: true }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect.poll(() => hasCachedFrontlinePage(page)).toBe(false);
    // Nothing of the frontline worker's caches is left, its static files included.
    await expect
      .poll(() =>
        page.evaluate(async () =>
          (await caches.keys()).filter((name) => name.startsWith("moments-frontline-")),
        ),
      )
      .toEqual([]);

    await signIn(page, demoEmail("MANAGER"));
    const shown = await openFrontlineOffline(page, context);
    expect(shown.isOfflineCopy).toBe(false);
    expect(shown.shownName).not.toBe(frontlineName);
  });

  test("without a sign-out (the session ran out), another user's sign-in never gets the last user's pages", async ({
    page,
    context,
    browser,
  }) => {
    await frontlineVisit(page);

    // The frontline session ends without a sign-out; the manager signs in on the same phone. The
    // manager's session is made elsewhere, so that the sign-in page of this phone plays no part.
    await context.clearCookies();
    const elsewhere = await browser.newContext();
    await signIn(await elsewhere.newPage(), demoEmail("MANAGER"));
    await context.addCookies(await elsewhere.cookies());
    await elsewhere.close();

    await page.goto("/journeys");
    await expect(page.getByTestId("current-user")).not.toHaveText(frontlineName);
    await expect.poll(() => hasCachedFrontlinePage(page)).toBe(false);
    const shown = await openFrontlineOffline(page, context);
    expect(shown.isOfflineCopy).toBe(false);
    expect(shown.shownName).not.toBe(frontlineName);
  });
});
