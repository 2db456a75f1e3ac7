import { BlockList, isIP } from "node:net";

// Which address a request came from. The socket's peer is the only address nobody can forge; an
// X-Forwarded-For header counts only as far as the hops that appended to it are trusted proxies:
// walking it from the right (the hop nearest to us), each trusted hop vouches for the address
// before it, and the first untrusted one is the client. A client can write anything into the
// header; a proxy only appends. Pure (node:net only): the app's own server (scripts/serve.ts)
// calls it for every request before Next.js sees the headers.

export type TProxyTrust = {
  /** Addresses and CIDR ranges of the reverse proxies in front of the app ("10.0.0.0/8", "::1"). */
  proxies: readonly string[];
  /** How many hops nearest to the app are proxies, whatever their addresses (0: none). */
  hops: number;
};

/** A function from the socket's peer and the X-Forwarded-For header to the client's address. */
export function clientAddressResolver(
  trust: TProxyTrust,
): (socketAddress: string | undefined, forwardedFor: string | string[] | undefined) => string {
  const trusted = blockListOf(trust.proxies);
  const isTrusted = (address: string, hop: number) =>
    hop < trust.hops || trusted.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
  return (socketAddress, forwardedFor) => {
    const hops = [socketAddress ?? "", ...forwardedHops(forwardedFor).reverse()].map(plainAddress);
    let client = hops[0]!;
    for (let hop = 0; hop + 1 < hops.length; hop += 1) {
      const previous = hops[hop + 1]!;
      // A proxy that passed on garbage is where the trail ends: it is the last address we know.
      if (!isTrusted(hops[hop]!, hop) || !isIP(previous)) break;
      client = previous;
    }
    return isIP(client) ? client : "";
  };
}

function forwardedHops(header: string | string[] | undefined): string[] {
  const lines = Array.isArray(header) ? header : header ? [header] : [];
  return lines.flatMap((line) => line.split(",").map((hop) => hop.trim()));
}

/** An IPv4 address as itself also when the socket reports it IPv4-mapped ("::ffff:10.0.0.1"). */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

function blockListOf(proxies: readonly string[]): BlockList {
  const list = new BlockList();
  for (const proxy of proxies) {
    const [address = "", prefix] = proxy.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}
