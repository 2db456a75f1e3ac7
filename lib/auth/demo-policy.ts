// Whether the demo organization's published accounts may sign in. They may on a server only this
// machine can reach (the loopback: a newcomer trying `npm start`); on a server the network can
// reach, only when MOMENTS_DEMO=1 says so explicitly.

/** The demo organization's slug: `npm start` seeds it, and no real organization may take it. */
export const DEMO_ORGANIZATION_SLUG = "demo";

export type TDemoPolicy = {
  allowed: boolean;
  why: "loopback" | "explicitly_on" | "explicitly_off" | "network" | "proxied";
};

/** An address or host name that only this machine can reach. "0.0.0.0" and "::" are every interface. */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  if (name === "::1" || name === "0:0:0:0:0:0:0:1") return true;
  if (/^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/**
 * `behindProxy`: trusted proxies are configured — a reverse proxy on this machine serves the
 * network, though the app itself listens on the loopback.
 */
export function demoPolicy(env: {
  HOSTNAME: string;
  MOMENTS_DEMO?: "0" | "1";
  behindProxy: boolean;
}): TDemoPolicy {
  if (env.MOMENTS_DEMO === "1") return { allowed: true, why: "explicitly_on" };
  if (env.MOMENTS_DEMO === "0") return { allowed: false, why: "explicitly_off" };
  if (!isLoopbackHost(env.HOSTNAME)) return { allowed: false, why: "network" };
  if (env.behindProxy) return { allowed: false, why: "proxied" };
  return { allowed: true, why: "loopback" };
}

/**
 * Whether this sign-in of a demo account may go on: the policy allows it and, unless MOMENTS_DEMO=1
 * said so, the request comes from this machine (a proxy nobody configured still shows through).
 */
export function isDemoSignInAllowed(policy: TDemoPolicy, clientAddress: string): boolean {
  if (!policy.allowed) return false;
  return policy.why === "explicitly_on" || !clientAddress || isLoopbackHost(clientAddress);
}
