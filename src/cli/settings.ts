import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CliContext } from "./context.ts";

/** The repository root (this file is src/cli/settings.ts). */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The embedded store's file: MIGMON_DB (a relative path is taken from the working directory), else
 * var/migmon.duckdb in the repository (found from this file's place, so running `migmon` from another folder uses
 * the same store and never silently creates an empty one there).
 */
export function databasePath(context: CliContext): string {
  if (context.env.MIGMON_DB) return path.resolve(context.cwd, context.env.MIGMON_DB);
  return path.join(repoRoot, "var", "migmon.duckdb");
}

/** The download cache: MIGMON_CACHE (relative to the working directory), else var/cache in the repository beside the default store. */
export function cacheDir(context: CliContext): string {
  if (context.env.MIGMON_CACHE) return path.resolve(context.cwd, context.env.MIGMON_CACHE);
  return path.join(repoRoot, "var", "cache");
}

/**
 * The environment variables naming the mirror folder, the first set wins: MIGMON_MIRROR is the one name (DESIGN.md
 * §9); MIGMON_OFFLINE_DIR (the CLI's former name) and MIGMON_SHARED_DATA (the tests' and golden scripts' former
 * name) are deprecated aliases, read here and nowhere else in src/.
 */
export const mirrorVariables = ["MIGMON_MIRROR", "MIGMON_OFFLINE_DIR", "MIGMON_SHARED_DATA"] as const;

/**
 * The mirror folder: publisher files laid out like the publishers' own (../shared/data), for machines without
 * internet, the offline update and the boundary files. MIGMON_MIRROR (or a deprecated alias, mirrorVariables),
 * else ../shared/data beside the repository when it exists, else null.
 */
export function defaultOfflineDir(context: CliContext): string | null {
  for (const name of mirrorVariables) {
    const value = context.env[name];
    if (value) return path.resolve(context.cwd, value);
  }
  const shared = path.resolve(repoRoot, "..", "shared", "data");
  return existsSync(shared) ? shared : null;
}
