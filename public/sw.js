// The frontline service worker (registered by /frontline with the scope /frontline): the
// logging pages open without a network after a first visit. Pages: network first, the last good
// copy when offline. /_next/static: cache first (file names carry a content hash). Nothing else
// is touched: server actions (POST), other pages and their data always go to the network.
//
// A phone may be shared: pages show their user's name, site and queue. So pages are kept per
// user, in a cache named by the user's id, which the page itself names when it asks to be kept
// ("cache-shell"); a page fetched by navigation is not kept, as nothing says whose it is. The app
// deletes every other user's pages at each signed-in page and all of them at the sign-in page
// (lib/observations/offline-cache.ts, whose names these are); and a copy is served only while
// exactly one user's pages exist.
const STATIC_CACHE = "moments-frontline-static-v2";
const PAGES_CACHE_PREFIX = "moments-frontline-pages-";
const PAGES = ["/frontline", "/frontline/call"];
const USER_ID = /^[\w-]{1,64}$/;
/** On a network that hangs rather than fails, the cached page is shown after this long. */
const NETWORK_TIMEOUT_MS = 6000;

const sameOrigin = (url) => url.origin === self.location.origin;
const isShellPage = (url) => sameOrigin(url) && PAGES.includes(url.pathname);
const isStaticAsset = (url) => sameOrigin(url) && url.pathname.startsWith("/_next/static/");

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys())
        if (
          key.startsWith("moments-frontline-") &&
          key !== STATIC_CACHE &&
          !key.startsWith(PAGES_CACHE_PREFIX)
        )
          await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

/** Keeps a page only when it is the real page of a signed-in user: no redirect to sign-in, no error. */
async function storePage(cacheName, path, response) {
  if (!response.ok || response.redirected || response.type !== "basic") return;
  await (await caches.open(cacheName)).put(path, response);
}

/** The cache of the only user whose pages exist; none when there are none, or several. */
async function pagesCache() {
  const names = (await caches.keys()).filter((key) => key.startsWith(PAGES_CACHE_PREFIX));
  return names.length === 1 ? caches.open(names[0]) : undefined;
}

/** The last good copy, marked so that it can be told apart from a fresh page (the browser tests check it). */
async function cachedPage(path) {
  const cache = await pagesCache();
  const cached = await cache?.match(path, { ignoreSearch: true, ignoreVary: true });
  if (!cached) return undefined;
  const headers = new Headers(cached.headers);
  headers.set("X-Moments-Offline-Copy", "1");
  return new Response(cached.body, {
    status: cached.status,
    statusText: cached.statusText,
    headers,
  });
}

async function networkFirst(request, path) {
  const network = fetch(request);
  const cached = await cachedPage(path);
  if (!cached) return network;
  const timeout = new Promise((resolve) => setTimeout(() => resolve(cached), NETWORK_TIMEOUT_MS));
  return Promise.race([network.catch(() => cached), timeout]);
}

async function cacheFirst(request) {
  const cache = await caches.open(STATIC_CACHE);
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (request.mode === "navigate" && isShellPage(url))
    event.respondWith(networkFirst(request, url.pathname));
  else if (isStaticAsset(url)) event.respondWith(cacheFirst(request));
});

// Each load of a frontline page sends its path, its user's id and the static files it loaded (the
// first load happened before this worker controlled it), to be cached now. Answers { ok } on the
// message's port.
self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "cache-shell") return;
  const port = event.ports[0];
  const { userId } = event.data;
  event.waitUntil(
    (async () => {
      try {
        if (typeof userId !== "string" || !USER_ID.test(userId)) throw new Error("no user");
        const pagesCacheName = PAGES_CACHE_PREFIX + userId;
        for (const key of await caches.keys())
          if (key.startsWith(PAGES_CACHE_PREFIX) && key !== pagesCacheName)
            await caches.delete(key);
        const cache = await caches.open(STATIC_CACHE);
        const pages = (event.data.pages || []).filter((path) => PAGES.includes(path));
        const assets = (event.data.assets || []).filter((href) =>
          isStaticAsset(new URL(href, self.location.origin)),
        );
        await Promise.all([
          ...pages.map(async (path) =>
            storePage(pagesCacheName, path, await fetch(path, { credentials: "same-origin" })),
          ),
          ...assets.map(async (href) => {
            if (await cache.match(href)) return;
            const response = await fetch(href);
            if (response.ok) await cache.put(href, response);
          }),
        ]);
        if (port) port.postMessage({ ok: true });
      } catch {
        if (port) port.postMessage({ ok: false });
      }
    })(),
  );
});
