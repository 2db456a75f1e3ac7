// What `npm start` tells the person who started it, once the server is ready: where it runs,
// whether the demo accounts work and why, and the setup link while no organization is set up.
import { demoPolicy } from "@/lib/auth/demo-policy";
import { clientAddressEnv, type TStartEnv } from "@/lib/env";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/seed/demo-users";

const REFUSED_BECAUSE: Partial<Record<string, string>> = {
  network: "the server listens on $HOSTNAME, which the network can reach",
  proxied: "TRUSTED_PROXIES (or TRUSTED_PROXY_HOPS) says a reverse proxy serves the network",
};

export function startNotices(
  env: TStartEnv,
  publicUrl: string,
  setup: { url: string; file: string } | null,
): string {
  const lines = [
    `\nMoments is running at ${publicUrl}`,
    `(listening on ${env.HOSTNAME}:${env.PORT})\n`,
  ];
  const proxies = clientAddressEnv();
  const demo = demoPolicy({ ...env, behindProxy: proxies.proxies.length > 0 || proxies.hops > 0 });
  if (demo.why === "loopback") {
    lines.push(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
    for (const user of DEMO_USERS) lines.push(`  ${user.role.padEnd(10)} ${user.email}`);
    lines.push(
      `The server listens on ${env.HOSTNAME}, and demo sign-ins are accepted from this machine only.`,
      "To serve your network set HOSTNAME=0.0.0.0 (or TRUSTED_PROXIES behind a reverse proxy); the",
      "demo accounts, whose password is public, are then refused.",
    );
  } else if (demo.why === "explicitly_on") {
    lines.push(
      "WARNING: MOMENTS_DEMO=1 — the demo accounts, whose password is published in the README,",
      `can sign in from anywhere that reaches ${env.HOSTNAME}:${env.PORT}. Use this only for a demonstration.`,
    );
  } else {
    lines.push(
      `The demo accounts are refused: ${REFUSED_BECAUSE[demo.why] ?? "MOMENTS_DEMO=0"}.`.replace(
        "$HOSTNAME",
        env.HOSTNAME,
      ),
      "(Set MOMENTS_DEMO=1 to allow them anyway, for a demonstration.)",
    );
  }
  if (setup) {
    lines.push(
      "",
      "No organization of your own yet. Set one up, with this one-time link (valid 24 hours):",
      `  ${setup.url}`,
      `(also in ${setup.file}, readable only by this user)`,
    );
  }
  lines.push("\nPress Ctrl-C to stop.\n");
  return lines.join("\n");
}
