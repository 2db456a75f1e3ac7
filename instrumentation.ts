// Next.js calls register() once when the server starts. The Node.js server (not the edge runtime)
// runs the background merge of pending rows into the dashboards' rollups (docs/SCALING.md).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startRollupMerger } = await import("@/lib/observations/rollup-merge");
  startRollupMerger();
}
