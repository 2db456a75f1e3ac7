// The frontline service worker's caches (public/sw.js writes them; the names are kept in step
// there): static files in one cache for everyone, pages in one cache per user, named by the
// user's id (not a secret: it only tells caches apart). Pure: which caches a page deletes.

const PREFIX = "moments-frontline-";
const STATIC_CACHE = "moments-frontline-static-v2";
const PAGES_CACHE_PREFIX = "moments-frontline-pages-";

/**
 * The frontline caches to delete, seen from a page of `userId` (null: signed out). Signed out,
 * all of them; signed in, every other user's pages and anything of an older worker. So the pages
 * of one user never outlive the next sign-in on the same device, with or without a sign-out.
 */
export function offlineCachesToDelete(names: readonly string[], userId: string | null): string[] {
  return names.filter(
    (name) =>
      name.startsWith(PREFIX) &&
      (userId === null || (name !== STATIC_CACHE && name !== PAGES_CACHE_PREFIX + userId)),
  );
}
