// The bulk path of `npm run seed:large`: generated rows streamed into "Observation" with COPY, in
// chunks of 250,000 rows that each commit on their own, two connections at a time. Why this shape
// (measured on the 2-core machine; docs/ARCHITECTURE.md, "A large data set"): PostgreSQL, not
// Node, is the bottleneck — each row costs five foreign-key checks and seven index inserts, and
// once the indexes outgrow shared_buffers, every insert that lands on a page not in memory costs a
// read and a write. So each chunk is sent sorted by observedAt (the four indexes that end in it are
// then swept once per chunk instead of hit at random: 1.5× the rows per second, half the WAL),
// chunks are large (more inserts per page visited), and two connections keep both cores busy.
//
// Resuming needs no bookkeeping: row ids are deterministic and ascend with the row's number
// (copy-text.ts), so one scan of the organization's id range counts the rows each
// chunk already has. A full chunk is skipped, an empty one is COPYed straight into the table, a
// partial one (interrupted runs leave none — a chunk commits whole — but rows can be deleted by
// hand) goes through a staging table and INSERT … ON CONFLICT DO NOTHING. The unique index on
// (organizationId, clientId) has the last word: a chunk that meets rows another run stored in the
// meantime fails whole and is loaded again through the staging table.
//
// Follow-ups are NOT opened: that is the store's job (lib/observations/store.ts) for observations
// that arrive by one road or another, not for generated history.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { setImmediate as nextTurn } from "node:timers/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { LARGE_COPY_COLUMNS, largeObservationId, toCopyLine, type TLargeRefs } from "./copy-text";
import { generateLargeRows, type TLargeRow } from "./generate-rows";
import { LARGE_BLOCK_ROWS } from "./large-organization";
import type { TLargeModel } from "./model";

const LARGE_CHUNK_ROWS = 250_000;
/** One PostgreSQL backend per core: two connections load about 1.9× the rows per second of one on 2 cores. */
export const LARGE_LOAD_CONNECTIONS = 2;
/** Rows generated between two turns of the event loop, and rows per piece of text handed to the socket. */
const PIECE_ROWS = 2 * LARGE_BLOCK_ROWS;
const COLUMNS = LARGE_COPY_COLUMNS.map((c) => `"${c}"`).join(", ");
const STAGING = "large_observation_staging";

/** `stored` counts the rows of the chunks under way as they are sent; `committed`, only those of finished chunks. */
export type TLoadProgress = {
  stored: number;
  committed: number;
  target: number;
  added: number;
  elapsedMs: number;
};

export type TLoadInput = {
  url: string;
  model: TLargeModel;
  refs: TLargeRefs;
  /** Rows the organization should have in the end. */
  target: number;
  /** Load every chunk through the staging table (slower; for comparison). */
  viaStaging?: boolean;
  /** LARGE_CHUNK_ROWS; tests take fewer, to cross chunks with few rows. */
  chunkRows?: number;
  connections?: number;
  onProgress?: (progress: TLoadProgress) => void;
};

export type TLoadResult = {
  before: number;
  /** By this run (another run at the same time may have added some too). */
  added: number;
  after: number;
  elapsedMs: number;
  /** Chunks COPYed straight into the table, and chunks that went through the staging table. */
  chunks: { copied: number; staged: number };
};

type TChunk = { index: number; from: number; to: number; present: number };

export async function loadLargeObservations(input: TLoadInput): Promise<TLoadResult> {
  const { target, refs } = input;
  const chunkRows = input.chunkRows ?? LARGE_CHUNK_ROWS;
  const started = performance.now();
  const clients = await Promise.all(
    Array.from({ length: Math.max(1, input.connections ?? LARGE_LOAD_CONNECTIONS) }, () =>
      connect(input.url),
    ),
  );
  try {
    const present = await countRowsByChunk(clients[0]!, refs, chunkRows);
    const before = [...present.values()].reduce((a, b) => a + b, 0);
    const chunks: TChunk[] = [];
    for (let from = 0, index = 0; from < target; from += chunkRows, index += 1) {
      const chunk = {
        index,
        from,
        to: Math.min(target, from + chunkRows),
        present: present.get(index) ?? 0,
      };
      if (chunk.present < chunk.to - chunk.from) chunks.push(chunk);
    }

    let committed = before;
    let added = 0;
    const inFlight = new Map<number, number>();
    const report = () => {
      const stored = committed + [...inFlight.values()].reduce((a, b) => a + b, 0);
      input.onProgress?.({
        stored,
        committed,
        target,
        added: stored - before,
        elapsedMs: performance.now() - started,
      });
    };
    report();
    const counts = { copied: 0, staged: 0 };
    let next = 0;
    let failure: unknown;
    // Each connection takes the next chunk in order until none is left or one of them failed.
    await Promise.all(
      clients.map(async (client) => {
        while (failure === undefined && next < chunks.length) {
          const chunk = chunks[next++]!;
          const onSent = (sent: number) => {
            inFlight.set(chunk.index, sent);
            report();
          };
          try {
            const staged = input.viaStaging || chunk.present > 0;
            const result = staged
              ? await copyThroughStaging(client, input, chunk, onSent)
              : await copyChunk(client, input, chunk, onSent);
            counts[result.staged ? "staged" : "copied"] += 1;
            committed += result.rows;
            added += result.rows;
          } catch (error) {
            failure ??= error;
          } finally {
            inFlight.delete(chunk.index);
            report();
          }
        }
      }),
    );
    if (failure !== undefined) throw failure;

    const after = [...(await countRowsByChunk(clients[0]!, refs, chunkRows)).values()].reduce(
      (a, b) => a + b,
      0,
    );
    // Fresh statistics, so that the first queries on millions of new rows are planned for them.
    if (added > 0) await clients[0]!.query('ANALYZE "Observation"');
    return { before, added, after, elapsedMs: performance.now() - started, chunks: counts };
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => {})));
  }
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Fast, and no worse for the data: a crash of PostgreSQL loses the last chunks committed, never half of one; a rerun reloads them.
  await client.query("SET synchronous_commit = off");
  await client.query("SET statement_timeout = 0");
  return client;
}

/** Rows the organization has per chunk, from its generated rows' ids (the last 12 hex digits are the row's number). */
async function countRowsByChunk(
  client: pg.Client,
  refs: TLargeRefs,
  chunkRows: number,
): Promise<Map<number, number>> {
  const first = largeObservationId(refs.idPrefix, 0);
  const { rows } = await client.query<{ chunk: number; n: number }>(
    `SELECT (('x' || right(id, 12))::bit(48)::bigint / $4)::int AS chunk, count(*)::int AS n
       FROM "Observation"
      WHERE "organizationId" = $1 AND id >= $2 AND left(id, $3) = left($2, $3)
      GROUP BY 1`,
    [refs.organizationId, first, refs.idPrefix.length, chunkRows],
  );
  return new Map(rows.map((r) => [r.chunk, r.n]));
}

type TChunkResult = { rows: number; staged: boolean };

/** A chunk straight into "Observation"; when it meets rows stored meanwhile by another run, through the staging table. */
async function copyChunk(
  client: pg.Client,
  input: TLoadInput,
  chunk: TChunk,
  onSent: (sent: number) => void,
): Promise<TChunkResult> {
  try {
    await pipeline(
      await chunkText(input, chunk, onSent),
      client.query(copyFrom(`COPY "Observation" (${COLUMNS}) FROM STDIN`)),
    );
    return { rows: chunk.to - chunk.from, staged: false };
  } catch (error) {
    if ((error as { code?: string }).code !== "23505") throw error;
    return copyThroughStaging(client, input, chunk, onSent);
  }
}

/** COPY into a temporary table, then INSERT … ON CONFLICT DO NOTHING: only the rows not there yet. */
async function copyThroughStaging(
  client: pg.Client,
  input: TLoadInput,
  chunk: TChunk,
  onSent: (sent: number) => void,
): Promise<TChunkResult> {
  await client.query(
    `CREATE TEMP TABLE IF NOT EXISTS ${STAGING} (LIKE "Observation" INCLUDING DEFAULTS)`,
  );
  await client.query("BEGIN");
  try {
    await client.query(`TRUNCATE ${STAGING}`);
    await pipeline(
      await chunkText(input, chunk, onSent),
      client.query(copyFrom(`COPY ${STAGING} (${COLUMNS}) FROM STDIN`)),
    );
    const { rowCount } = await client.query(
      `INSERT INTO "Observation" (${COLUMNS}) SELECT ${COLUMNS} FROM ${STAGING} ON CONFLICT DO NOTHING`,
    );
    await client.query("COMMIT");
    return { rows: rowCount ?? 0, staged: true };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/**
 * The chunk's rows as COPY text, sorted by observedAt. Generated a piece at a time with a turn of
 * the event loop in between, so the other connection's stream keeps flowing; formatted a piece at
 * a time as the socket takes them (the stream's backpressure).
 */
async function chunkText(
  { model, refs }: TLoadInput,
  chunk: TChunk,
  onSent: (sent: number) => void,
): Promise<Readable> {
  const rows: TLargeRow[] = [];
  for (let start = chunk.from; start < chunk.to; start += PIECE_ROWS) {
    for (const row of generateLargeRows(model, start, Math.min(chunk.to, start + PIECE_ROWS)))
      rows.push(row);
    await nextTurn();
  }
  rows.sort((a, b) => a.observedAt - b.observedAt);
  function* pieces() {
    for (let start = 0; start < rows.length; start += PIECE_ROWS) {
      let text = "";
      for (const row of rows.slice(start, start + PIECE_ROWS)) text += toCopyLine(row, refs);
      onSent(Math.min(rows.length, start + PIECE_ROWS));
      yield text;
    }
  }
  return Readable.from(pieces(), { highWaterMark: 2 });
}
