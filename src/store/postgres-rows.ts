import type { Dataset, DatasetId, Release, ReleaseId } from "../core/index.ts";
import { StoreValueError } from "./convert.ts";

// The PostgreSQL value boundary: BIGINT comes back from `pg` as text, TIMESTAMPTZ as a Date, TEXT[] as an array.
// Every row read by the PostgreSQL store passes through these functions, so it answers with the same plain values
// as the DuckDB store (read-rows.ts).

/** The columns `readPgDataset` expects. */
export const pgDatasetColumns = "id, publisher, code, dimensions, title_nl, title_fr, title_en, unit, frequency, licence";

/** The columns `readPgRelease` expects. */
export const pgReleaseColumns =
  "id, dataset, retrieved_at, source_updated_at, checksum, source_uri, format, observations, added, changed, removed";

type Row = Record<string, unknown>;

function text(row: Row, column: string): string {
  const v = row[column];
  if (typeof v !== "string") throw new StoreValueError(`${column} holds ${v === null ? "null" : typeof v}, expected text`);
  return v;
}

/** A whole number from an INTEGER (number) or BIGINT (text) column; throws StoreValueError naming the column. */
export function pgNumber(v: unknown, column: string): number {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new StoreValueError(`${column} holds ${String(v)}, expected a whole number`);
  return n;
}

/** A `datasets` row as a Dataset. */
export function readPgDataset(row: Row): Dataset {
  const dims = row["dimensions"];
  if (!Array.isArray(dims) || !dims.every((d) => typeof d === "string")) throw new StoreValueError("datasets.dimensions holds no text list");
  return {
    id: text(row, "id") as DatasetId,
    publisher: text(row, "publisher"),
    code: text(row, "code"),
    dimensions: dims as string[],
    title: { nl: text(row, "title_nl"), fr: text(row, "title_fr"), en: text(row, "title_en") },
    unit: text(row, "unit"),
    frequency: text(row, "frequency"),
    licence: text(row, "licence"),
  };
}

/** A `releases` row as a Release. */
export function readPgRelease(row: Row): Release {
  const at = row["retrieved_at"];
  if (!(at instanceof Date)) throw new StoreValueError("releases.retrieved_at holds no timestamp");
  const updated = row["source_updated_at"];
  return {
    id: pgNumber(row["id"], "releases.id") as ReleaseId,
    dataset: text(row, "dataset") as DatasetId,
    retrievedAt: at.toISOString(),
    sourceUpdatedAt: typeof updated === "string" ? updated : null,
    checksum: text(row, "checksum"),
    sourceUri: text(row, "source_uri"),
    format: text(row, "format"),
    observations: pgNumber(row["observations"], "releases.observations"),
    added: pgNumber(row["added"], "releases.added"),
    changed: pgNumber(row["changed"], "releases.changed"),
    removed: pgNumber(row["removed"], "releases.removed"),
  };
}
