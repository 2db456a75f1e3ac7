// The two database roles (docs/SECURITY.md, "Database roles"): the OWNER role runs the migrations
// and owns every table, trigger and function; the APP role, which the running app connects as,
// may read and write rows and nothing more. Not being the owner, the app role cannot alter, drop
// or disable the audit log's append-only triggers, nor replace their function; it holds no
// UPDATE, DELETE or TRUNCATE on the audit log.
import pg from "pg";

/** The role names the embedded PostgreSQL creates. */
export const EMBEDDED_OWNER_ROLE = "moments_owner";
export const EMBEDDED_APP_ROLE = "moments_app";

/** Tables the app role may read but never change or empty. */
const APPEND_ONLY_TABLES = ["AuditLog"];
/** Tables the app role may not touch at all. */
const OWNER_ONLY_TABLES = ["_prisma_migrations"];

/** The role a postgres:// URL signs in as. */
export const roleOf = (url: string): string => decodeURIComponent(new URL(url).username);

const ident = (name: string) => pg.escapeIdentifier(name);

/**
 * Gives the app role what the app needs in the owner's current schema, on every table there now
 * (run after each migration) and on tables created later by the owner (default privileges, for a
 * migration applied by another tool). Idempotent. Runs as the owner role.
 */
export async function grantAppPrivileges(owner: pg.ClientBase, appRole: string): Promise<void> {
  const app = ident(appRole);
  const { rows } = await owner.query<{ schema: string; version: number }>(
    "SELECT current_schema() AS schema, current_setting('server_version_num')::int AS version",
  );
  const schema = ident(rows[0]!.schema);
  const existing = async (tables: string[]) =>
    (
      await owner.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename = ANY($1)`,
        [tables],
      )
    ).rows.map((row) => ident(row.name));
  const appendOnly = await existing(APPEND_ONLY_TABLES);
  const ownerOnly = await existing(OWNER_ONLY_TABLES);

  const statements = [
    `GRANT USAGE ON SCHEMA ${schema} TO ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${app}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${app}`,
    // ANALYZE after a bulk load or a rollup rebuild (PostgreSQL 17+; before that, only the owner
    // may, and the app's ANALYZE is skipped with a warning).
    ...(rows[0]!.version >= 170000
      ? [`GRANT MAINTAIN ON ALL TABLES IN SCHEMA ${schema} TO ${app}`]
      : []),
    ...appendOnly.map((table) => `REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM ${app}`),
    ...(rows[0]!.version >= 170000
      ? appendOnly.map((table) => `REVOKE MAINTAIN ON ${table} FROM ${app}`)
      : []),
    ...ownerOnly.map((table) => `REVOKE ALL ON ${table} FROM ${app}`),
  ];
  for (const statement of statements) await owner.query(statement);
}

/**
 * The embedded cluster's set-up, run as its superuser on every start: both roles exist with the
 * passwords kept under the data directory, the database belongs to the owner, and — for a data
 * directory from before there were two roles — everything the superuser created in the database
 * is handed to the owner (the grants follow in the migration step).
 */
export async function ensureEmbeddedRoles(
  superuser: pg.ClientBase,
  passwords: { owner: string; app: string },
): Promise<void> {
  for (const [role, password] of [
    [EMBEDDED_OWNER_ROLE, passwords.owner],
    [EMBEDDED_APP_ROLE, passwords.app],
  ] as const) {
    const { rowCount } = await superuser.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    if (!rowCount) await superuser.query(`CREATE ROLE ${ident(role)} LOGIN`);
    await superuser.query(
      `ALTER ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${pg.escapeLiteral(password)}`,
    );
  }
}

/** Run as the superuser, connected to the app's database: the owner role owns all of it. */
export async function handDatabaseToOwner(superuser: pg.ClientBase): Promise<void> {
  const owner = ident(EMBEDDED_OWNER_ROLE);
  await superuser.query(
    `ALTER DATABASE ${ident((await superuser.query<{ db: string }>("SELECT current_database() AS db")).rows[0]!.db)} OWNER TO ${owner}`,
  );
  await superuser.query(`
    DO $$
    DECLARE item record;
    BEGIN
      FOR item IN SELECT c.oid::regclass AS name FROM pg_class c
          WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v')
            AND c.relowner <> ${pg.escapeLiteral(EMBEDDED_OWNER_ROLE)}::regrole
      LOOP EXECUTE format('ALTER TABLE %s OWNER TO ${owner}', item.name); END LOOP;
      -- Sequences of a serial or identity column follow their table; the others are moved here.
      FOR item IN SELECT c.oid::regclass AS name FROM pg_class c
          WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'S'
            AND c.relowner <> ${pg.escapeLiteral(EMBEDDED_OWNER_ROLE)}::regrole
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))
      LOOP EXECUTE format('ALTER SEQUENCE %s OWNER TO ${owner}', item.name); END LOOP;
      FOR item IN SELECT p.oid::regprocedure AS name FROM pg_proc p
          WHERE p.pronamespace = current_schema()::regnamespace
            AND p.proowner <> ${pg.escapeLiteral(EMBEDDED_OWNER_ROLE)}::regrole
      LOOP EXECUTE format('ALTER ROUTINE %s OWNER TO ${owner}', item.name); END LOOP;
      FOR item IN SELECT t.oid::regtype AS name FROM pg_type t
          WHERE t.typnamespace = current_schema()::regnamespace AND t.typtype IN ('e', 'd')
            AND t.typowner <> ${pg.escapeLiteral(EMBEDDED_OWNER_ROLE)}::regrole
      LOOP EXECUTE format('ALTER TYPE %s OWNER TO ${owner}', item.name); END LOOP;
    END $$`);
}
