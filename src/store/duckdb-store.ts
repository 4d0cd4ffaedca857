import { DuckDBInstance } from "@duckdb/node-api";
import type { DuckDBConnection } from "@duckdb/node-api";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { MigmonError } from "../core/index.ts";
import { diffReleases } from "./diff.ts";
import { loadRelease } from "./load-release.ts";
import { getDataset, listDatasets, listReleases, queryObservations } from "./queries.ts";
import { SerialQueue } from "./queue.ts";
import { migrateSchema } from "./schema.ts";
import type { Store } from "./store.ts";

/** The database file used when neither an argument nor MIGMON_DB names one (relative to the working directory). */
export const defaultDbPath = "var/migmon.duckdb";

/** The database path to use: MIGMON_DB from `env` when set, else `var/migmon.duckdb`. */
export function dbPathFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  const fromEnv = env["MIGMON_DB"];
  return fromEnv !== undefined && fromEnv !== "" ? fromEnv : defaultDbPath;
}

/**
 * Opens (creating it and its directory if needed) the DuckDB database file at `path` as the observation store,
 * bringing its schema up to date. Loads run on a write connection, reads on a separate read connection, so a
 * reader sees the previous release until a load commits. Throws MigmonError naming the file when it cannot be
 * opened (for instance when another process holds it).
 */
export async function openDuckDbStore(path: string): Promise<Store> {
  let instance: DuckDBInstance;
  try {
    await mkdir(dirname(path), { recursive: true });
    instance = await DuckDBInstance.create(path);
  } catch (cause) {
    throw new MigmonError(`cannot open the store ${path}: ${cause instanceof Error ? cause.message.split("\n")[0] : String(cause)}`, { cause });
  }
  const writer = await instance.connect();
  const reader = await instance.connect();
  await migrateSchema(writer, path);
  const writes = new SerialQueue();
  const reads = new SerialQueue();
  const read = <T>(task: (conn: DuckDBConnection) => Promise<T>) => reads.run(() => task(reader));
  let closed = false;

  return {
    loadRelease: (input) => writes.run(() => loadRelease(writer, input)),
    getDataset: (id) => read((c) => getDataset(c, id)),
    listDatasets: () => read((c) => listDatasets(c)),
    listReleases: (id) => read((c) => listReleases(c, id)),
    query: (q) => read((c) => queryObservations(c, q)),
    diff: (id, from, to) => read((c) => diffReleases(c, id, from, to)),
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([writes.run(async () => undefined), reads.run(async () => undefined)]);
      writer.closeSync();
      reader.closeSync();
      instance.closeSync();
    },
  };
}
