"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

/**
 * Registers the frontline service worker (public/sw.js) and hands it this page, whose user it is,
 * and the static files it loaded, which were fetched before the worker existed; from then on the
 * page opens without a network. Shows a quiet line once the worker confirms.
 */
export function OfflineShell({ userId }: { userId: string }) {
  const t = useTranslations("frontline");
  const [isReady, setIsReady] = useState(false);

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    let isCancelled = false;
    (async () => {
      const registration = await navigator.serviceWorker.register("/sw.js", {
        scope: "/frontline",
      });
      // Not navigator.serviceWorker.ready: after signing in, this document was created at /login
      // (a client-side navigation brought it here), outside the worker's scope, so it never resolves.
      const worker = await activeWorker(registration);
      const assets = performance
        .getEntriesByType("resource")
        .map((entry) => entry.name)
        .filter(
          (url) =>
            new URL(url).origin === location.origin &&
            new URL(url).pathname.startsWith("/_next/static/"),
        );
      const reply = new MessageChannel();
      const answered = new Promise<boolean>((resolve) => {
        reply.port1.onmessage = (event: MessageEvent<{ ok: boolean }>) => resolve(event.data.ok);
      });
      worker.postMessage({ type: "cache-shell", userId, pages: [location.pathname], assets }, [
        reply.port2,
      ]);
      if ((await answered) && !isCancelled) setIsReady(true);
    })().catch(() => {
      // No service worker (a private window, plain HTTP): the page works, only not offline after a reload.
    });
    return () => {
      isCancelled = true;
    };
  }, [userId]);

  if (!isReady) return null;
  return (
    <p className="text-center text-xs text-neutral-500" data-testid="offline-ready">
      {t("offlineReady")}
    </p>
  );
}

function activeWorker(registration: ServiceWorkerRegistration): Promise<ServiceWorker> {
  if (registration.active) return Promise.resolve(registration.active);
  const pending = (registration.installing ?? registration.waiting)!;
  return new Promise((resolve) => {
    pending.addEventListener(
      "statechange",
      () => pending.state === "activated" && resolve(pending),
    );
  });
}
