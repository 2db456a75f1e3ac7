import { hostname } from "node:os";
import { isLoopbackHost } from "@/lib/auth/demo-policy";

/**
 * The address links in messages point at when MOMENTS_PUBLIC_URL is not set: localhost on the
 * loopback, else this machine's name (every interface) or the address listened on.
 */
export function defaultPublicUrl(listenHost: string, port: number): string {
  const host = isLoopbackHost(listenHost)
    ? "localhost"
    : listenHost === "0.0.0.0" || listenHost === "::"
      ? hostname()
      : listenHost;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}
