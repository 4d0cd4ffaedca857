import { mkdir } from "node:fs/promises";
import path from "node:path";
import { openDuckDbStore } from "../store/duckdb-store.ts";
import type { Store } from "../store/store.ts";
import type { CliContext } from "./context.ts";
import { databasePath } from "./settings.ts";

/**
 * Opens the embedded store, runs `work` with it and closes it, whatever happens. When `work` failed, a failing close
 * does not replace its error (the first error is the one that says what happened).
 */
export async function withStore<T>(context: CliContext, work: (store: Store) => Promise<T>): Promise<T> {
  const file = databasePath(context);
  await mkdir(path.dirname(file), { recursive: true });
  const store = await openDuckDbStore(file);
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
