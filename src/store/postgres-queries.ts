import type { PoolClient } from "pg";
import { NotFoundError, UsageError, parseFlags } from "../core/index.ts";
import type { Dataset, DatasetId, Period, Release, ReleaseId, SeriesKey } from "../core/index.ts";
import { positionOfPeriod } from "./period-order.ts";
import type { PeriodPosition } from "./period-order.ts";
import { pgDatasetColumns, pgNumber, pgReleaseColumns, readPgDataset, readPgRelease } from "./postgres-rows.ts";
import { metadataFields, withMetadata } from "./release-metadata.ts";
import type { ReleaseMetadata } from "./release-metadata.ts";
import type {
  AggregatedObservation, ChangeKind, ChangePage, DatasetSummary, DatasetVersion, ObservationChange, ObservationPage,
  ObservationPosition, ObservationQuery, PageRequest, StoredObservation, SumOptions,
} from "./store.ts";
import { asOfLimit, stampInstant } from "./versions.ts";
import type { Version } from "./versions.ts";

// The reads of the PostgreSQL store, the same answers as the DuckDB store's (queries.ts, selection.ts, sum.ts,
// diff.ts, query-page.ts). Series keys sort with COLLATE "C" (byte order), which is JS string order for the codes
// the parsers produce; periods sort by (period_start, period_kind), comparePeriods' order. Every user value is a
// parameter.

type Row = Record<string, unknown>;
const key = `s.series_key COLLATE "C"`;

async function rows(c: PoolClient, sql: string, params: unknown[] = []): Promise<Row[]> {
  return (await c.query(sql, params)).rows as Row[];
}

async function datasetRow(c: PoolClient, id: DatasetId): Promise<Dataset> {
  const found = await rows(c, `SELECT ${pgDatasetColumns} FROM datasets WHERE id = $1`, [id]);
  if (found[0] === undefined) throw new NotFoundError(`dataset ${id} not found`);
  return readPgDataset(found[0]);
}

async function checkRelease(c: PoolClient, dataset: DatasetId, release: ReleaseId): Promise<void> {
  if (!Number.isInteger(release)) throw new UsageError(`release ${JSON.stringify(release)} is not a release id`);
  const found = await rows(c, `SELECT 1 FROM releases WHERE id = $1 AND dataset = $2`, [release, dataset]);
  if (found.length === 0) throw new NotFoundError(`release ${release} of dataset ${dataset} not found`);
}

/** The version `q` reads, as versions.ts resolveVersion decides it for DuckDB. */
async function resolveVersion(c: PoolClient, dataset: DatasetId, q: DatasetVersion): Promise<Version> {
  const given = [q.release === undefined ? "" : `release ${q.release}`, q.asOf === undefined ? "" : `asOf ${q.asOf}`,
    q.publishedAsOf === undefined ? "" : `publishedAsOf ${q.publishedAsOf}`].filter((g) => g !== "");
  if (given.length > 1) throw new UsageError(`give one of release, asOf and publishedAsOf, not several (${given.join(", ")})`);
  if (q.release !== undefined) {
    await checkRelease(c, dataset, q.release);
    return { kind: "release", release: q.release };
  }
  if (q.asOf !== undefined) {
    const limit = asOfLimit(q.asOf);
    const found = await rows(c, `SELECT max(id) AS id FROM releases WHERE dataset = $1 AND retrieved_at < $2`, [dataset, new Date(limit)]);
    const id = found[0]?.["id"];
    return id === null || id === undefined ? { kind: "none" } : { kind: "release", release: pgNumber(id, "releases.id") as ReleaseId };
  }
  if (q.publishedAsOf !== undefined) {
    const limit = asOfLimit(q.publishedAsOf, "publishedAsOf");
    let best: { id: number; at: number } | null = null;
    for (const row of await rows(c, `SELECT id, source_updated_at FROM releases WHERE dataset = $1 AND source_updated_at IS NOT NULL`, [dataset])) {
      const id = pgNumber(row["id"], "releases.id");
      const at = stampInstant(String(row["source_updated_at"]));
      if (Number.isNaN(at) || at >= limit) continue;
      if (best === null || at > best.at || (at === best.at && id > best.id)) best = { id, at };
    }
    return best === null ? { kind: "none" } : { kind: "release", release: best.id as ReleaseId };
  }
  return { kind: "latest" };
}

/** Store.getDataset on PostgreSQL. */
export async function pgGetDataset(c: PoolClient, id: DatasetId, version: DatasetVersion = {}): Promise<Dataset> {
  const dataset = await datasetRow(c, id);
  if (version.release === undefined && version.asOf === undefined && version.publishedAsOf === undefined) return dataset;
  const resolved = await resolveVersion(c, id, version);
  let release: number | null = resolved.kind === "release" ? resolved.release : null;
  if (resolved.kind === "none") {
    const first = (await rows(c, `SELECT min(id) AS id FROM releases WHERE dataset = $1`, [id]))[0]?.["id"];
    release = first === null || first === undefined ? null : pgNumber(first, "releases.id");
  }
  if (release === null) return dataset;
  const found = (await rows(c, `SELECT ${metadataFields.join(", ")} FROM release_metadata WHERE release = $1`, [release]))[0];
  return found === undefined ? dataset : withMetadata(dataset, found as unknown as ReleaseMetadata);
}

/** Store.listDatasets on PostgreSQL. */
export async function pgListDatasets(c: PoolClient): Promise<DatasetSummary[]> {
  const datasets = (await rows(c, `SELECT ${pgDatasetColumns} FROM datasets ORDER BY id COLLATE "C"`)).map(readPgDataset);
  const latest = new Map<string, { release: Release; count: number }>();
  for (const row of await rows(c, `SELECT DISTINCT ON (dataset) ${pgReleaseColumns}, count(*) OVER (PARTITION BY dataset) AS n
      FROM releases ORDER BY dataset, id DESC`)) {
    const release = readPgRelease(row);
    latest.set(release.dataset, { release, count: pgNumber(row["n"], "release count") });
  }
  const counts = new Map<string, number>();
  for (const row of await rows(c, `SELECT s.dataset, count(*) AS n FROM observations o JOIN series s ON s.id = o.series_id
      WHERE o.valid_to IS NULL GROUP BY s.dataset`)) counts.set(String(row["dataset"]), pgNumber(row["n"], "count"));
  return datasets.map((dataset) => ({
    dataset,
    releases: latest.get(dataset.id)?.count ?? 0,
    latestRelease: latest.get(dataset.id)?.release ?? null,
    observations: counts.get(dataset.id) ?? 0,
  }));
}

/** Store.listReleases on PostgreSQL. */
export async function pgListReleases(c: PoolClient, id: DatasetId): Promise<Release[]> {
  await datasetRow(c, id);
  return (await rows(c, `SELECT ${pgReleaseColumns} FROM releases WHERE dataset = $1 ORDER BY id`, [id])).map(readPgRelease);
}

function periodBound(p: Period, name: string): PeriodPosition {
  try {
    return positionOfPeriod(p);
  } catch {
    throw new UsageError(`${name} ${JSON.stringify(p)} is not a period`);
  }
}

interface Selection { readonly dimensions: readonly string[]; readonly fromWhere: string; readonly params: unknown[] }

/** The rows `q` selects as `FROM series s JOIN observations o JOIN periods p WHERE ...`; null when surely empty. */
async function selectObservations(c: PoolClient, q: ObservationQuery): Promise<Selection | null> {
  const dimensions = (await datasetRow(c, q.dataset)).dimensions;
  const version = await resolveVersion(c, q.dataset, q);
  if (version.kind === "none") return null;
  const params: unknown[] = [q.dataset];
  const param = (v: unknown) => { params.push(v); return `$${params.length}`; };
  const conditions = ["s.dataset = $1"];
  for (const [dimension, codes] of Object.entries(q.where ?? {})) {
    const i = dimensions.indexOf(dimension);
    if (i < 0) throw new UsageError(`dataset ${q.dataset} has no dimension ${JSON.stringify(dimension)}; it has ${dimensions.join(", ")}`);
    if (codes.length === 0) return null;
    conditions.push(`s.dim${i + 1} = ANY(${param([...codes])}::TEXT[])`);
  }
  if (version.kind === "latest") conditions.push("o.valid_to IS NULL");
  else {
    const r = param(version.release);
    conditions.push(`o.valid_from <= ${r}::INTEGER AND (o.valid_to IS NULL OR o.valid_to > ${r}::INTEGER)`);
  }
  if (q.from !== undefined) {
    const b = periodBound(q.from, "from");
    const start = param(b.start);
    conditions.push(`p.period_start >= ${start}::DATE AND (p.period_start > ${start}::DATE OR p.period_kind >= ${param(b.kind)}::SMALLINT)`);
  }
  if (q.to !== undefined) {
    const b = periodBound(q.to, "to");
    const start = param(b.start);
    conditions.push(`p.period_start <= ${start}::DATE AND (p.period_start < ${start}::DATE OR p.period_kind <= ${param(b.kind)}::SMALLINT)`);
  }
  return {
    dimensions,
    fromWhere: `FROM series s JOIN observations o ON o.series_id = s.id JOIN periods p ON p.id = o.period_id WHERE ${conditions.join(" AND ")}`,
    params,
  };
}

/** The keyset condition for the rows after `after` (resume-after.ts for DuckDB). */
function rowsAfter(after: ObservationPosition, param: (v: unknown) => string): string {
  let at: PeriodPosition;
  try {
    at = positionOfPeriod(after.period);
  } catch {
    throw new UsageError(`page after: ${JSON.stringify(after.period.slice(0, 40))} is not a period`);
  }
  const k = param(after.series);
  const start = param(at.start);
  const kind = param(at.kind);
  return `(${key} > ${k} OR (${key} = ${k} AND (p.period_start > ${start}::DATE OR (p.period_start = ${start}::DATE AND p.period_kind > ${kind}::SMALLINT))))`;
}

function observation(row: Row): StoredObservation {
  const v = row["value"];
  return {
    series: String(row["series_key"]) as SeriesKey,
    period: String(row["period"]) as Period,
    value: v === null ? null : Number(v),
    flags: String(row["flags"]),
    release: pgNumber(row["valid_from"], "observations.valid_from") as ReleaseId,
  };
}

const observationColumns = `s.series_key, p.period, o.value, o.flags, o.valid_from`;
const order = `ORDER BY ${key}, p.period_start, p.period_kind`;

/** Store.query on PostgreSQL. */
export async function pgQuery(c: PoolClient, q: ObservationQuery): Promise<StoredObservation[]> {
  const selection = await selectObservations(c, q);
  if (selection === null) return [];
  return (await rows(c, `SELECT ${observationColumns} ${selection.fromWhere} ${order}`, selection.params)).map(observation);
}

function checkLimit(page: PageRequest): void {
  if (!Number.isInteger(page.limit) || page.limit < 1) throw new UsageError(`page limit must be a positive whole number, not ${page.limit}`);
}

/** Store.queryPage on PostgreSQL: keyset pages pinned to one release, as query-page.ts. */
export async function pgQueryPage(c: PoolClient, q: ObservationQuery, page: PageRequest): Promise<ObservationPage> {
  checkLimit(page);
  await datasetRow(c, q.dataset);
  const version = await resolveVersion(c, q.dataset, q);
  let release: ReleaseId | null = version.kind === "release" ? version.release : null;
  if (version.kind === "latest") {
    const newest = (await rows(c, `SELECT max(id) AS id FROM releases WHERE dataset = $1`, [q.dataset]))[0]?.["id"];
    release = newest === null || newest === undefined ? null : (pgNumber(newest, "releases.id") as ReleaseId);
  }
  if (release === null) return { observations: [], release: null, next: null };
  const { asOf: _asOf, publishedAsOf: _publishedAsOf, ...rest } = q;
  const selection = await selectObservations(c, { ...rest, release });
  if (selection === null) return { observations: [], release, next: null };
  const params = [...selection.params];
  const param = (v: unknown) => { params.push(v); return `$${params.length}`; };
  const resume = page.after === undefined ? "" : ` AND ${rowsAfter(page.after, param)}`;
  const found = (await rows(c, `SELECT ${observationColumns} ${selection.fromWhere}${resume} ${order} LIMIT ${param(page.limit + 1)}`, params))
    .map(observation);
  const observations = found.slice(0, page.limit);
  const last = observations[observations.length - 1];
  return { observations, release, next: found.length > page.limit && last !== undefined ? { series: last.series, period: last.period } : null };
}

/** Store.sum on PostgreSQL: one GROUP BY of the kept dimension columns and the period, as sum.ts. */
export async function pgSum(c: PoolClient, q: ObservationQuery, keep: readonly string[], options: SumOptions): Promise<AggregatedObservation[]> {
  if (new Set(keep).size !== keep.length) throw new UsageError(`sum: a kept dimension is named twice (${keep.join(", ")})`);
  const dimensions = (await datasetRow(c, q.dataset)).dimensions;
  const columns = keep.map((d) => {
    const i = dimensions.indexOf(d);
    if (i < 0) throw new UsageError(`dataset ${q.dataset} has no dimension ${JSON.stringify(d)} to keep; it has ${dimensions.join(", ")}`);
    return `s.dim${i + 1}`;
  });
  const selection = await selectObservations(c, q);
  if (selection === null) return [];
  const total = options.nullIsZero === true ? "coalesce(sum(o.value), 0)" : "CASE WHEN count(o.value) = count(*) THEN sum(o.value) END";
  const codes = columns.map((col, j) => `${col} AS k${j}`).join(", ");
  const sql = `SELECT ${codes}${columns.length > 0 ? ", " : ""}p.period, ${total} AS value, count(*) AS cells, max(o.valid_from) AS release,
      string_agg(o.flags, '') FILTER (WHERE o.flags <> '') AS flags
    ${selection.fromWhere} GROUP BY ${[...columns, "p.id"].join(", ")}
    ORDER BY ${[...columns.map((col) => `${col} COLLATE "C"`), "p.period_start", "p.period_kind"].join(", ")}`;
  return (await rows(c, sql, selection.params)).map((row) => {
    const flags = row["flags"];
    return {
      codes: columns.map((_, j) => String(row[`k${j}`])),
      period: String(row["period"]) as Period,
      value: row["value"] === null ? null : Number(row["value"]),
      flags: typeof flags === "string" && flags !== "" ? parseFlags(flags) : "",
      cells: pgNumber(row["cells"], "count"),
      release: pgNumber(row["release"], "release") as ReleaseId,
    };
  });
}

/** The changes from `from` to `to` (diff.ts); with a page, one more than its limit after its `after`. */
async function readChanges(c: PoolClient, id: DatasetId, from: ReleaseId, to: ReleaseId, page: PageRequest | null): Promise<ObservationChange[]> {
  await checkRelease(c, id, from);
  await checkRelease(c, id, to);
  const params: unknown[] = [id, from, to];
  const param = (v: unknown) => { params.push(v); return `$${params.length}`; };
  const inRelease = (r: string) => `o.valid_from <= ${r}::INTEGER AND (o.valid_to IS NULL OR o.valid_to > ${r}::INTEGER)`;
  const only = (mine: string, other: string) =>
    `SELECT o.series_id, o.period_id, o.value, o.flags FROM observations o
     WHERE o.series_id IN (SELECT id FROM series WHERE dataset = $1) AND (${inRelease(mine)}) AND NOT (${inRelease(other)})`;
  const resume = page?.after === undefined ? "" : ` AND ${rowsAfter(page.after, param)}`;
  const limit = page === null ? "" : ` LIMIT ${param(page.limit + 1)}`;
  const sql = `
    WITH a AS (${only("$2", "$3")}), b AS (${only("$3", "$2")})
    SELECT s.series_key, p.period, a.series_id IS NOT NULL AS in_a, a.value AS a_value, a.flags AS a_flags,
      b.series_id IS NOT NULL AS in_b, b.value AS b_value, b.flags AS b_flags
    FROM a FULL JOIN b ON a.series_id = b.series_id AND a.period_id = b.period_id
    JOIN series s ON s.id = coalesce(a.series_id, b.series_id)
    JOIN periods p ON p.id = coalesce(a.period_id, b.period_id)
    WHERE (a.series_id IS NULL OR b.series_id IS NULL OR a.value IS DISTINCT FROM b.value OR a.flags <> b.flags)${resume}
    ${order}${limit}`;
  const side = (present: unknown, value: unknown, flags: unknown) =>
    present === true ? { value: value === null ? null : Number(value), flags: typeof flags === "string" ? flags : "" } : null;
  return (await rows(c, sql, params)).map((row) => {
    const before = side(row["in_a"], row["a_value"], row["a_flags"]);
    const after = side(row["in_b"], row["b_value"], row["b_flags"]);
    let change: ChangeKind;
    if (before === null) change = "added";
    else if (after === null) change = "removed";
    else if (before.value !== after.value && before.flags !== after.flags) change = "value+flags";
    else if (before.value !== after.value) change = "value";
    else change = "flags";
    return { series: String(row["series_key"]) as SeriesKey, period: String(row["period"]) as Period, change, before, after };
  });
}

/** Store.diff on PostgreSQL. */
export function pgDiff(c: PoolClient, id: DatasetId, from: ReleaseId, to: ReleaseId): Promise<ObservationChange[]> {
  return readChanges(c, id, from, to, null);
}

/** Store.diffPage on PostgreSQL. */
export async function pgDiffPage(c: PoolClient, id: DatasetId, from: ReleaseId, to: ReleaseId, page: PageRequest): Promise<ChangePage> {
  checkLimit(page);
  const found = await readChanges(c, id, from, to, page);
  const changes = found.slice(0, page.limit);
  const last = changes[changes.length - 1];
  return { changes, next: found.length > page.limit && last !== undefined ? { series: last.series, period: last.period } : null };
}
