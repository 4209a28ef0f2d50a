import { z } from "zod";
import { AIRTABLE_LIMITS, type SyncLimits } from "./csv/limits";
import { parseTrustProxy } from "./http/client-address";

// Read once, validated. `DATABASE_URL` is always set by the time the app runs: `npm start`
// fills it with the embedded server's address when the user did not give one.
const schema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  TABLESYNC_EMBEDDED: z.enum(["0", "1"]).default("0"),
  PUBLIC_URL: z.url().optional(),
  ALLOW_SIGNUP: z.enum(["true", "false"]).default("true"),
  // A session unused this long ends (it lasts 30 days at most either way).
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(24 * 60),
  // Sign-ups allowed per client address per hour (the web form; the admin CLI is not limited).
  SIGN_UP_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(5),
  // How many reverse proxies stand in front (each appends to X-Forwarded-For); 0 = none.
  TRUST_PROXY: z.string().default("false").transform(parseTrustProxy),
  // Quotas per user: bases a user may own, syncs one base may hold (received CSVs are already
  // bounded: a sync keeps its latest few).
  MAX_BASES_PER_USER: z.coerce.number().int().min(1).default(100),
  MAX_SYNCS_PER_BASE: z.coerce.number().int().min(1).default(100),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  // Longest one read of records (API page, grid page, CSV page, count) may run in Postgres.
  READ_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1).default(5_000),
  // The Sync API's per-base limit (the reference product: 20 requests per 5 minutes per base).
  SYNC_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(20),
  SYNC_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(300),
  // The limits of one sync request (contract, "Limits"); README says what raising them costs. A
  // body is decoded into one string, and V8 strings stop at 2^29 - 24 characters: hence 500 MB.
  SYNC_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(500 * 1024 * 1024).default(AIRTABLE_LIMITS.maxBodyBytes),
  SYNC_MAX_ROWS: z.coerce.number().int().min(1).max(10_000_000).default(AIRTABLE_LIMITS.maxRows),
  SYNC_MAX_COLUMNS: z.coerce.number().int().min(1).max(10_000).default(AIRTABLE_LIMITS.maxColumns),
  // How many of a sync's latest applied runs keep their change list (and can be undone); 0: none.
  SYNC_CHANGE_LIST_RUNS: z.coerce.number().int().min(0).max(1000).default(10),
  // The read API's per-base limit (Airtable: 5 requests per second per base).
  READ_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(1).default(5),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof schema>;

export const env: Env = schema.parse(process.env);

export const syncLimits: SyncLimits = {
  maxBodyBytes: env.SYNC_MAX_BODY_BYTES,
  maxRows: env.SYNC_MAX_ROWS,
  maxColumns: env.SYNC_MAX_COLUMNS,
};

export function requireDatabaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set. Start Tablesync with `npm start`, which provides the embedded database.");
  }
  return env.DATABASE_URL;
}
