// Kept apart from postgres-store.ts so that a command learns which store to open without loading `pg`.

/** The PostgreSQL database every command and `serve` use instead of the DuckDB file when set (a libpq URL). */
export function databaseUrlFromEnv(env: Readonly<Record<string, string | undefined>>): string | null {
  const url = env["MIGMON_DATABASE_URL"];
  return url !== undefined && url !== "" ? url : null;
}

/** A URL as it may appear in a message: without its password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return "the PostgreSQL database (MIGMON_DATABASE_URL)";
  }
}
