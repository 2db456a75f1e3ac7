import path from "node:path";

/** Node's arguments for the app's server (scripts/serve.ts), which `npm start` runs as its child. */
export function serveArgs(options: {
  root: string;
  isDev: boolean;
  port: number;
  hostname: string;
}): string[] {
  return [
    // tsx's loader for the TypeScript of scripts/ and lib/, without react-server conditions: Next.js
    // loads its own React builds for server components.
    "--import",
    "tsx",
    path.join(options.root, "scripts/serve.ts"),
    "--port",
    String(options.port),
    "--hostname",
    options.hostname,
    ...(options.isDev ? ["--dev"] : []),
  ];
}
