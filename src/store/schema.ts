import type { DuckDBConnection } from "@duckdb/node-api";
import { MigmonError } from "../core/index.ts";
import { readNumber } from "./convert.ts";
import { rollbackAfter } from "./store-failure.ts";

/** The most dimensions a dataset may have: the series table keeps one column per dimension position. */
export const maxDimensions = 12;

const dimensionColumns = Array.from({ length: maxDimensions }, (_, i) => `dim${i + 1} VARCHAR`).join(", ");

/**
 * The schema as numbered migrations; migration n brings a file at version n - 1 to version n. A migration is
 * never edited once released: a change of schema is a new entry at the end.
 */
export const migrations: readonly (readonly string[])[] = [
  [
    `CREATE TABLE datasets (
       id VARCHAR PRIMARY KEY, publisher VARCHAR NOT NULL, code VARCHAR NOT NULL, dimensions VARCHAR[] NOT NULL,
       title_nl VARCHAR NOT NULL, title_fr VARCHAR NOT NULL, title_en VARCHAR NOT NULL,
       unit VARCHAR NOT NULL, frequency VARCHAR NOT NULL, licence VARCHAR NOT NULL)`,
    `CREATE TABLE releases (
       id INTEGER PRIMARY KEY, dataset VARCHAR NOT NULL, retrieved_at TIMESTAMP NOT NULL, source_updated_at VARCHAR,
       checksum VARCHAR NOT NULL, source_uri VARCHAR NOT NULL, format VARCHAR NOT NULL,
       observations BIGINT NOT NULL, added BIGINT NOT NULL, changed BIGINT NOT NULL, removed BIGINT NOT NULL)`,
    // One row per series; dimN is the code of the dataset's Nth dimension, so a filter on a dimension is a plain
    // column comparison that DuckDB evaluates on dictionary-compressed strings.
    `CREATE TABLE series (id INTEGER NOT NULL, dataset VARCHAR NOT NULL, series_key VARCHAR NOT NULL, ${dimensionColumns})`,
    // Every distinct period once, with where it sorts: ordering by (period_start, period_kind) is comparePeriods.
    `CREATE TABLE periods (id INTEGER NOT NULL, period VARCHAR NOT NULL, period_start DATE NOT NULL, period_kind UTINYINT NOT NULL)`,
    // One row per version of an observation. No index: rows are appended in series order per release and DuckDB's
    // per-row-group min/max (zonemaps) on series_id skip everything outside the requested series (README.md).
    `CREATE TABLE observations (
       series_id INTEGER NOT NULL, period_id INTEGER NOT NULL, value DOUBLE, flags VARCHAR NOT NULL,
       valid_from INTEGER NOT NULL, valid_to INTEGER)`,
    // For R, Python and the DuckDB CLI: every version of every observation with its dataset, series key and period.
    `CREATE VIEW observation_versions AS
       SELECT s.dataset, s.series_key, p.period, p.period_start, o.value, o.flags, o.valid_from, o.valid_to
       FROM observations o JOIN series s ON s.id = o.series_id JOIN periods p ON p.id = o.period_id`,
  ],
  [
    // The metadata each release brought (README.md, "Metadata per release"): an earlier release keeps its labels
    // and unit when a later one changes them. Releases loaded before this migration get the dataset's labels as
    // they were then, the only ones the file still knew.
    `CREATE TABLE release_metadata (
       release INTEGER PRIMARY KEY, title_nl VARCHAR NOT NULL, title_fr VARCHAR NOT NULL, title_en VARCHAR NOT NULL,
       unit VARCHAR NOT NULL, frequency VARCHAR NOT NULL, licence VARCHAR NOT NULL)`,
    `INSERT INTO release_metadata
       SELECT r.id, d.title_nl, d.title_fr, d.title_en, d.unit, d.frequency, d.licence
       FROM releases r JOIN datasets d ON d.id = r.dataset`,
  ],
];

/** The schema version this code reads and writes. */
export const schemaVersion = migrations.length;

/** Thrown when the file was written by a newer version of migmon than this one. */
export class SchemaVersionError extends MigmonError {}

/**
 * Checks, without writing, that the database on `conn` (opened read-only) is at `schemaVersion`. Throws
 * SchemaVersionError naming the file and both versions otherwise (a read-only open cannot migrate it).
 */
export async function checkSchemaVersion(conn: DuckDBConnection, path: string): Promise<void> {
  let current = 0;
  try {
    const reader = await conn.runAndReadAll(`SELECT coalesce(max(version), 0) FROM schema_migrations`);
    current = readNumber(reader.getRows()[0]?.[0] ?? null, "schema_migrations.version");
  } catch {
    // No schema_migrations table: a file that was never opened by migmon for writing.
  }
  if (current !== schemaVersion) {
    throw new SchemaVersionError(`${path} has schema version ${current} and is open read-only, so it cannot be brought to version ${schemaVersion}: open it once without another process holding it`);
  }
}

/**
 * Brings the database on `conn` to `schemaVersion`, applying the missing migrations in one transaction and
 * recording each in `schema_migrations`. Throws SchemaVersionError for a file newer than this code.
 */
export async function migrateSchema(conn: DuckDBConnection, path: string): Promise<void> {
  await conn.run(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)`);
  const reader = await conn.runAndReadAll(`SELECT coalesce(max(version), 0) FROM schema_migrations`);
  const current = readNumber(reader.getRows()[0]?.[0] ?? null, "schema_migrations.version");
  if (current > schemaVersion) {
    throw new SchemaVersionError(`${path} has schema version ${current}, this migmon reads up to ${schemaVersion}`);
  }
  if (current === schemaVersion) return;
  await conn.run("BEGIN TRANSACTION");
  try {
    for (let version = current + 1; version <= schemaVersion; version++) {
      for (const statement of migrations[version - 1] ?? []) await conn.run(statement);
      await conn.run(`INSERT INTO schema_migrations VALUES ($1, now()::TIMESTAMP)`, [version]);
    }
    await conn.run("COMMIT");
  } catch (error) {
    await rollbackAfter(conn);
    throw error;
  }
}
