import { z } from "zod";

// The only reader of process.env. Each group is parsed lazily, when first needed, so that
// `next build` needs no secrets and a script needs only the variables it uses.

const ZPostgresUrl = z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" });

const ZDatabaseEnv = z.object({
  DATABASE_URL: ZPostgresUrl,
  /**
   * Connections this process may hold. 10: a 2-core machine does its best work with about five
   * busy connections ((cores × 2) + 1), and an interactive transaction keeps its connection
   * while Node works between statements, so twice that; well under PostgreSQL's 100, leaving
   * room for `npm start`'s seed, scripts and psql.
   */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** How long a query waits for a connection (a free one, or a new one to open) before failing. */
  DATABASE_CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** PostgreSQL cancels a statement running longer than this (0: never). */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
});

const ZAuthEnv = z.object({
  AUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (npm start generates one into .data/)"),
});

const ZStartEnv = z.object({
  DATABASE_URL: ZPostgresUrl.optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().min(1).default("0.0.0.0"),
  /** Where the embedded PostgreSQL, the generated secret and run files live. */
  MOMENTS_DATA_DIR: z.string().min(1).default(".data"),
});

export type TStartEnv = z.infer<typeof ZStartEnv>;

const ZApiEnv = z.object({
  /** Requests one API key may make per minute on /api/v1. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
});

const MIB = 1024 * 1024;

const ZImportEnv = z.object({
  /**
   * Bytes the parts of an uploaded XLSX may unpack to, counted as they inflate. A 50,000-row,
   * 15-column survey export written by Excel or exceljs (3.5 MB) unpacks to about 31 MB.
   */
  IMPORT_XLSX_MAX_UNPACKED_BYTES: z.coerce
    .number()
    .int()
    .min(MIB)
    .default(256 * MIB),
  /** Unpacked bytes per packed byte of one part: survey exports measure 8 to 11, zip bombs about 1,000. */
  IMPORT_XLSX_MAX_RATIO: z.coerce.number().min(2).max(1100).default(100),
});

function lazy<T extends z.ZodType>(schema: T, who: string): () => z.infer<T> {
  let cached: z.infer<T> | undefined;
  return () => {
    if (cached) return cached;
    // An empty variable (`DATABASE_URL=` in a .env file) counts as unset.
    const set = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
    const result = schema.safeParse(set);
    if (!result.success)
      throw new Error(`Invalid environment for ${who}:\n${z.prettifyError(result.error)}`);
    cached = result.data;
    return result.data;
  };
}

export const databaseEnv = lazy(ZDatabaseEnv, "the database client");
export const authEnv = lazy(ZAuthEnv, "sign-in");
export const apiEnv = lazy(ZApiEnv, "the ingestion API");
export const importEnv = lazy(ZImportEnv, "the survey import");
/** Read once by `npm start`; every variable is optional there, the start script fills the gaps. */
export const startEnv = lazy(ZStartEnv, "npm start");
