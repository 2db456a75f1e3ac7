// The test's handle on the app process (app-worker.ts): start it on a database URL, send it a
// command, hear its progress, stop it. If the process dies — a crash when PostgreSQL went away
// would be a defect of its own — every pending command fails with its exit code.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { TCommand, TFromWorker, TProgressEvent, TResultOf } from "./protocol";

export type TAppProcess = {
  call: <C extends TCommand>(command: C) => Promise<TResultOf<C["kind"]>>;
  onProgress: (listener: (event: TProgressEvent) => void) => void;
  stop: () => Promise<void>;
  /** SIGKILL: the process dies mid-work, as in a crash or an out-of-memory kill. */
  kill: () => Promise<void>;
};

export async function startAppProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<TAppProcess> {
  const worker: ChildProcess = fork(path.join(import.meta.dirname, "app-worker.ts"), [], {
    execArgv: ["--conditions=react-server", "--import", "tsx"],
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, NODE_ENV: "test" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  const listeners: ((event: TProgressEvent) => void)[] = [];
  let nextId = 0;
  let exit: string | null = null;

  worker.on("message", (message: TFromWorker) => {
    if ("event" in message) return listeners.forEach((listener) => listener(message.event));
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if ("error" in message) waiting?.reject(new Error(`app process: ${message.error}`));
    else waiting?.resolve(message.result);
  });
  const exited = new Promise<void>((resolve) =>
    worker.once("exit", (code, signal) => {
      exit = `the app process exited (code ${code}, signal ${signal})`;
      for (const { reject } of pending.values()) reject(new Error(exit));
      pending.clear();
      resolve();
    }),
  );

  const call = <C extends TCommand>(command: C) =>
    new Promise<TResultOf<C["kind"]>>((resolve, reject) => {
      if (exit) return reject(new Error(exit));
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.send({ id, command });
    });

  return {
    call,
    onProgress: (listener) => void listeners.push(listener),
    kill: async () => {
      if (!exit) worker.kill("SIGKILL");
      await exited;
    },
    stop: async () => {
      if (exit) return;
      await call({ kind: "exit" }).catch(() => {});
      await exited;
    },
  };
}
