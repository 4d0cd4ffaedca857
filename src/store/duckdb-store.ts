import { DuckDBInstance } from "@duckdb/node-api";
import type { DuckDBConnection } from "@duckdb/node-api";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { MigmonError, UsageError } from "../core/index.ts";
import { diffPage, diffReleases } from "./diff.ts";
import { loadRelease } from "./load-release.ts";
import { getDataset, listDatasets, listReleases, queryObservations } from "./queries.ts";
import { queryObservationPage } from "./query-page.ts";
import { SerialQueue } from "./queue.ts";
import { ReadCache } from "./read-cache.ts";
import { ReadPool } from "./read-pool.ts";
import { checkSchemaVersion, migrateSchema } from "./schema.ts";
import { StatementCache } from "./statements.ts";
import { StoreFailureError, describeCheckpointFailure, describeStoreFailure } from "./store-failure.ts";
import type { Store } from "./store.ts";
import { sumObservations } from "./sum.ts";

/** A load asked of a store opened read-only: HTTP 409, since the store is busy with another process, not broken. */
export class ReadOnlyStoreError extends MigmonError {
  constructor(message: string) {
    super(message, { exitCode: 1, httpStatus: 409 });
  }
}

/** How many read connections a store opens unless told otherwise. */
export const defaultReaders = 4;

/** The database file used when neither an argument nor MIGMON_DB names one (relative to the working directory). */
export const defaultDbPath = "var/migmon.duckdb";

/** The database path to use: MIGMON_DB from `env` when set, else `var/migmon.duckdb`. */
export function dbPathFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  const fromEnv = env["MIGMON_DB"];
  return fromEnv !== undefined && fromEnv !== "" ? fromEnv : defaultDbPath;
}

/**
 * Opens (creating it and its directory if needed) the DuckDB database file at `path` as the observation store,
 * bringing its schema up to date. Loads run one at a time on a write connection; reads run in parallel on a pool
 * of `readers` read connections (read-pool.ts), so a read never waits for a load and sees the previous release
 * until the load commits. Throws MigmonError naming the file when it cannot be opened (for instance when another
 * process holds it), UsageError when `readers` is not a positive integer.
 *
 * With `readOnly` the file is opened in DuckDB's READ_ONLY access mode: any number of processes may hold it so at
 * once (never beside a read-write process), the schema must be current already, and a load is refused with a
 * ReadOnlyStoreError. `migmon serve --workers N` opens it so in every worker, and a CLI command that meets another
 * process's lock reads through such a connection (issue 16).
 */
export async function openDuckDbStore(path: string, options: { readonly readers?: number; readonly readOnly?: boolean } = {}): Promise<Store> {
  const readers = options.readers ?? defaultReaders;
  if (!Number.isInteger(readers) || readers < 1) throw new UsageError(`readers must be a positive integer, not ${readers}`);
  let instance: DuckDBInstance;
  try {
    await mkdir(dirname(path), { recursive: true });
    instance = await DuckDBInstance.create(path, options.readOnly === true ? { access_mode: "READ_ONLY" } : {});
  } catch (cause) {
    throw new MigmonError(`cannot open the store ${path}: ${cause instanceof Error ? cause.message.split("\n")[0] : String(cause)}`, { cause });
  }
  const writer = await instance.connect();
  if (options.readOnly === true) await checkSchemaVersion(writer, path);
  else await migrateSchema(writer, path);
  const pool = new ReadPool(await Promise.all(Array.from({ length: readers }, () => instance.connect())));
  const cache = new ReadCache();
  const statements = new StatementCache();
  const writes = new SerialQueue();
  const read = <T>(task: (conn: DuckDBConnection) => Promise<T>) => pool.run(task);
  let closed = false;
  // Set once a load failed for the machine's sake: the close then does not report the same cause a second time.
  let machineFailed = false;

  return {
    // A failure of the machine (full disk, size limit, permission, lock) is reported as such, naming the file.
    loadRelease: (input) => options.readOnly === true
      ? Promise.reject(new ReadOnlyStoreError(`the store ${path} is open read-only (another process holds it for writing, or serve runs with --workers): ${input.dataset.id} was not loaded; stop that process, or load through its POST /api/update`))
      : writes.run(() => loadRelease(writer, input))
      .catch((error: unknown) => {
        const described = describeStoreFailure(error, input.dataset.id, path);
        if (described instanceof StoreFailureError) machineFailed = true;
        throw described;
      }),
    getDataset: (id, version) => read((c) => getDataset(c, id, version)),
    listDatasets: () => read((c) => listDatasets(c)),
    listReleases: (id) => read((c) => listReleases(c, id)),
    query: (q) => read((c) => queryObservations(c, q, cache, statements)),
    queryPage: (q, page) => read((c) => queryObservationPage(c, q, page, cache, statements)),
    sum: (q, keep, sumOptions = {}) => read((c) => sumObservations(c, q, keep, sumOptions, cache, statements)),
    diff: (id, from, to) => read((c) => diffReleases(c, id, from, to)),
    diffPage: (id, from, to, page) => read((c) => diffPage(c, id, from, to, page)),
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([writes.run(async () => undefined), pool.close((c) => { statements.release(c); c.closeSync(); })]);
      // DuckDB's close checkpoints the write-ahead log into the file and says nothing when that fails (a disk that
      // filled after the commit): checkpointing here first makes that failure known.
      let failure: StoreFailureError | null = null;
      if (path !== ":memory:" && !machineFailed && options.readOnly !== true) {
        try {
          await writer.run("CHECKPOINT");
        } catch (error) {
          failure = describeCheckpointFailure(error, path);
        }
      }
      writer.closeSync();
      instance.closeSync();
      if (failure !== null) throw failure;
    },
  };
}
