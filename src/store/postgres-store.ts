import pg from "pg";
import type { PoolClient } from "pg";
import { MigmonError, UsageError } from "../core/index.ts";
import { loadPostgresRelease } from "./postgres-load.ts";
import { pgDiff, pgDiffPage, pgGetDataset, pgListDatasets, pgListReleases, pgQuery, pgQueryPage, pgSum } from "./postgres-queries.ts";
import { migratePostgres } from "./postgres-schema.ts";
import { describeDatabaseUrl } from "./postgres-url.ts";
import type { Store } from "./store.ts";

/** The store's PostgreSQL server cannot be reached or went away: exit 1, HTTP 503. */
export class DatabaseUnavailableError extends MigmonError {
  constructor(message: string, cause: unknown) {
    super(message, { exitCode: 1, httpStatus: 503, cause });
  }
}

const unavailableCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03", "08006", "08001", "08003", "08004"]);

/**
 * `error` as the store reports it: a MigmonError passes unchanged; a server that refuses, drops or shuts down
 * the connection (a restart during a load or a read) becomes DatabaseUnavailableError naming `what` and the
 * database in one line; anything else passes unchanged.
 */
export function describePostgresFailure(error: unknown, what: string, label: string): unknown {
  if (error instanceof MigmonError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error);
  if ((typeof code === "string" && unavailableCodes.has(code)) || /Connection terminated|connection.*(closed|ended)|terminating connection/i.test(message)) {
    return new DatabaseUnavailableError(`the PostgreSQL store ${label} is unavailable while ${what}; nothing was written by it: ${message}`, error);
  }
  return error;
}

export interface PostgresStoreOptions {
  /** The PostgreSQL schema that holds the store's tables (created when missing); `public` when absent. */
  readonly schema?: string;
  /** How many connections reads may use at once (a load uses one more). */
  readers?: number;
}

/**
 * Opens the observation store in the PostgreSQL database at `url` (`postgres://user@host:port/db`), creating and
 * migrating its schema (postgres-schema.ts). The same Store as openDuckDbStore: a load is one transaction (COPY into
 * temporary tables, then the comparison and the writes), loads of one schema wait for each other (advisory lock,
 * across processes too), and each read runs in one REPEATABLE READ snapshot, so it sees the old release or the new
 * one whole, never a mix. Throws DatabaseUnavailableError when the server cannot be reached, UsageError for a bad
 * schema name or readers count.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const readers = options.readers ?? 4;
  if (!Number.isInteger(readers) || readers < 1) throw new UsageError(`readers must be a positive integer, not ${readers}`);
  const schema = options.schema ?? "public";
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new UsageError(`PostgreSQL schema ${JSON.stringify(schema)} must be lower-case letters, digits and _`);
  const label = describeDatabaseUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: readers + 1, options: `-c search_path=${schema}` });
  // An idle connection the server drops (a restart) must not crash the process: the next use reconnects.
  pool.on("error", () => undefined);
  // Nor may one in use: its query fails and that failure is reported (describePostgresFailure).
  pool.on("connect", (client) => { client.on("error", () => undefined); });
  const withClient = async <T>(what: string, work: (c: PoolClient) => Promise<T>): Promise<T> => {
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw describePostgresFailure(error, what, label);
    }
    let broken = false;
    try {
      return await work(client);
    } catch (error) {
      const described = describePostgresFailure(error, what, label);
      broken = described instanceof DatabaseUnavailableError;
      throw described;
    } finally {
      client.release(broken);
    }
  };
  try {
    await withClient("creating the schema", async (c) => {
      if (schema !== "public") await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await migratePostgres(c, label);
    });
  } catch (error) {
    await pool.end();
    throw error;
  }
  const read = <T>(what: string, work: (c: PoolClient) => Promise<T>) => withClient(what, async (c) => {
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      const result = await work(c);
      await c.query("COMMIT");
      return result;
    } catch (error) {
      await c.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  });
  let closed = false;
  return {
    loadRelease: (input) => withClient(`loading ${input.dataset.id}`, (c) => loadPostgresRelease(c, input)),
    getDataset: (id, version) => read(`reading ${id}`, (c) => pgGetDataset(c, id, version)),
    listDatasets: () => read("listing the datasets", (c) => pgListDatasets(c)),
    listReleases: (id) => read(`reading ${id}`, (c) => pgListReleases(c, id)),
    query: (q) => read(`reading ${q.dataset}`, (c) => pgQuery(c, q)),
    queryPage: (q, page) => read(`reading ${q.dataset}`, (c) => pgQueryPage(c, q, page)),
    sum: (q, keep, sumOptions = {}) => read(`reading ${q.dataset}`, (c) => pgSum(c, q, keep, sumOptions)),
    diff: (id, from, to) => read(`reading ${id}`, (c) => pgDiff(c, id, from, to)),
    diffPage: (id, from, to, page) => read(`reading ${id}`, (c) => pgDiffPage(c, id, from, to, page)),
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
