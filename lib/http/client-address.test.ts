import { describe, expect, it } from "vitest";
import { clientAddressResolver } from "./client-address";

describe("clientAddressResolver", () => {
  it("without trusted proxies: the socket's address, whatever the client wrote into X-Forwarded-For", () => {
    const clientAddressOf = clientAddressResolver({ proxies: [], hops: 0 });
    expect(clientAddressOf("198.51.100.7", "203.0.113.9")).toBe("198.51.100.7");
    expect(clientAddressOf("198.51.100.7", undefined)).toBe("198.51.100.7");
    expect(clientAddressOf("::ffff:127.0.0.1", "203.0.113.9")).toBe("127.0.0.1");
    expect(clientAddressOf("::1", "203.0.113.9")).toBe("::1");
  });

  it("from a trusted proxy: the hop it vouches for, and no further than the first untrusted hop", () => {
    const clientAddressOf = clientAddressResolver({
      proxies: ["127.0.0.1", "10.0.0.0/8", "fd00::/8"],
      hops: 0,
    });
    expect(clientAddressOf("127.0.0.1", "203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddressOf("::ffff:10.1.2.3", "203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddressOf("fd00::5", "2001:db8::1")).toBe("2001:db8::1");
    // The client's own forged entry sits left of what the proxy appended.
    expect(clientAddressOf("127.0.0.1", "192.0.2.66, 203.0.113.9")).toBe("203.0.113.9");
    // Two proxies of ours, one after the other; the header may come as several lines.
    expect(clientAddressOf("127.0.0.1", ["192.0.2.66, 203.0.113.9", "10.0.0.5"])).toBe(
      "203.0.113.9",
    );
    // Only proxies in the chain: the farthest address is the client.
    expect(clientAddressOf("127.0.0.1", "10.0.0.9")).toBe("10.0.0.9");
    // A trusted proxy that sent no header, or garbage: the proxy is the last address known.
    expect(clientAddressOf("127.0.0.1", undefined)).toBe("127.0.0.1");
    expect(clientAddressOf("127.0.0.1", "")).toBe("127.0.0.1");
    expect(clientAddressOf("10.0.0.5", "not-an-address")).toBe("10.0.0.5");
    expect(clientAddressOf("10.0.0.5", "unknown, 203.0.113.9")).toBe("203.0.113.9");
  });

  it("ignores the header from a socket outside the trusted ranges", () => {
    const clientAddressOf = clientAddressResolver({ proxies: ["10.0.0.0/8"], hops: 0 });
    expect(clientAddressOf("11.0.0.1", "203.0.113.9")).toBe("11.0.0.1");
    expect(clientAddressOf("127.0.0.1", "203.0.113.9")).toBe("127.0.0.1");
  });

  it("with a hop count: trusts that many hops nearest to the app, whatever their addresses", () => {
    const oneHop = clientAddressResolver({ proxies: [], hops: 1 });
    expect(oneHop("172.16.0.2", "192.0.2.66, 203.0.113.9")).toBe("203.0.113.9");
    expect(oneHop("172.16.0.2", undefined)).toBe("172.16.0.2");
    const twoHops = clientAddressResolver({ proxies: [], hops: 2 });
    expect(twoHops("172.16.0.2", "192.0.2.66, 203.0.113.9, 10.0.0.5")).toBe("203.0.113.9");
  });

  it("answers an empty address when the socket has none", () => {
    const clientAddressOf = clientAddressResolver({ proxies: [], hops: 0 });
    expect(clientAddressOf(undefined, "203.0.113.9")).toBe("");
  });
});
