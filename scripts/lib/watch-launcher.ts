import { readFileSync } from "node:fs";

// A SIGTERM sent to `npm start` stops npm but is not passed on to its children (npm → sh → tsx →
// this script). So the start script finds the npm process among its ancestors and stops itself
// when that process is gone. Linux only (/proc); elsewhere signals to this script still work.

function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces, so split after ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

function isNpm(pid: number): boolean {
  try {
    // npm sets its process title ("npm start"), which replaces its command line.
    const [command = "", script = ""] = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return /^npm( |$)/.test(command) || /(^|\/)npm-cli\.js$/.test(script);
  } catch {
    return false;
  }
}

function findNpmAncestor(): number | undefined {
  for (let pid = process.ppid; pid > 1; pid = parentOf(pid) ?? 0) {
    if (isNpm(pid)) return pid;
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Calls `onGone` once the npm process that launched this script has exited. */
export function whenLauncherExits(onGone: () => void): void {
  const npmPid = findNpmAncestor();
  if (!npmPid) return;
  const timer = setInterval(() => {
    if (!isAlive(npmPid)) {
      clearInterval(timer);
      onGone();
    }
  }, 500);
  timer.unref();
}
