import { access } from "node:fs/promises";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { DuckDBConnection } from "@duckdb/node-api";
import { InputError, UsageError } from "../core/index.ts";
import type { Dataset, DatasetId, Observation, Period, SeriesKey } from "../core/index.ts";
import { readInstant, readNullableNumber, readNullableString, readNumber, readString } from "./convert.ts";
import { releasePartition, releasesFile } from "./parquet-export.ts";
import type { Store } from "./store.ts";

/** What `importParquet` loaded. */
export interface ParquetImportSummary {
  readonly datasets: number;
  readonly releases: number;
}

const batchRows = 100_000;

async function* releaseRows(conn: DuckDBConnection, file: string): AsyncGenerator<Observation[]> {
  const result = await conn.runAndReadAll(`SELECT series_key, period, value, flags FROM read_parquet($1)`, [file]);
  const all = result.getRows();
  for (let i = 0; i < all.length; i += batchRows) {
    yield all.slice(i, i + batchRows).map((row) => ({
      series: readString(row[0] ?? null, `${file} series_key`) as SeriesKey,
      period: readString(row[1] ?? null, `${file} period`) as Period,
      value: readNullableNumber(row[2] ?? null, `${file} value`),
      flags: readString(row[3] ?? null, `${file} flags`),
    }));
  }
}

/**
 * Loads a folder written by `exportParquet` (parquet-export.ts) into `store`, which must hold no dataset (else
 * UsageError): every release in release order, each as a release of its dataset with the metadata, checksum, source
 * and times it had, so the store rebuilds the same versions, release ids and counts. Files are read by DuckDB's
 * read_parquet. Throws InputError naming the folder when it has no catalogue or a release's file is missing.
 */
export async function importParquet(store: Store, dir: string, onRelease?: (dataset: string, release: number) => void): Promise<ParquetImportSummary> {
  const catalogueFile = path.join(dir, releasesFile);
  try {
    await access(catalogueFile);
  } catch {
    throw new InputError(dir, undefined, `no ${releasesFile}: not a folder written by migmon export --parquet, or an unfinished one`);
  }
  if ((await store.listDatasets()).length > 0) throw new UsageError("import --parquet loads into an empty store only; this store holds datasets");
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  try {
    const releases = (await conn.runAndReadAll(
      `SELECT dataset, release, publisher, code, dimensions, title_nl, title_fr, title_en, unit, frequency, licence,
         retrieved_at, source_updated_at, checksum, source_uri, format FROM read_parquet($1) ORDER BY release`, [catalogueFile])).getRows();
    const datasets = new Set<string>();
    for (const row of releases) {
      const text = (i: number, name: string) => readString(row[i] ?? null, `${releasesFile} ${name}`);
      const dataset: Dataset = {
        id: text(0, "dataset") as DatasetId, publisher: text(2, "publisher"), code: text(3, "code"), dimensions: text(4, "dimensions").split(","),
        title: { nl: text(5, "title_nl"), fr: text(6, "title_fr"), en: text(7, "title_en") },
        unit: text(8, "unit"), frequency: text(9, "frequency"), licence: text(10, "licence"),
      };
      const release = readNumber(row[1] ?? null, `${releasesFile} release`);
      const file = path.join(dir, releasePartition(dataset.id, release), "part.parquet");
      try {
        await access(file);
      } catch {
        throw new InputError(dir, undefined, `release ${release} of ${dataset.id} is in ${releasesFile} but ${file} is missing`);
      }
      await store.loadRelease({
        dataset,
        checksum: text(13, "checksum"),
        sourceUri: text(14, "source_uri"),
        format: text(15, "format"),
        retrievedAt: readInstant(row[11] ?? null, `${releasesFile} retrieved_at`),
        sourceUpdatedAt: readNullableString(row[12] ?? null, `${releasesFile} source_updated_at`),
        batches: releaseRows(conn, file),
        // The export holds what the store had accepted, refusals included: it is loaded as it was.
        allowShrink: true,
      });
      datasets.add(dataset.id);
      onRelease?.(dataset.id, release);
    }
    return { datasets: datasets.size, releases: releases.length };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
