// The app's HTTP server, which `npm start` (scripts/start.ts) runs as its child instead of
// `next start`/`next dev`: Next.js through its programmatic API, behind a plain Node server that
// sets each request's client address before Next.js sees it. Next.js itself keeps an
// X-Forwarded-For the client sent (it fills the header from the socket only when missing), and
// route handlers and actions cannot see the socket; so here X-Forwarded-For is replaced by the
// one address computed from the socket and the trusted proxies (TRUSTED_PROXIES or
// TRUSTED_PROXY_HOPS, lib/env.ts), and X-Real-IP is dropped. Everything downstream
// (lib/audit/request-meta.ts: the audit log, the sign-in throttle, the API's limits) reads that.
import { createServer, type IncomingMessage } from "node:http";
import next from "next";
import { z } from "zod";
import { clientAddressEnv } from "@/lib/env";
import { clientAddressResolver } from "@/lib/http/client-address";
import { readCliArgs } from "./lib/cli-args";

const { dev, port, hostname } = readCliArgs({
  flags: {
    port: { type: "string" },
    hostname: { type: "string" },
    dev: { type: "boolean", default: false },
  },
  schema: z.object({
    port: z.coerce.number().int().min(1).max(65535),
    hostname: z.string().min(1),
    dev: z.boolean(),
  }),
  usage: "Usage: node --import tsx scripts/serve.ts --port 3000 --hostname 127.0.0.1 [--dev]",
});

const clientAddressOf = clientAddressResolver(clientAddressEnv());

function setClientAddress(request: IncomingMessage) {
  const address = clientAddressOf(request.socket.remoteAddress, request.headers["x-forwarded-for"]);
  request.headers["x-forwarded-for"] = address;
  delete request.headers["x-real-ip"];
}

const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();

// Signals end the process at once, as `next start` does: scripts/start.ts stops PostgreSQL after.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.on(signal, () => process.exit(0));

await app.prepare();
createServer((request, response) => {
  setClientAddress(request);
  handle(request, response).catch((error: unknown) => {
    // Next.js answers its own errors; this is one it could not answer, and must not end the server.
    console.error(error);
    if (!response.headersSent) response.statusCode = 500;
    response.end();
  });
})
  .on("upgrade", (request: IncomingMessage) => setClientAddress(request))
  .listen(port, hostname, () => {
    // scripts/start.ts waits for "ready" on this process's output.
    console.log(`✓ Ready on http://${hostname}:${port}${dev ? " (development)" : ""}`);
  });
