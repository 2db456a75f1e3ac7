// The progress bar of `npm run seed:large`, on stderr: rows stored of the target, rows per
// second of this run, and the time left. Without a terminal (CI, a log file) cli-progress
// prints a plain line every ten seconds instead.
import cliProgress from "cli-progress";
import type { TLoadProgress } from "./copy-loader";

export function createLoadProgressBar(): {
  update: (progress: TLoadProgress) => void;
  stop: () => void;
} {
  const bar = new cliProgress.SingleBar(
    {
      format: "{bar} {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}",
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    cliProgress.Presets.shades_classic,
  );
  let state: "idle" | "running" | "stopped" = "idle";
  return {
    update(progress) {
      if (state === "stopped") return;
      const rate =
        progress.elapsedMs > 0
          ? Math.round((progress.added * 1000) / progress.elapsedMs).toLocaleString("en")
          : "—";
      const value = Math.min(progress.stored, progress.target);
      if (state === "idle") bar.start(progress.target, value, { rate });
      else bar.update(value, { rate });
      state = "running";
    },
    /** For good: later updates (a chunk still reporting after Ctrl-C) draw nothing. */
    stop: () => {
      if (state === "running") bar.stop();
      state = "stopped";
    },
  };
}
