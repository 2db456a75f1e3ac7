// `npm run backup`: every table of the app's schema COPYed out inside one REPEATABLE READ, READ
// ONLY transaction — one snapshot, so rows, rollups and references agree with each other while the
// app goes on writing — into one gzip file, with its sha256 beside it. Why this way:
// docs/decisions/0006-backups.md; the file's layout: lib/backup/format.ts.
import { createHash } from "node:crypto";
import {
  closeSync,
  createWriteStream,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { appliedMigrations, listTables } from "./catalog";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  END_OF_ROWS,
  backupFileName,
  checksumFileOf,
  checksumLine,
  type TBackupHeader,
} from "./format";

export type TBackupResult = {
  file: string;
  checksumFile: string;
  sha256: string;
  bytes: number;
  header: TBackupHeader;
  rows: Record<string, number>;
};

const NEWLINE = 0x0a;

/** Writes a backup of the database `ownerUrl` names (as the owner role, which reads every table) into `directory`. */
export async function backupDatabase(options: {
  ownerUrl: string;
  directory: string;
  now?: Date;
}): Promise<TBackupResult> {
  const now = options.now ?? new Date();
  mkdirSync(options.directory, { recursive: true, mode: 0o700 });
  const file = path.join(options.directory, backupFileName(now));
  const partial = `${file}.partial`;
  const hash = createHash("sha256");
  let bytes = 0;

  const gzip = createGzip();
  const client = new pg.Client({ connectionString: options.ownerUrl });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const tables = await listTables(client);
    if (!tables.length) throw new Error("The database has no tables: nothing to back up.");
    const migrations = await appliedMigrations(client);
    const { rows: version } = await client.query<{ server_version: string }>("SHOW server_version");
    const header: TBackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: now.toISOString(),
      postgresVersion: version[0]!.server_version,
      migrations,
      tables,
    };

    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    const written = pipeline(gzip, hashing, createWriteStream(partial, { mode: 0o600 }));
    written.catch(() => {}); // awaited below; a failure on the way also ends the loop's writes
    const write = async (data: string | Buffer) => {
      if (!gzip.write(data)) await once(gzip, "drain");
    };

    const rows: Record<string, number> = {};
    await write(`${JSON.stringify(header)}\n`);
    for (const table of tables) {
      await write(`${JSON.stringify({ table: table.name })}\n`);
      const columns = table.columns.map((column) => pg.escapeIdentifier(column)).join(", ");
      const copy = client.query(
        copyTo(`COPY ${pg.escapeIdentifier(table.name)} (${columns}) TO STDOUT`),
      );
      let count = 0;
      // COPY's text format writes one row per line (a newline inside a value is escaped).
      for await (const chunk of copy as AsyncIterable<Buffer>) {
        for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1))
          count += 1;
        await write(chunk);
      }
      rows[table.name] = count;
      await write(`${END_OF_ROWS}\n`);
    }
    await write(`${JSON.stringify({ rows })}\n`);
    gzip.end();
    await written;
    await client.query("COMMIT");

    const descriptor = openSync(partial, "r");
    fsyncSync(descriptor);
    closeSync(descriptor);
    renameSync(partial, file);
    const sha256 = hash.digest("hex");
    const checksumFile = checksumFileOf(file);
    writeFileSync(checksumFile, checksumLine(sha256, path.basename(file)), { mode: 0o600 });
    return { file, checksumFile, sha256, bytes, header, rows };
  } catch (error) {
    gzip.destroy();
    rmSync(partial, { force: true });
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
