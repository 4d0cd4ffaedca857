import { MigmonError } from "../core/index.ts";
import type { Store } from "../store/store.ts";
import type { CliContext } from "./context.ts";
import { databasePath } from "./settings.ts";
import { openStoreFromEnv } from "./store-from-env.ts";
import type { OpenedStore } from "./store-from-env.ts";

/**
 * The store a command works on. When another process holds the DuckDB file (a running `migmon serve`), DuckDB
 * refuses a second read-write open; if that process opened it read-only (serve without MIGMON_ADMIN_TOKEN, or with
 * --workers), this command may open it read-only too: reads then work as usual and a load is refused with a
 * ReadOnlyStoreError that says why (issue 16). A store held for writing stays the lock error, naming the process.
 */
async function openForCommand(context: CliContext): Promise<OpenedStore> {
  try {
    return await openStoreFromEnv(context);
  } catch (error) {
    if (!(error instanceof MigmonError) || !/Could not set lock/.test(error.message)) throw error;
    const file = databasePath(context);
    const { openDuckDbStore } = await import("../store/duckdb-store.ts");
    const store = await openDuckDbStore(file, { readOnly: true }).catch(() => { throw error; });
    return { store, label: `${file} (read-only: another process has it open)` };
  }
}

/**
 * Opens the store (store-from-env.ts), runs `work` with it and closes it, whatever happens. When `work` failed, a failing close
 * does not replace its error (the first error is the one that says what happened).
 */
export async function withStore<T>(context: CliContext, work: (store: Store) => Promise<T>): Promise<T> {
  // DuckDB's native module costs a third of a second to load: only commands that open the store pay it (issue 16).
  // MIGMON_DATABASE_URL picks the PostgreSQL store instead (store-from-env.ts, issue 18).
  const { store, label } = await openForCommand(context);
  // Quiet by default (stderr carries progress and errors); MIGMON_VERBOSE=1 names the store each command opens.
  if (context.env.MIGMON_VERBOSE === "1") context.stderr.write(`migmon: store ${label}\n`);
  let result: T;
  try {
    result = await work(store);
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  await store.close();
  return result;
}
