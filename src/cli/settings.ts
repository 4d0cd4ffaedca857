import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CliContext } from "./context.ts";

/** The repository root (this file is src/cli/settings.ts). */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The embedded store's file: MIGMON_DB, else var/migmon.duckdb under the working directory. */
export function databasePath(context: CliContext): string {
  return path.resolve(context.cwd, context.env.MIGMON_DB ?? path.join("var", "migmon.duckdb"));
}

/** The download cache: MIGMON_CACHE, else var/cache next to the default store. */
export function cacheDir(context: CliContext): string {
  return path.resolve(context.cwd, context.env.MIGMON_CACHE ?? path.join("var", "cache"));
}

/**
 * The folder of previously downloaded publisher files for machines without internet: MIGMON_OFFLINE_DIR, else
 * ../shared/data beside the repository when it exists, else null.
 */
export function defaultOfflineDir(context: CliContext): string | null {
  if (context.env.MIGMON_OFFLINE_DIR) return path.resolve(context.cwd, context.env.MIGMON_OFFLINE_DIR);
  const shared = path.resolve(repoRoot, "..", "shared", "data");
  return existsSync(shared) ? shared : null;
}
