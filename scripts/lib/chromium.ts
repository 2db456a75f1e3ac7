// The Chromium that the browser tests (playwright.config.ts) and the benchmark (scripts/bench/)
// drive: PLAYWRIGHT_CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the headless Chromium
// shipped in the npm package @sparticuz/chromium — so that `npm test` needs nothing but Node.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";

type TChromiumLaunchOptions = {
  /** Unset: Playwright's own Chromium. */
  executablePath?: string;
  args: string[];
  /** Set for the bundled Chromium only; otherwise the browser inherits this process's environment. */
  env?: Record<string, string | undefined>;
};

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

// Playwright adds --headless and --no-sandbox itself. @sparticuz/chromium's own `args` are tuned
// for AWS Lambda and are not used: --single-process makes one crash take the whole browser down,
// --disable-web-security and the site-isolation switches would weaken what the security tests
// check, and its --disable-features would replace Playwright's list.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The executable, flags and environment to pass to Playwright's `chromium.launch`. */
export async function chromiumLaunchOptions(): Promise<TChromiumLaunchOptions> {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (configured) return { executablePath: configured, args: CHROMIUM_ARGS };
  if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, args: CHROMIUM_ARGS };
  // The package holds an x64 Linux build only; elsewhere Playwright's own (`npx playwright install`).
  if (process.platform !== "linux" || process.arch !== "x64") return { args: CHROMIUM_ARGS };

  const dir = await unpackBundledChromium();
  return {
    executablePath: path.join(dir, "chromium"),
    args: CHROMIUM_ARGS,
    env: {
      ...process.env,
      // The NSS libraries it links to, as the package ships them: a bare Debian has none.
      LD_LIBRARY_PATH: [path.join(dir, "al2023", "lib"), process.env.LD_LIBRARY_PATH]
        .filter(Boolean)
        .join(":"),
      // The system's fonts plus the bundled Open Sans: with no font at all, text has no width
      // and Playwright cannot click a button that holds only text.
      FONTCONFIG_FILE: path.join(dir, "fonts.conf"),
    },
  };
}

/**
 * The bundled Chromium unpacked once per user and version into ~/.cache/moments/, returned as
 * that directory. The package unpacks into os.tmpdir() and trusts whatever is already there — a
 * binary half-written by an interrupted run, or another version's — so it unpacks into a fresh
 * directory (TMPDIR pointed at it for the call) that is then renamed into place whole.
 */
async function unpackBundledChromium(): Promise<string> {
  const packageDir = path.resolve(
    path.dirname(createRequire(import.meta.url).resolve("@sparticuz/chromium")),
    "../..",
  );
  const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as {
    version: string;
  };
  const cacheDir = process.env.XDG_CACHE_HOME || path.join(homedir(), ".cache");
  const dir = path.join(cacheDir, "moments", `chromium-${version}`);
  if (existsSync(path.join(dir, "chromium"))) return dir;
  // A folder without the binary is no unpacked copy (emptied by hand, say): the rename below
  // could not replace it.
  await rm(dir, { recursive: true, force: true });

  await mkdir(path.dirname(dir), { recursive: true });
  const staging = await mkdtemp(`${dir}.partial-`);
  try {
    const { default: sparticuz } = await import("@sparticuz/chromium");
    // The package unpacks into os.tmpdir(), which reads TMPDIR: pointed at the staging folder
    // for this one call (the only one in the process).
    const tmpdir = process.env.TMPDIR;
    process.env.TMPDIR = staging;
    try {
      await sparticuz.executablePath(); // chromium, fonts/, and the SwiftShader libraries
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
    }
    // The package unpacks its libraries only on AWS.
    untarBrotli(path.join(packageDir, "bin", "al2023.tar.br"), path.join(staging, "al2023"));
    await writeFile(path.join(staging, "fonts.conf"), fontconfig(dir));
    await chmod(staging, 0o755);
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another run unpacked it at the same time and renamed its copy first.
    if (existsSync(path.join(dir, "chromium"))) return dir;
    throw error;
  }
  return dir;
}

function fontconfig(dir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${path.join(dir, "fonts")}</dir>
  <cachedir>${path.join(dir, "fonts-cache")}</cachedir>
</fontconfig>
`;
}

function untarBrotli(archive: string, into: string): void {
  mkdirSync(into, { recursive: true });
  const tar = spawnSync("tar", ["-x", "-C", into], {
    input: brotliDecompressSync(readFileSync(archive)),
    stdio: ["pipe", "inherit", "inherit"],
  });
  if (tar.status !== 0) throw tar.error ?? new Error(`tar exited with ${tar.status} on ${archive}`);
}
