// A streaming replica's lag while something runs (`npm run load` with a replica): sampled on the
// primary from pg_stat_replication every `everyMs`, summarized as nearest-rank percentiles.
import type { TReplicaLag, TStreamingReplica } from "@/lib/db/streaming-replica";
import { percentile } from "../bench/bench-database";

type TSpread = { p50: number; p95: number; max: number };

export type TReplicaLagSummary = {
  samples: number;
  /** WAL the replica had not replayed yet. */
  bytes: TSpread;
  /** PostgreSQL's replay_lag (commit on the primary to replay on the replica); null if never measured. */
  seconds: TSpread | null;
};

/** Starts sampling; `stop()` ends it and returns the summary. */
export function sampleReplicaLag(
  replica: Pick<TStreamingReplica, "lag">,
  everyMs = 500,
): { stop: () => Promise<TReplicaLagSummary> } {
  const samples: TReplicaLag[] = [];
  let isSampling = true;
  const sampling = (async () => {
    while (isSampling) {
      samples.push(await replica.lag());
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    stop: async () => {
      isSampling = false;
      await sampling;
      const seconds = samples.flatMap((sample) =>
        sample.seconds === null ? [] : [sample.seconds],
      );
      return {
        samples: samples.length,
        bytes: spreadOf(samples.map((sample) => sample.bytes)),
        seconds: seconds.length ? spreadOf(seconds) : null,
      };
    },
  };
}

const spreadOf = (xs: number[]): TSpread => ({
  p50: percentile(xs, 50),
  p95: percentile(xs, 95),
  max: Math.max(...xs),
});

/** One line for a report: "Replica lag (120 samples): replay p50 3 ms, p95 18 ms, max 40 ms; unreplayed WAL p50 0 KB, …". */
export function formatReplicaLag(summary: TReplicaLagSummary): string {
  const ms = (s: number) => `${Math.round(s * 1000)} ms`;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const replay = summary.seconds
    ? `replay p50 ${ms(summary.seconds.p50)}, p95 ${ms(summary.seconds.p95)}, max ${ms(summary.seconds.max)}`
    : "replay lag not measured (no commits)";
  return `Replica lag (${summary.samples} samples): ${replay}; unreplayed WAL p50 ${kb(summary.bytes.p50)}, p95 ${kb(summary.bytes.p95)}, max ${kb(summary.bytes.max)}`;
}
