// `npm run bench:js [-- --routes /frontline,/overview --as FRONTLINE --port 3400]`: the gzipped
// JavaScript each route makes the browser download, file by file — the figure `npm run bench`
// gives for its routes, without its large database: the built app on a fresh embedded database
// with the demo organization, signed in as a demo user (scripts/bench/browser.ts measures).
import { z } from "zod";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/seed/demo-users";
import { readCliArgs } from "../lib/cli-args";
import { measureRoutes } from "./browser";

const ZArgs = z.object({
  routes: z
    .string()
    .default("/frontline")
    .transform((text) => text.split(","))
    .pipe(z.array(z.string().startsWith("/")).min(1)),
  as: z.enum(["ADMIN", "MANAGER", "FRONTLINE", "EXECUTIVE"]).default("FRONTLINE"),
  port: z.coerce.number().int().min(1024).max(65_535).optional(),
});

const USAGE = `Usage: npm run bench:js -- [--routes /frontline] [--as FRONTLINE] [--port 3400]
  --routes  comma-separated paths the user may open
  --as      the demo user who opens them: ADMIN, MANAGER, FRONTLINE or EXECUTIVE
  --port    where the app listens while measured`;

const args = readCliArgs({
  flags: { routes: { type: "string" }, as: { type: "string" }, port: { type: "string" } },
  schema: ZArgs,
  usage: USAGE,
});
const user = DEMO_USERS.find((demo) => demo.role === args.as)!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const pages = await measureRoutes({
  email: user.email,
  password: DEMO_PASSWORD,
  routes: args.routes,
  runs: 1,
  port: args.port,
  log: (line) => console.error(line),
});
for (const page of pages) {
  console.log(
    `${page.route}: ${kb(page.jsGzipBytes)} of JavaScript gzipped (level 6) in ${page.jsFiles} files`,
  );
  for (const script of page.scripts)
    console.log(`  ${kb(script.gzipBytes).padStart(9)}  ${script.file}`);
}
