// The frontline service worker (registered by /frontline with the scope /frontline): the
// logging pages open without a network after a first visit. Pages: network first, the last good
// copy when offline. /_next/static: cache first (file names carry a content hash). Nothing else
// is touched: server actions (POST), other pages and their data always go to the network.
const CACHE = "moments-frontline-v1";
const PAGES = ["/frontline", "/frontline/call"];
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
        if (key.startsWith("moments-frontline-") && key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

/** Keeps a page only when it is the real page of a signed-in user: no redirect to sign-in, no error. */
async function storePage(path, response) {
  if (!response.ok || response.redirected || response.type !== "basic") return;
  await (await caches.open(CACHE)).put(path, response);
}

/** The last good copy, marked so that it can be told apart from a fresh page (the browser tests check it). */
async function cachedPage(path) {
  const cached = await caches.match(path, {
    cacheName: CACHE,
    ignoreSearch: true,
    ignoreVary: true,
  });
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
  const network = fetch(request).then(async (response) => {
    await storePage(path, response.clone());
    return response;
  });
  const cached = await cachedPage(path);
  if (!cached) return network;
  const timeout = new Promise((resolve) => setTimeout(() => resolve(cached), NETWORK_TIMEOUT_MS));
  return Promise.race([network.catch(() => cached), timeout]);
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
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

// The page was loaded before this worker controlled it: it sends its own path and the static
// files it loaded, to be cached now. Answers { ok } on the message's port.
self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "cache-shell") return;
  const port = event.ports[0];
  event.waitUntil(
    (async () => {
      try {
        const cache = await caches.open(CACHE);
        const pages = (event.data.pages || []).filter((path) => PAGES.includes(path));
        const assets = (event.data.assets || []).filter((href) =>
          isStaticAsset(new URL(href, self.location.origin)),
        );
        await Promise.all([
          ...pages.map(async (path) =>
            storePage(path, await fetch(path, { credentials: "same-origin" })),
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
