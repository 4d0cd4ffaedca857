import type { DuckDBConnection } from "@duckdb/node-api";
import { NotFoundError } from "../core/index.ts";
import type { Dataset, DatasetId, Period, Release, ReleaseId, SeriesKey } from "../core/index.ts";
import { doubleColumn, integerColumn, textColumn } from "./columns.ts";
import { StoreValueError, readNumber, readString } from "./convert.ts";
import type { ReadCache } from "./read-cache.ts";
import { datasetColumns, readDataset, readRelease, releaseColumns } from "./read-rows.ts";
import { selectObservations } from "./selection.ts";
import type { StatementCache } from "./statements.ts";
import { readReleaseMetadata, withMetadata } from "./release-metadata.ts";
import type { DatasetSummary, DatasetVersion, ObservationQuery, StoredObservation } from "./store.ts";
import { resolveVersion } from "./versions.ts";

/**
 * The dataset `id` with its newest metadata, or with `version` the metadata of the release that version reads
 * (the first release's for a date before any); throws NotFoundError naming the dataset or release.
 */
export async function getDataset(conn: DuckDBConnection, id: DatasetId, version: DatasetVersion = {}): Promise<Dataset> {
  const found = (await conn.runAndReadAll(`SELECT ${datasetColumns} FROM datasets WHERE id = $1`, [id])).getRows();
  if (found[0] === undefined) throw new NotFoundError(`dataset ${id} not found`);
  const dataset = readDataset(found[0]);
  if (version.release === undefined && version.asOf === undefined && version.publishedAsOf === undefined) return dataset;
  const resolved = await resolveVersion(conn, id, version);
  let release: number | null = resolved.kind === "release" ? resolved.release : null;
  if (resolved.kind === "none") {
    const first = (await conn.runAndReadAll(`SELECT min(id) FROM releases WHERE dataset = $1`, [id])).getRows()[0]?.[0] ?? null;
    release = first === null ? null : readNumber(first, "releases.id");
  }
  const metadata = release === null ? null : await readReleaseMetadata(conn, release);
  return metadata === null ? dataset : withMetadata(dataset, metadata);
}

/** Every dataset with its number of releases, newest release and number of current observations, by id. */
export async function listDatasets(conn: DuckDBConnection): Promise<DatasetSummary[]> {
  const datasets = (await conn.runAndReadAll(`SELECT ${datasetColumns} FROM datasets ORDER BY id`)).getRows().map(readDataset);
  const latest = new Map<string, Release>();
  const releaseCount = new Map<string, number>();
  const r = (await conn.runAndReadAll(
    `SELECT ${releaseColumns}, count(*) OVER (PARTITION BY dataset) FROM releases
     QUALIFY row_number() OVER (PARTITION BY dataset ORDER BY id DESC) = 1`)).getRows();
  for (const row of r) {
    const release = readRelease(row);
    latest.set(release.dataset, release);
    releaseCount.set(release.dataset, readNumber(row[11] ?? null, "release count"));
  }
  const counts = new Map<string, number>();
  const c = (await conn.runAndReadAll(
    `SELECT s.dataset, count(*) FROM observations o JOIN series s ON s.id = o.series_id WHERE o.valid_to IS NULL GROUP BY s.dataset`)).getRows();
  for (const row of c) counts.set(readString(row[0] ?? null, "series.dataset"), readNumber(row[1] ?? null, "count"));
  return datasets.map((dataset) => ({
    dataset,
    releases: releaseCount.get(dataset.id) ?? 0,
    latestRelease: latest.get(dataset.id) ?? null,
    observations: counts.get(dataset.id) ?? 0,
  }));
}

/** The releases of dataset `id`, oldest first; throws NotFoundError for an unknown dataset. */
export async function listReleases(conn: DuckDBConnection, id: DatasetId): Promise<Release[]> {
  await getDataset(conn, id);
  return (await conn.runAndReadAll(`SELECT ${releaseColumns} FROM releases WHERE dataset = $1 ORDER BY id`, [id])).getRows().map(readRelease);
}

/**
 * The observations of one dataset, filtered by dimension codes and period range, as of the latest state, a
 * release or a date; sorted by series key, then period (comparePeriods order). One prepared statement joins the
 * matching series with their observations (selection.ts); the result is read by column (ids, NaN for a missing
 * value, NULL for empty flags) and the period text comes from the read cache, so only the flags that are not
 * empty and one key per series are decoded as text. Throws NotFoundError for an unknown dataset or release,
 * UsageError for an unknown dimension, a bad period or asOf.
 */
export async function queryObservations(conn: DuckDBConnection, q: ObservationQuery, cache: ReadCache, statements: StatementCache): Promise<StoredObservation[]> {
  const selection = await selectObservations(conn, cache, q);
  if (selection === null) return [];
  const result = await statements.run(conn,
    `SELECT o.series_id, s.series_key, o.period_id, coalesce(o.value, 'NaN'::DOUBLE), nullif(o.flags, ''), o.valid_from ${selection.fromWhere}`,
    selection.params);
  const keys = new Map<number, string>();
  const rowsBySeries = new Map<number, number[]>();
  const periodIds: number[] = [];
  const values: number[] = [];
  const flags: string[] = [];
  const releases: number[] = [];
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const seriesIds = integerColumn(chunk, 0, "observations.series_id");
    const seriesKeys = textColumn(chunk, 1, "series.series_key");
    const periodCol = integerColumn(chunk, 2, "observations.period_id");
    const valueCol = doubleColumn(chunk, 3, "observations.value");
    const flagCol = textColumn(chunk, 4, "observations.flags");
    const releaseCol = integerColumn(chunk, 5, "observations.valid_from");
    for (let i = 0, n = chunk.rowCount; i < n; i++) {
      const id = seriesIds.getItem(i) as number;
      let rows = rowsBySeries.get(id);
      if (rows === undefined) {
        rows = [];
        rowsBySeries.set(id, rows);
        keys.set(id, readString(seriesKeys.getItem(i), "series.series_key"));
      }
      rows.push(periodIds.length);
      periodIds.push(periodCol.getItem(i) as number);
      values.push(valueCol.getItem(i) as number);
      flags.push(flagCol.getItem(i) ?? "");
      releases.push(releaseCol.getItem(i) as number);
    }
  }
  const periods = await cache.periodsFor(conn, new Set(periodIds));
  // Each row's period once: its sort order and text, so the per-series sort compares numbers.
  const orders = new Float64Array(periodIds.length);
  const texts: Period[] = new Array<Period>(periodIds.length);
  for (let r = 0; r < periodIds.length; r++) {
    const p = periods.get(periodIds[r] as number);
    if (p === undefined) throw new StoreValueError(`observations.period_id ${periodIds[r]} is not in the periods table`);
    orders[r] = p.order;
    texts[r] = p.period;
  }
  const series = [...keys].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const out: StoredObservation[] = new Array<StoredObservation>(periodIds.length);
  let next = 0;
  for (const [id, key] of series) {
    const rows = rowsBySeries.get(id) as number[];
    rows.sort((a, b) => (orders[a] as number) - (orders[b] as number));
    for (const r of rows) {
      const v = values[r] as number;
      out[next++] = {
        series: key as SeriesKey,
        period: texts[r] as Period,
        value: Number.isNaN(v) ? null : v,
        flags: flags[r] as string,
        release: releases[r] as ReleaseId,
      };
    }
  }
  return out;
}
