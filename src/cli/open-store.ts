import type { Store } from "../store/store.ts";
import type { CliContext } from "./context.ts";
import { openStoreFromEnv } from "./store-from-env.ts";

/**
 * Opens the store (store-from-env.ts), runs `work` with it and closes it, whatever happens. When `work` failed, a failing close
 * does not replace its error (the first error is the one that says what happened).
 */
export async function withStore<T>(context: CliContext, work: (store: Store) => Promise<T>): Promise<T> {
  // DuckDB's native module costs a third of a second to load: only commands that open the store pay it (issue 16).
  // MIGMON_DATABASE_URL picks the PostgreSQL store instead (store-from-env.ts, issue 18).
  const { store, label } = await openStoreFromEnv(context);
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
