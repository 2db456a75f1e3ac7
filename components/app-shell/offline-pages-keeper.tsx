"use client";
import { useEffect } from "react";
import { offlineCachesToDelete } from "@/lib/observations/offline-cache";

/**
 * Deletes the frontline service worker's cached pages that are not this user's (userId null:
 * signed out, all of them). The app shell renders it for the signed-in user and the sign-in page
 * for nobody, so signing out, a session that ran out, and another user's sign-in on a shared
 * phone all leave no earlier user's page to be shown offline. Renders nothing.
 */
export function OfflinePagesKeeper({ userId }: { userId: string | null }) {
  useEffect(() => {
    if (!("caches" in window)) return;
    void (async () => {
      const stale = offlineCachesToDelete(await caches.keys(), userId);
      await Promise.all(stale.map((name) => caches.delete(name)));
    })();
  }, [userId]);
  return null;
}
