import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Store } from "../store/store.ts";
import type { CliContext } from "./context.ts";
import { databasePath } from "./settings.ts";

/** The store a command opens and how messages name it. */
export interface OpenedStore {
  readonly store: Store;
  /** The DuckDB file, or the PostgreSQL URL without its password. */
  readonly label: string;
}

/**
 * Opens the store every command and `serve` use: the PostgreSQL database MIGMON_DATABASE_URL names when it is set
 * (a shared deployment; its schema created or migrated on the way), else the embedded DuckDB file (MIGMON_DB or
 * var/migmon.duckdb, its folder created). Each backend's module is loaded only when it is used (issue 16).
 */
export async function openStoreFromEnv(context: CliContext): Promise<OpenedStore> {
  const { databaseUrlFromEnv, describeDatabaseUrl } = await import("../store/postgres-url.ts");
  const url = databaseUrlFromEnv(context.env);
  if (url !== null) {
    const { openPostgresStore } = await import("../store/postgres-store.ts");
    return { store: await openPostgresStore(url), label: describeDatabaseUrl(url) };
  }
  const file = databasePath(context);
  await mkdir(path.dirname(file), { recursive: true });
  const { openDuckDbStore } = await import("../store/duckdb-store.ts");
  return { store: await openDuckDbStore(file), label: file };
}
