// The shape of a database schema, described twice in one form: once from schema.prisma (as
// Prisma would create it, names by Prisma's conventions) and once read from pg_catalog. The
// drift test compares the two.
import { getDMMF } from "@prisma/get-dmmf";
import type { Client } from "pg";

type TDatamodel = Extract<ReturnType<typeof getDMMF>, { datamodel: unknown }>["datamodel"];
type TField = TDatamodel["models"][number]["fields"][number];
type TIndex = TDatamodel["indexes"][number];

type TColumnShape = { type: string; nullable: boolean; default: string | null };
type TTableShape = {
  columns: Record<string, TColumnShape>;
  /** "name (col, col)" for the primary key, unique indexes and plain indexes. */
  primaryKey: string;
  uniques: string[];
  indexes: string[];
  /** "name (cols) -> Table (cols) on delete X on update Y". */
  foreignKeys: string[];
};
export type TSchemaShape = { enums: Record<string, string[]>; tables: Record<string, TTableShape> };

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

/** The native types (@db.…) schema.prisma uses, as format_type() prints them. */
const NATIVE_TYPES: Record<string, string> = { Date: "date" };

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

const describeKey = (name: string, columns: readonly string[]) => `${name} (${columns.join(", ")})`;

export function shapeFromPrismaSchema(schema: string): TSchemaShape {
  const result = getDMMF({ datamodel: schema });
  if ("reason" in result)
    throw new Error(`schema.prisma does not parse: ${result.reason}`, { cause: result.error });
  const { datamodel } = result;
  const enums = Object.fromEntries(
    datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]),
  );
  const tableOf = new Map(
    datamodel.models.map((model) => [model.name, model.dbName ?? model.name]),
  );
  const tables: Record<string, TTableShape> = {};

  for (const model of datamodel.models) {
    const table = tableOf.get(model.name)!;
    const columnOf = new Map(model.fields.map((field) => [field.name, field.dbName ?? field.name]));
    const columnsOf = (fields: readonly string[]) =>
      fields.map((field) => columnOf.get(field) ?? field);
    const columns: Record<string, TColumnShape> = {};
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      const type =
        field.kind === "enum"
          ? `"${field.type}"`
          : (NATIVE_TYPES[String(field.nativeType?.[0])] ?? SCALAR_TYPES[field.type] ?? field.type);
      columns[columnOf.get(field.name)!] = {
        // Prisma's migrations create list columns (String[]) as nullable arrays.
        type: field.isList ? `${type}[]` : type,
        nullable: field.isList || !field.isRequired,
        default: expectedDefault(field),
      };
    }

    const indexes = datamodel.indexes.filter((index) => index.model === model.name);
    const keyOf = (index: TIndex, suffix: string) => {
      const cols = columnsOf(index.fields.map((f) => f.name));
      return describeKey(index.dbName ?? `${table}_${cols.join("_")}_${suffix}`, cols);
    };
    const primary = indexes.find((index) => index.type === "id");
    const foreignKeys = model.fields
      .filter((field) => field.kind === "object" && field.relationFromFields?.length)
      .map((field) => {
        const from = columnsOf(field.relationFromFields!);
        const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
        const target = datamodel.models.find((m) => m.name === field.type)!;
        const toColumns = field.relationToFields!.map(
          (name) => target.fields.find((f) => f.name === name)?.dbName ?? name,
        );
        return `${describeKey(`${table}_${from.join("_")}_fkey`, from)} -> ${describeKey(tableOf.get(field.type)!, toColumns)} on delete ${REFERENTIAL_ACTIONS[onDelete]} on update CASCADE`;
      });

    tables[table] = {
      columns,
      primaryKey: primary
        ? describeKey(
            primary.dbName ?? `${table}_pkey`,
            columnsOf(primary.fields.map((f) => f.name)),
          )
        : "",
      uniques: indexes
        .filter((index) => index.type === "unique")
        .map((index) => keyOf(index, "key"))
        .sort(),
      indexes: indexes
        .filter((index) => index.type === "normal")
        .map((index) => keyOf(index, "idx"))
        .sort(),
      foreignKeys: foreignKeys.sort(),
    };
  }
  return { enums, tables };
}

function expectedDefault(field: TField): string | null {
  const value = field.default;
  if (value === undefined) return null;
  if (typeof value === "object" && value !== null && "name" in value) {
    if (value.name === "now") return "CURRENT_TIMESTAMP";
    if (value.name === "autoincrement") return "nextval";
    return null; // cuid(), uuid(): generated by the client, not the database
  }
  if (Array.isArray(value)) return value.length === 0 ? "{}" : `{${value.join(",")}}`;
  return String(value);
}

export async function shapeFromDatabase(client: Client): Promise<TSchemaShape> {
  const enumRows = await client.query<{ name: string; value: string }>(`
    SELECT t.typname AS name, e.enumlabel AS value
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = current_schema() ORDER BY t.typname, e.enumsortorder`);
  const enums: Record<string, string[]> = {};
  for (const row of enumRows.rows) (enums[row.name] ??= []).push(row.value);

  const columnRows = await client.query<{
    table: string;
    column: string;
    type: string;
    nullable: boolean;
    default: string | null;
  }>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
           NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      AND c.relname <> '_prisma_migrations'
    ORDER BY c.relname, a.attnum`);
  const tables: Record<string, TTableShape> = {};
  for (const row of columnRows.rows) {
    const table = (tables[row.table] ??= {
      columns: {},
      primaryKey: "",
      uniques: [],
      indexes: [],
      foreignKeys: [],
    });
    table.columns[row.column] = {
      type: row.type,
      nullable: row.nullable,
      default: normalizeDefault(row.default),
    };
  }

  const indexRows = await client.query<{
    table: string;
    name: string;
    columns: string[];
    primary: boolean;
    unique: boolean;
  }>(`
    SELECT t.relname AS table, i.relname AS name, x.indisprimary AS primary, x.indisunique AS unique,
           array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = current_schema() AND t.relname <> '_prisma_migrations'
      -- Partial indexes (… WHERE …) cannot be written in schema.prisma: migrations add them by hand.
      AND x.indpred IS NULL`);
  for (const row of indexRows.rows) {
    const table = tables[row.table]!;
    const key = describeKey(row.name, row.columns);
    if (row.primary) table.primaryKey = key;
    else (row.unique ? table.uniques : table.indexes).push(key);
  }

  const foreignKeyRows = await client.query<{
    table: string;
    name: string;
    columns: string[];
    target: string;
    targetColumns: string[];
    onDelete: string;
    onUpdate: string;
  }>(`
    SELECT t.relname AS table, con.conname AS name, f.relname AS target,
           array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
           array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS "targetColumns",
           con.confdeltype AS "onDelete", con.confupdtype AS "onUpdate"
    FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class f ON f.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE con.contype = 'f' AND n.nspname = current_schema()`);
  const action: Record<string, string> = {
    a: "NO ACTION",
    r: "RESTRICT",
    c: "CASCADE",
    n: "SET NULL",
    d: "SET DEFAULT",
  };
  for (const row of foreignKeyRows.rows) {
    tables[row.table]!.foreignKeys.push(
      `${describeKey(row.name, row.columns)} -> ${describeKey(row.target, row.targetColumns)} on delete ${action[row.onDelete]} on update ${action[row.onUpdate]}`,
    );
  }
  for (const table of Object.values(tables)) {
    table.uniques.sort();
    table.indexes.sort();
    table.foreignKeys.sort();
  }
  return { enums, tables };
}

/** `'ko'::"Locale"` → `ko`, `nextval('"AuditLog_id_seq"'::regclass)` → `nextval`. */
function normalizeDefault(expression: string | null): string | null {
  if (expression === null) return null;
  if (expression.startsWith("nextval(")) return "nextval";
  if (/^ARRAY\[\]::[\w" ]+\[\]$/.test(expression)) return "{}";
  const literal = /^'(.*)'::[\w" ]+$/s.exec(expression);
  return literal ? literal[1]!.replaceAll("''", "'") : expression;
}
