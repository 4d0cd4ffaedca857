import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { NotFoundError, UsageError } from "../core/index.ts";
import type { Dataset, DatasetId, Period, Release, ReleaseId, SeriesKey } from "../core/index.ts";
import { readNullableNumber, readNumber, readString } from "./convert.ts";
import { positionOfPeriod } from "./period-order.ts";
import type { PeriodPosition } from "./period-order.ts";
import { datasetColumns, readDataset, readRelease, releaseColumns } from "./read-rows.ts";
import type { DatasetSummary, ObservationQuery, StoredObservation } from "./store.ts";
import { resolveVersion, versionCondition } from "./versions.ts";

/** Above this many series the observations are filtered by a subquery on the series instead of an id list. */
const inlineSeriesLimit = 20_000;

/** The dataset `id`; throws NotFoundError naming it. */
export async function getDataset(conn: DuckDBConnection, id: DatasetId): Promise<Dataset> {
  const found = (await conn.runAndReadAll(`SELECT ${datasetColumns} FROM datasets WHERE id = $1`, [id])).getRows();
  if (found[0] === undefined) throw new NotFoundError(`dataset ${id} not found`);
  return readDataset(found[0]);
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

function periodBound(p: Period, name: string): PeriodPosition {
  try {
    return positionOfPeriod(p);
  } catch {
    throw new UsageError(`${name} ${JSON.stringify(p)} is not a period`);
  }
}

/**
 * The observations of one dataset, filtered by dimension codes and period range, as of the latest state, a
 * release or a date; sorted by series key, then period (comparePeriods order). Two steps: the series matching
 * the dimension filter are found in the small series table, then the observations are read by series id, which
 * DuckDB's zonemaps turn into a read of a few row groups. Throws NotFoundError for an unknown dataset or release,
 * UsageError for an unknown dimension, a bad period or asOf.
 */
export async function queryObservations(conn: DuckDBConnection, q: ObservationQuery): Promise<StoredObservation[]> {
  const dataset = await getDataset(conn, q.dataset);
  const version = await resolveVersion(conn, q.dataset, q);
  if (version.kind === "none") return [];

  const seriesParams: DuckDBValue[] = [q.dataset];
  const seriesConditions: string[] = ["dataset = $1"];
  for (const [dimension, codes] of Object.entries(q.where ?? {})) {
    const i = dataset.dimensions.indexOf(dimension);
    if (i < 0) throw new UsageError(`dataset ${q.dataset} has no dimension ${JSON.stringify(dimension)}; it has ${dataset.dimensions.join(", ")}`);
    if (codes.length === 0) return [];
    const placeholders = codes.map((c) => { seriesParams.push(c); return `$${seriesParams.length}`; });
    seriesConditions.push(`dim${i + 1} IN (${placeholders.join(", ")})`);
  }

  // Period bounds are inlined: positionOfPeriod writes them as YYYY-MM-DD, never user text.
  const conditions = [versionCondition(version)];
  if (q.from !== undefined) {
    const b = periodBound(q.from, "from");
    conditions.push(`p.period_start >= DATE '${b.start}' AND (p.period_start > DATE '${b.start}' OR p.period_kind >= ${b.kind})`);
  }
  if (q.to !== undefined) {
    const b = periodBound(q.to, "to");
    conditions.push(`p.period_start <= DATE '${b.start}' AND (p.period_start < DATE '${b.start}' OR p.period_kind <= ${b.kind})`);
  }
  const toObservation = (key: DuckDBValue, row: DuckDBValue[]): StoredObservation => ({
    series: readString(key, "series.series_key") as SeriesKey,
    period: readString(row[1] ?? null, "periods.period") as Period,
    value: readNullableNumber(row[2] ?? null, "observations.value"),
    flags: readString(row[3] ?? null, "observations.flags"),
    release: readNumber(row[4] ?? null, "observations.valid_from") as ReleaseId,
  });

  const seriesSql = `SELECT id FROM series WHERE ${seriesConditions.join(" AND ")}`;
  if (seriesConditions.length > 1) {
    const found = (await conn.runAndReadAll(`SELECT id, series_key FROM series WHERE ${seriesConditions.join(" AND ")}`, seriesParams)).getRows();
    if (found.length === 0) return [];
    if (found.length <= inlineSeriesLimit) {
      // A constant id list lets DuckDB skip row groups by their min/max series_id. The keys are already known,
      // so the observations are read without the series table and ordered here (a stable sort keeps the periods).
      const keys = new Map<number, DuckDBValue>(found.map((row) => [readNumber(row[0] ?? null, "series.id"), row[1] ?? null]));
      const sql = `SELECT o.series_id, p.period, o.value, o.flags, o.valid_from
        FROM observations o JOIN periods p ON p.id = o.period_id
        WHERE o.series_id IN (${[...keys.keys()].join(",")}) AND ${conditions.join(" AND ")}
        ORDER BY p.period_start, p.period_kind`;
      const out = (await conn.runAndReadAll(sql)).getRows()
        .map((row) => toObservation(keys.get(readNumber(row[0] ?? null, "observations.series_id")) ?? null, row));
      return out.sort((a, b) => (a.series < b.series ? -1 : a.series > b.series ? 1 : 0));
    }
  }
  const sql = `SELECT s.series_key, p.period, o.value, o.flags, o.valid_from
    FROM observations o JOIN series s ON s.id = o.series_id JOIN periods p ON p.id = o.period_id
    WHERE o.series_id IN (${seriesSql}) AND ${conditions.join(" AND ")}
    ORDER BY s.series_key, p.period_start, p.period_kind`;
  return (await conn.runAndReadAll(sql, seriesParams)).getRows().map((row) => toObservation(row[0] ?? null, row));
}
