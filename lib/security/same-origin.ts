// A browser names the page that sent a POST in its Origin header. A cookie-authenticated route
// handler (server actions get this check from Next.js itself) refuses a POST whose Origin is
// another site's, as Next.js does for actions: host against X-Forwarded-Host, else Host.
// A request without Origin is not a browser's cross-site POST (browsers always send it on POST).

export function isCrossOriginPost(request: Request): boolean {
  if (request.method !== "POST") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = (
    request.headers.get("x-forwarded-host") ??
    request.headers.get("host") ??
    new URL(request.url).host
  )
    .split(",")[0]!
    .trim()
    .toLowerCase();
  try {
    return new URL(origin).host.toLowerCase() !== host;
  } catch {
    return true; // "null" (a sandboxed frame, a file: page) or garbage is not our page
  }
}
