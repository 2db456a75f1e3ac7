// `npm run restore -- FILE`: checks the file's sha256, then loads it into an empty database — its
// tables dropped, migrated to the backup's level, every table COPYed in parent-first inside one
// transaction (foreign keys checked as usual), the id sequences set past the highest id, the row
// counts compared with the file's — and finally migrated to this version and the app role granted
// its privileges. The audit log's triggers stay on throughout: COPY only inserts, which they allow,
// and the old tables are dropped, not emptied. Why this way: docs/decisions/0006-backups.md.
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { backupDatabase } from "./backup";
import { from as copyFrom } from "pg-copy-streams";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { MIGRATIONS_TABLE, listTables } from "./catalog";
import {
  END_OF_ROWS,
  ZBackupHeader,
  ZBackupTrailer,
  ZTableStart,
  backupMigrationLevel,
  checksumFileOf,
  parseChecksumLine,
  parseLine,
  type TBackupHeader,
} from "./format";

export type TRestoreOptions = {
  file: string;
  /** The owner role: drops, migrates and loads. */
  ownerUrl: string;
  /** The app's role, granted its privileges at the end (left out when the two are one role). */
  appUrl?: string;
  /** Wipe a database that has rows instead of refusing it. */
  force?: boolean;
  /**
   * Where to back up a database --force is about to wipe, first: should the restore then fail
   * (a file of another version, a damaged table), what it replaced is not lost.
   */
  safetyBackupDir?: string;
  log?: (message: string) => void;
};

export type TRestoreResult = {
  header: TBackupHeader;
  rows: Record<string, number>;
  wiped: boolean;
};

/** A refusal that changed nothing: the file does not check out, or the database has rows. */
export class RestoreRefused extends Error {}

export async function restoreDatabase(options: TRestoreOptions): Promise<TRestoreResult> {
  const log = options.log ?? (() => {});
  await verifyChecksum(options.file);
  const { lines, close } = backupLines(options.file);
  const client = new pg.Client({ connectionString: options.ownerUrl });
  try {
    const header = parseLine(ZBackupHeader, await nextLine(lines, "header"), "header");
    const level = backupMigrationLevel(
      header.migrations,
      readMigrations().map(({ name, checksum }) => ({ name, checksum })),
    );
    await client.connect();
    const filled = await tablesWithRows(client);
    if (filled.length && !options.force)
      throw new RestoreRefused(
        `The database is not empty (${filled.length} table(s) have rows: ${filled.slice(0, 5).join(", ")}${filled.length > 5 ? ", …" : ""}). Nothing was changed. Restore into an empty database, or add --force to ERASE this one first.`,
      );
    if (filled.length && options.safetyBackupDir) {
      const safety = await backupDatabase({
        ownerUrl: options.ownerUrl,
        directory: options.safetyBackupDir,
      });
      log(`--force: the data about to be erased is backed up first, to ${safety.file}.`);
    }
    if (filled.length) log(`--force: erasing every table of the database (${filled.join(", ")}).`);
    await dropSchemaObjects(client);
    if (level) await migrate(options.ownerUrl, { upTo: level });

    const tables = await listTables(client);
    if (JSON.stringify(tables) !== JSON.stringify(header.tables))
      throw new Error(
        "The tables migrated to the backup's level do not match the backup's tables; the file was not written by this version's migrations.",
      );

    await client.query("BEGIN");
    const rows: Record<string, number> = {};
    for (const table of header.tables) {
      const start = parseLine(ZTableStart, await nextLine(lines, "table"), "table line");
      if (start.table !== table.name)
        throw new Error(
          `Not a Moments backup: expected table ${table.name}, found ${start.table}.`,
        );
      log(`Loading ${table.name} …`);
      rows[table.name] = await copyTableIn(client, table, lines);
    }
    const trailer = parseLine(ZBackupTrailer, await nextLine(lines, "trailer"), "trailer");
    for (const table of header.tables) {
      const { rows: counted } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${pg.escapeIdentifier(table.name)}`,
      );
      if (
        trailer.rows[table.name] !== rows[table.name] ||
        Number(counted[0]!.n) !== rows[table.name]
      )
        throw new Error(
          `Table ${table.name}: the backup lists ${trailer.rows[table.name]} rows, ${rows[table.name]} were read and ${counted[0]!.n} stored.`,
        );
    }
    await resetSequences(client);
    await client.query("COMMIT");

    // From the backup's schema to this version's, and the app role's grants.
    await migrate(options.ownerUrl, { appUrl: options.appUrl, log });
    for (const table of header.tables)
      await client.query(`ANALYZE ${pg.escapeIdentifier(table.name)}`);
    return { header, rows, wiped: filled.length > 0 };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    close();
    await client.end();
  }
}

/** Refuses a file whose sha256 is not the one beside it (or that has none beside it). */
async function verifyChecksum(file: string): Promise<string> {
  const checksumFile = checksumFileOf(file);
  if (!existsSync(file)) throw new RestoreRefused(`No such file: ${file}`);
  if (!existsSync(checksumFile))
    throw new RestoreRefused(
      `No checksum beside the backup (${checksumFile}); nothing was restored.`,
    );
  const expected = parseChecksumLine(readFileSync(checksumFile, "utf8"));
  if (!expected) throw new RestoreRefused(`${checksumFile} holds no sha256; nothing was restored.`);
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  const actual = hash.digest("hex");
  if (actual !== expected)
    throw new RestoreRefused(
      `The backup's checksum does not match (expected ${expected}, the file has ${actual}): the file is damaged or incomplete. Nothing was restored.`,
    );
  return actual;
}

type TLines = AsyncIterator<string>;

function backupLines(file: string): { lines: TLines; close: () => void } {
  const input = createReadStream(file);
  const reader = createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity });
  return {
    lines: reader[Symbol.asyncIterator](),
    close: () => {
      reader.close();
      input.destroy();
    },
  };
}

async function nextLine(lines: TLines, what: string): Promise<string> {
  const next = await lines.next();
  if (next.done) throw new Error(`Not a Moments backup, or cut short: the ${what} is missing.`);
  return next.value;
}

/** COPYs one table's lines in, up to the end-of-rows line; returns the number of rows. */
async function copyTableIn(
  client: pg.Client,
  table: { name: string; columns: string[] },
  lines: TLines,
): Promise<number> {
  let count = 0;
  async function* rowsOfTable() {
    let batch = "";
    for (;;) {
      const line = await nextLine(lines, `end of ${table.name}'s rows`);
      if (line === END_OF_ROWS) break;
      count += 1;
      batch += `${line}\n`;
      if (batch.length >= 1 << 16) {
        yield batch;
        batch = "";
      }
    }
    if (batch) yield batch;
  }
  const columns = table.columns.map((column) => pg.escapeIdentifier(column)).join(", ");
  await pipeline(
    Readable.from(rowsOfTable()),
    client.query(copyFrom(`COPY ${pg.escapeIdentifier(table.name)} (${columns}) FROM STDIN`)),
  );
  return count;
}

/** Tables of the schema (but the migrations record) that hold at least one row. */
async function tablesWithRows(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables
      WHERE schemaname = current_schema() AND tablename <> $1 ORDER BY tablename`,
    [MIGRATIONS_TABLE],
  );
  const filled: string[] = [];
  for (const { name } of rows) {
    const { rowCount } = await client.query(`SELECT 1 FROM ${pg.escapeIdentifier(name)} LIMIT 1`);
    if (rowCount) filled.push(name);
  }
  return filled;
}

/**
 * Drops what the migrations create in the schema — tables (with their triggers, indexes and
 * sequences), the migrations record, functions, enums — so that they can build it again. The
 * schema itself stays, with its owner and grants.
 */
async function dropSchemaObjects(client: pg.Client): Promise<void> {
  // Names, not oids: a table dropped with CASCADE can take a view of the list with it.
  await client.query(`
    DO $$
    DECLARE item record;
    BEGIN
      FOR item IN SELECT format('%I', c.relname) AS name,
                         CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END AS kind
            FROM pg_class c
           WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
      LOOP EXECUTE format('DROP %s IF EXISTS %s CASCADE', item.kind, item.name); END LOOP;
      FOR item IN SELECT format('%I', c.relname) AS name FROM pg_class c
           WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'S'
      LOOP EXECUTE format('DROP SEQUENCE IF EXISTS %s CASCADE', item.name); END LOOP;
      FOR item IN SELECT p.oid::regprocedure::text AS name FROM pg_proc p
           WHERE p.pronamespace = current_schema()::regnamespace
      LOOP EXECUTE format('DROP ROUTINE IF EXISTS %s CASCADE', item.name); END LOOP;
      FOR item IN SELECT format('%I', t.typname) AS name FROM pg_type t
           WHERE t.typnamespace = current_schema()::regnamespace AND t.typtype IN ('e', 'd')
      LOOP EXECUTE format('DROP TYPE IF EXISTS %s CASCADE', item.name); END LOOP;
    END $$`);
}

/** Every serial or identity sequence continues after the highest id restored. */
async function resetSequences(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ table: string; column: string; sequence: string }>(
    `SELECT c.relname AS table, a.attname AS column,
            pg_get_serial_sequence(format('%I', c.relname), a.attname) AS sequence
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
        AND a.attnum > 0 AND NOT a.attisdropped
        AND pg_get_serial_sequence(format('%I', c.relname), a.attname) IS NOT NULL`,
  );
  for (const { table, column, sequence } of rows) {
    await client.query(
      `SELECT setval($1, COALESCE(max(${pg.escapeIdentifier(column)}), 0) + 1, false) FROM ${pg.escapeIdentifier(table)}`,
      [sequence],
    );
  }
}
