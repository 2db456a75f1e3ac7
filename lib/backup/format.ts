// The backup file (docs/decisions/0006-backups.md): gzip of a text stream of lines —
//   line 1          the header: format, when, the migrations the schema is at, every table with its columns
//   per table       {"table": name}, then the rows in COPY's text format (one row per line), then `\.`
//   last line       the trailer: the row count of every table
// — and beside it `<file>.sha256`, in `sha256sum`'s format, so `sha256sum -c` checks it too.
// Pure: no I/O here; lib/backup/backup.ts and restore.ts read and write.
import { z } from "zod";

export const BACKUP_FORMAT = "moments-backup";
export const BACKUP_VERSION = 1;
/** Ends a table's rows: COPY's text format escapes a backslash, so no row is this line. */
export const END_OF_ROWS = "\\.";

const ZMigration = z.object({
  name: z.string().min(1),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TBackupMigration = z.infer<typeof ZMigration>;

export const ZBackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.iso.datetime(),
  postgresVersion: z.string(),
  migrations: z.array(ZMigration),
  tables: z.array(
    z.object({ name: z.string().min(1), columns: z.array(z.string().min(1)).min(1) }),
  ),
});
export type TBackupHeader = z.infer<typeof ZBackupHeader>;

export const ZTableStart = z.object({ table: z.string().min(1) });

export const ZBackupTrailer = z.object({ rows: z.record(z.string(), z.number().int().min(0)) });

/** `moments-20261207T030000Z.backup.gz`: sorts by time, safe in every file system. */
export function backupFileName(at: Date): string {
  const stamp = at
    .toISOString()
    .replaceAll(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
  return `moments-${stamp}.backup.gz`;
}

export const checksumFileOf = (file: string) => `${file}.sha256`;

/** The line `sha256sum` writes for a file (two spaces: binary-agnostic text mode). */
export const checksumLine = (sha256: string, fileName: string) => `${sha256}  ${fileName}\n`;

/** The checksum in a `.sha256` file, or null when the file does not hold one. */
export function parseChecksumLine(text: string): string | null {
  const match = /^([0-9a-f]{64})\s/.exec(text.trim() + " ");
  return match ? match[1]! : null;
}

/** Parses one of the file's JSON lines, naming the line when it is not what it should be. */
export function parseLine<T extends z.ZodType>(schema: T, line: string, what: string): z.output<T> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new Error(`Not a Moments backup: the ${what} line is not JSON.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new Error(`Not a Moments backup: bad ${what}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Tables in an order where every table comes after the tables its foreign keys point at (a
 * table's reference to itself does not count), so COPY can load them one by one with every
 * constraint checked. Names sort alphabetically among equals, for a stable file.
 */
export function dependencyOrder(
  tables: readonly string[],
  references: readonly { from: string; to: string }[],
): string[] {
  const waitingFor = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const { from, to } of references) {
    if (from !== to && waitingFor.has(from) && waitingFor.has(to)) waitingFor.get(from)!.add(to);
  }
  const ordered: string[] = [];
  while (waitingFor.size) {
    const ready = [...waitingFor].filter(([, needs]) => needs.size === 0).map(([table]) => table);
    if (!ready.length)
      throw new Error(
        `The foreign keys of ${[...waitingFor.keys()].join(", ")} form a cycle; COPY cannot load them in order.`,
      );
    for (const table of ready.sort()) {
      ordered.push(table);
      waitingFor.delete(table);
      for (const needs of waitingFor.values()) needs.delete(table);
    }
  }
  return ordered;
}

/**
 * What the restore may do with a backup taken at `backup`'s migrations, with this version of
 * Moments knowing `known`: the backup's migrations must be this version's first ones, unchanged.
 * Returns the name of the last one (the level to migrate an empty database to before loading).
 */
export function backupMigrationLevel(
  backup: readonly TBackupMigration[],
  known: readonly TBackupMigration[],
): string | null {
  backup.forEach((migration, index) => {
    const ours = known[index];
    if (!ours || ours.name !== migration.name)
      throw new Error(
        `The backup was taken at migration ${migration.name}, which this version of Moments does not have at that place; restore it with the version that made it.`,
      );
    if (ours.checksum !== migration.checksum)
      throw new Error(
        `Migration ${migration.name} differs between the backup and this version of Moments; restore it with the version that made it.`,
      );
  });
  return backup.at(-1)?.name ?? null;
}
