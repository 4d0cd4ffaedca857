import type { PoolClient } from "pg";
import { MigmonError } from "../core/index.ts";
import { maxDimensions } from "./schema.ts";
import { SchemaVersionError } from "./schema.ts";

const dimensionColumns = Array.from({ length: maxDimensions }, (_, i) => `dim${i + 1} TEXT`).join(", ");

/**
 * The PostgreSQL schema as numbered migrations, the same tables and meaning as the DuckDB schema (schema.ts) at its
 * version 2; migration n brings a database at version n - 1 to version n. Never edited once released.
 */
export const postgresMigrations: readonly (readonly string[])[] = [
  [
    `CREATE TABLE datasets (
       id TEXT PRIMARY KEY, publisher TEXT NOT NULL, code TEXT NOT NULL, dimensions TEXT[] NOT NULL,
       title_nl TEXT NOT NULL, title_fr TEXT NOT NULL, title_en TEXT NOT NULL,
       unit TEXT NOT NULL, frequency TEXT NOT NULL, licence TEXT NOT NULL)`,
    `CREATE TABLE releases (
       id INTEGER PRIMARY KEY, dataset TEXT NOT NULL REFERENCES datasets (id), retrieved_at TIMESTAMPTZ NOT NULL,
       source_updated_at TEXT, checksum TEXT NOT NULL, source_uri TEXT NOT NULL, format TEXT NOT NULL,
       observations BIGINT NOT NULL, added BIGINT NOT NULL, changed BIGINT NOT NULL, removed BIGINT NOT NULL)`,
    `CREATE INDEX releases_dataset ON releases (dataset, id)`,
    `CREATE TABLE release_metadata (
       release INTEGER PRIMARY KEY REFERENCES releases (id), title_nl TEXT NOT NULL, title_fr TEXT NOT NULL,
       title_en TEXT NOT NULL, unit TEXT NOT NULL, frequency TEXT NOT NULL, licence TEXT NOT NULL)`,
    `CREATE TABLE series (id INTEGER PRIMARY KEY, dataset TEXT NOT NULL, series_key TEXT NOT NULL, ${dimensionColumns},
       UNIQUE (dataset, series_key))`,
    `CREATE TABLE periods (id INTEGER PRIMARY KEY, period TEXT NOT NULL UNIQUE, period_start DATE NOT NULL, period_kind SMALLINT NOT NULL)`,
    `CREATE TABLE observations (
       series_id INTEGER NOT NULL, period_id INTEGER NOT NULL, value DOUBLE PRECISION, flags TEXT NOT NULL,
       valid_from INTEGER NOT NULL, valid_to INTEGER)`,
    // The latest state is what most reads and every revision's comparison read: a partial index holds only it.
    `CREATE UNIQUE INDEX observations_latest ON observations (series_id, period_id) WHERE valid_to IS NULL`,
    `CREATE INDEX observations_versions ON observations (series_id, valid_from)`,
    `CREATE VIEW observation_versions AS
       SELECT s.dataset, s.series_key, p.period, p.period_start, o.value, o.flags, o.valid_from, o.valid_to
       FROM observations o JOIN series s ON s.id = o.series_id JOIN periods p ON p.id = o.period_id`,
  ],
];

/** The PostgreSQL schema version this code reads and writes. */
export const postgresSchemaVersion = postgresMigrations.length;

/**
 * Brings the schema on `client` (its search_path) to `postgresSchemaVersion` in one transaction, recording each
 * migration in `schema_migrations`; an advisory lock keeps two processes from migrating at once. Throws
 * SchemaVersionError for a database written by a newer migmon, MigmonError naming `label` when it cannot.
 */
export async function migratePostgres(client: PoolClient, label: string): Promise<number> {
  await client.query("BEGIN");
  try {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('migmon-migrate:' || current_schema()))`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)`);
    const found = await client.query<{ v: number }>(`SELECT coalesce(max(version), 0)::INTEGER AS v FROM schema_migrations`);
    const current = found.rows[0]?.v ?? 0;
    if (current > postgresSchemaVersion) {
      throw new SchemaVersionError(`${label} has schema version ${current}, this migmon reads up to ${postgresSchemaVersion}`);
    }
    for (let version = current + 1; version <= postgresSchemaVersion; version++) {
      for (const statement of postgresMigrations[version - 1] ?? []) await client.query(statement);
      await client.query(`INSERT INTO schema_migrations VALUES ($1, now())`, [version]);
    }
    await client.query("COMMIT");
    return postgresSchemaVersion - current;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    if (error instanceof MigmonError) throw error;
    throw new MigmonError(`cannot bring the schema of ${label} up to date: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
