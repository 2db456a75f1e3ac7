import { z } from "zod";
import { parseEncryptionKey } from "./crypto/secret-box";

// The only reader of process.env. Each group is parsed lazily, when first needed, so that
// `next build` needs no secrets and a script needs only the variables it uses.

const ZPostgresUrl = z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" });

const LOOPBACK = "127.0.0.1";
/** "1": the demo accounts may sign in even when the server is reachable from the network. */
const ZDemoFlag = z.enum(["0", "1"], { error: 'must be "1" or "0"' }).optional();
const ZPublicUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s):// URL" })
  .transform((url) => url.replace(/\/+$/, ""));

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

const ZReadReplicaEnv = z.object({
  /**
   * A streaming replica of DATABASE_URL's server, as the app's role: the dashboards' aggregations
   * read there unless it has not yet replayed the reader's own last write (lib/db/read-replica.ts).
   * One server, not a pool of them behind one address. Unset: every read goes to DATABASE_URL.
   */
  DATABASE_READ_URL: ZPostgresUrl.optional(),
});

const ZAuthEnv = z.object({
  AUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (npm start generates one into .data/)"),
});

const ZEncryptionKey = z.string().transform((text, context) => {
  const key = parseEncryptionKey(text);
  if (!key) {
    context.addIssue({ code: "custom", message: "must be 32 random bytes in base64url" });
    return z.NEVER;
  }
  return key;
});

const ZEncryptionEnv = z.object({
  /** Seals secrets stored in the database (SSO client secrets); npm start generates one into .data/. */
  MOMENTS_ENCRYPTION_KEY: ZEncryptionKey,
});

const ZStartEnv = z.object({
  /** The app's role: rows only. */
  DATABASE_URL: ZPostgresUrl.optional(),
  /** The owner role, for migrations, backups and restores (docs/SECURITY.md, "Database roles"). */
  DATABASE_OWNER_URL: ZPostgresUrl.optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  MOMENTS_ENCRYPTION_KEY: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The address the server listens on: the loopback unless said otherwise (safe by default). */
  HOSTNAME: z.string().min(1).default(LOOPBACK),
  /** Where the embedded PostgreSQL, the generated secret and run files live. */
  MOMENTS_DATA_DIR: z.string().min(1).default(".data"),
  MOMENTS_DEMO: ZDemoFlag,
  MOMENTS_PUBLIC_URL: ZPublicUrl.optional(),
});

export type TStartEnv = z.infer<typeof ZStartEnv>;

const ZDeploymentEnv = z.object({
  /** Set by `npm start` for the app: where it listens (demo accounts only on the loopback). */
  HOSTNAME: z.string().min(1).default(LOOPBACK),
  MOMENTS_DEMO: ZDemoFlag,
  /**
   * The address people reach the app at, for the links in invitations and password resets (never
   * taken from a request's Host header, which a client can forge). `npm start` fills it in.
   */
  MOMENTS_PUBLIC_URL: ZPublicUrl.default("http://localhost:3000"),
  /** smtp://user:password@host:port or smtps://…; without it, links are shown to the admin. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z.string().min(3).default("Moments <no-reply@localhost>"),
});

const ZApiEnv = z.object({
  /** Requests one API key may make per minute on /api/v1. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
});

const ZProxyAddress = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], {
  error: "each entry must be an IP address or a CIDR range, e.g. 10.0.0.0/8",
});

/** Which reverse proxies' X-Forwarded-For counts (lib/http/client-address.ts); read by scripts/serve.ts. */
const ZClientAddressEnv = z
  .object({
    /** Comma-separated addresses and CIDR ranges of the proxies in front of the app. */
    TRUSTED_PROXIES: z
      .string()
      .default("")
      .transform((list) =>
        list
          .split(",")
          .map((entry) => entry.trim())
          .filter(Boolean),
      )
      .pipe(z.array(ZProxyAddress)),
    /** Or: how many proxies stand in front of the app, whatever their addresses. */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(20).default(0),
  })
  .refine((env) => env.TRUSTED_PROXIES.length === 0 || env.TRUSTED_PROXY_HOPS === 0, {
    error: "set TRUSTED_PROXIES or TRUSTED_PROXY_HOPS, not both",
  })
  .transform((env) => ({ proxies: env.TRUSTED_PROXIES, hops: env.TRUSTED_PROXY_HOPS }));

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
export const readReplicaEnv = lazy(ZReadReplicaEnv, "the read replica");
export const authEnv = lazy(ZAuthEnv, "sign-in");
export const encryptionEnv = lazy(ZEncryptionEnv, "stored secrets");
export const apiEnv = lazy(ZApiEnv, "the ingestion API");
export const deploymentEnv = lazy(ZDeploymentEnv, "accounts and mail");
export const clientAddressEnv = lazy(ZClientAddressEnv, "client addresses");
export const importEnv = lazy(ZImportEnv, "the survey import");
/** Read once by `npm start`; every variable is optional there, the start script fills the gaps. */
export const startEnv = lazy(ZStartEnv, "npm start");
