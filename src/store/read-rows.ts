import type { DuckDBValue } from "@duckdb/node-api";
import type { Dataset, DatasetId, Release, ReleaseId } from "../core/index.ts";
import { readInstant, readNullableString, readNumber, readString, readStringList } from "./convert.ts";

/** The columns `readDataset` expects, in order. */
export const datasetColumns = "id, publisher, code, dimensions, title_nl, title_fr, title_en, unit, frequency, licence";

/** The columns `readRelease` expects, in order. */
export const releaseColumns =
  "id, dataset, retrieved_at, source_updated_at, checksum, source_uri, format, observations, added, changed, removed";

function at(row: readonly DuckDBValue[], i: number): DuckDBValue {
  return row[i] ?? null;
}

/** A `datasets` row (selected with `datasetColumns`) as a Dataset. */
export function readDataset(row: readonly DuckDBValue[]): Dataset {
  return {
    id: readString(at(row, 0), "datasets.id") as DatasetId,
    publisher: readString(at(row, 1), "datasets.publisher"),
    code: readString(at(row, 2), "datasets.code"),
    dimensions: readStringList(at(row, 3), "datasets.dimensions"),
    title: {
      nl: readString(at(row, 4), "datasets.title_nl"),
      fr: readString(at(row, 5), "datasets.title_fr"),
      en: readString(at(row, 6), "datasets.title_en"),
    },
    unit: readString(at(row, 7), "datasets.unit"),
    frequency: readString(at(row, 8), "datasets.frequency"),
    licence: readString(at(row, 9), "datasets.licence"),
  };
}

/** A `releases` row (selected with `releaseColumns`) as a Release. */
export function readRelease(row: readonly DuckDBValue[]): Release {
  return {
    id: readNumber(at(row, 0), "releases.id") as ReleaseId,
    dataset: readString(at(row, 1), "releases.dataset") as DatasetId,
    retrievedAt: readInstant(at(row, 2), "releases.retrieved_at"),
    sourceUpdatedAt: readNullableString(at(row, 3), "releases.source_updated_at"),
    checksum: readString(at(row, 4), "releases.checksum"),
    sourceUri: readString(at(row, 5), "releases.source_uri"),
    format: readString(at(row, 6), "releases.format"),
    observations: readNumber(at(row, 7), "releases.observations"),
    added: readNumber(at(row, 8), "releases.added"),
    changed: readNumber(at(row, 9), "releases.changed"),
    removed: readNumber(at(row, 10), "releases.removed"),
  };
}
