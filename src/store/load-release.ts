import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { InputError } from "../core/index.ts";
import type { Release } from "../core/index.ts";
import { readNumber, toTimestamp } from "./convert.ts";
import { loadFirstRelease } from "./load-first-release.ts";
import { observationBuffer } from "./observation-buffer.ts";
import { datasetColumns, readDataset, readRelease, releaseColumns } from "./read-rows.ts";
import { nextReleaseId, writeDatasetRow, writeReleaseRow } from "./release-rows.ts";
import { maxDimensions } from "./schema.ts";
import { changedMetadata, metadataOf, readReleaseMetadata } from "./release-metadata.ts";
import type { ReleaseMetadata } from "./release-metadata.ts";
import { checkShrink } from "./shrink-guard.ts";
import { dropStageTables, stageObservations } from "./stage.ts";
import { rollbackAfter, withCleanUp } from "./store-failure.ts";
import type { LoadResult, ReleaseInput } from "./store.ts";

const observationColumns = "series_id, period_id, value, flags, valid_from, valid_to";

/** Staged rows per part of a revision's comparison with the current rows (see applyRevision). */
export const defaultComparisonPartRows = 1_000_000;

async function count(conn: DuckDBConnection, sql: string, params: DuckDBValue[] = []): Promise<number> {
  return readNumber((await rows(conn, sql, params))[0]?.[0] ?? null, "count");
}

/**
 * The dataset's latest observations, from its releases' counts: each release adds `added` to the latest state and
 * takes `removed` from it (a changed observation replaces one), so no observation row needs reading.
 */
async function latestObservations(conn: DuckDBConnection, dataset: string): Promise<number> {
  return count(conn, `SELECT coalesce(sum(added) - sum(removed), 0) FROM releases WHERE dataset = $1`, [dataset]);
}

async function rows(conn: DuckDBConnection, sql: string, params: DuckDBValue[] = []): Promise<DuckDBValue[][]> {
  return (await conn.runAndReadAll(sql, params)).getRows();
}

/**
 * Loads one release of one dataset on the store's write connection (DESIGN.md §3). If the dataset's newest
 * release has the same checksum and the same metadata, nothing is written and the status is `unchanged`; the same
 * checksum with changed metadata (titles, unit, frequency, licence) makes a metadata-only release that records
 * the new metadata and changes no observation. Every release records the metadata it brings. The first release of a dataset
 * is written as it is read, inside one transaction (load-first-release.ts). A later release is staged into
 * temporary tables, checked for duplicate series/period pairs, compared with the dataset's current state, and
 * applied in one transaction: the release row, new series and periods, the closing (valid_to) of rows whose value
 * or flags changed or that the release no longer holds, and the new versions.
 * Throws InputError for a dimension list that differs from the one fixed by the dataset's first release, a
 * retrieval time before the newest release's, a duplicate, or bad content; ShrinkRefusedError (shrink-guard.ts)
 * for a release with no observation or one that removes more of the latest observations than `input.maxShrink`
 * allows, unless `input.allowShrink`; any error (including one from the
 * batches iterator) leaves the store as it was. `comparisonPartRows` sets how many staged rows a revision compares
 * with the current rows at a time (memory against the number of statements; the result is the same).
 */
export async function loadRelease(conn: DuckDBConnection, input: ReleaseInput,
  comparisonPartRows = defaultComparisonPartRows): Promise<LoadResult> {
  const { dataset } = input;
  const source = input.sourceUri;
  if (dataset.dimensions.length === 0 || dataset.dimensions.length > maxDimensions) {
    throw new InputError(source, undefined, `dataset ${dataset.id} has ${dataset.dimensions.length} dimensions; the store takes 1 to ${maxDimensions}`);
  }
  const retrievedAt = toTimestamp(input.retrievedAt, `release of ${dataset.id} retrievedAt`);

  const known = await rows(conn, `SELECT ${datasetColumns} FROM datasets WHERE id = $1`, [dataset.id]);
  const existing = known[0] === undefined ? null : readDataset(known[0]);
  if (existing !== null && existing.dimensions.join(",") !== dataset.dimensions.join(",")) {
    throw new InputError(source, undefined,
      `dimensions (${dataset.dimensions.join(",")}) differ from (${existing.dimensions.join(",")}) fixed by the first release of ${dataset.id}`);
  }
  const newest = await rows(conn, `SELECT ${releaseColumns} FROM releases WHERE dataset = $1 ORDER BY id DESC LIMIT 1`, [dataset.id]);
  let previousMetadata: ReleaseMetadata | null = null;
  if (newest[0] !== undefined) {
    const release = readRelease(newest[0]);
    previousMetadata = await readReleaseMetadata(conn, release.id);
    const metadataChanged = changedMetadata(previousMetadata, metadataOf(dataset));
    if (release.checksum === input.checksum && metadataChanged.length === 0) return { status: "unchanged", release, metadataChanged };
    // Versions are chained in load order and "as published on D" picks the newest release retrieved by D, so
    // the two orders must agree.
    if (Date.parse(input.retrievedAt) < Date.parse(release.retrievedAt)) {
      throw new InputError(source, undefined,
        `retrieved ${input.retrievedAt}, before release ${release.id} of ${dataset.id} (retrieved ${release.retrievedAt}); releases load in retrieval order`);
    }
    if (release.checksum === input.checksum) {
      // The same file under a changed description: a release that records the new metadata and changes no
      // observation, so that earlier releases keep their labels and unit (README.md, "Metadata per release").
      return transaction(conn, async () => {
        const id = await nextReleaseId(conn);
        await writeDatasetRow(conn, dataset, false);
        const counts = { observations: release.observations, added: 0, changed: 0, removed: 0 };
        return { status: "loaded", release: await writeReleaseRow(conn, input, id, retrievedAt, counts), metadataChanged };
      });
    }
  }

  if (existing === null) {
    // A new dataset has nothing to compare with: its observations go straight into the table (load-first-release.ts).
    await dropStageTables(conn);
    const buffer = observationBuffer(conn);
    return withCleanUp(() => transaction(conn, async () => {
      const release = await loadFirstRelease(conn, buffer, input, retrievedAt);
      checkShrink({ dataset: dataset.id, observations: release.observations, latest: 0, removed: 0 }, input);
      return { status: "loaded", release, metadataChanged: [] };
    }), () => dropStageTables(conn));
  }

  // Staging goes to connection-local temporary tables, outside the database file, so a failure or a kill while
  // staging leaves nothing to undo; the writes to the file then happen in one transaction.
  return withCleanUp(async () => {
    const staged = await stageObservations(conn, dataset, source, input.batches, input.onProgress);
    if (!staged.duplicatesChecked) {
      const duplicate = await rows(conn,
        `SELECT s.series_key, p.period FROM (SELECT sidx, pidx FROM temp.stage_obs GROUP BY sidx, pidx HAVING count(*) > 1 LIMIT 1) d
         JOIN temp.stage_series s ON s.idx = d.sidx JOIN temp.stage_periods p ON p.idx = d.pidx`);
      if (duplicate[0] !== undefined) {
        throw new InputError(source, undefined, `series "${String(duplicate[0][0])}" period ${String(duplicate[0][1])} appears more than once`);
      }
    }
    return transaction(conn, async () => {
      const release = await applyRevision(conn, input, staged.observations, retrievedAt, comparisonPartRows);
      return { status: "loaded", release, metadataChanged: changedMetadata(previousMetadata, metadataOf(dataset)) };
    });
  }, () => dropStageTables(conn));
}

/**
 * Runs `work` in one transaction on `conn`: COMMIT when it succeeds; on any error a ROLLBACK whose own failure
 * never replaces the error (store-failure.ts), which is rethrown.
 */
async function transaction<T>(conn: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await conn.run("BEGIN TRANSACTION");
  let result: T;
  try {
    result = await work();
    await conn.run("COMMIT");
  } catch (error) {
    await rollbackAfter(conn);
    throw error;
  }
  return result;
}

// A release of a dataset the store holds: the staged rows are compared with the dataset's current rows.
async function applyRevision(conn: DuckDBConnection, input: ReleaseInput, observations: number, retrievedAt: DuckDBValue,
  comparisonPartRows: number): Promise<Release> {
  const { dataset } = input;
  const id = dataset.id;
  const releaseId = await nextReleaseId(conn);
  await writeDatasetRow(conn, dataset, false);

  // Series ids: existing series keep theirs; new ones are numbered after the highest id in input order, so a
  // series-major input lands clustered by series_id.
  await conn.run(
    `CREATE TEMP TABLE stage_map AS
     WITH known AS (
       SELECT st.idx, st.series_key, s.id FROM temp.stage_series st
       LEFT JOIN (SELECT id, series_key FROM series WHERE dataset = $1) s ON s.series_key = st.series_key)
     SELECT idx, series_key, id IS NULL AS is_new,
       coalesce(id, (SELECT coalesce(max(id), 0) FROM series) + row_number() OVER (PARTITION BY id IS NULL ORDER BY idx))::INTEGER AS series_id
     FROM known`, [id]);
  const dimColumns = Array.from({ length: maxDimensions }, (_, i) => `dim${i + 1}`).join(", ");
  const dims = Array.from({ length: maxDimensions }, (_, i) => `parts[${i + 1}]`).join(", ");
  await conn.run(
    `INSERT INTO series (id, dataset, series_key, ${dimColumns}) SELECT series_id, $1, series_key, ${dims}
     FROM (SELECT series_id, series_key, string_split(series_key, '.') AS parts FROM temp.stage_map WHERE is_new ORDER BY series_id)`,
    [id]);

  // Periods likewise: known ones keep their id, new ones are numbered after the highest.
  await conn.run(
    `CREATE TEMP TABLE period_map AS
     WITH known AS (
       SELECT sp.idx, sp.period, sp.period_start, sp.period_kind, p.id FROM temp.stage_periods sp
       LEFT JOIN periods p ON p.period = sp.period)
     SELECT idx, period, CAST(period_start AS DATE) AS period_start, period_kind::UTINYINT AS period_kind, id IS NULL AS is_new,
       coalesce(id, (SELECT coalesce(max(id), 0) FROM periods) + row_number() OVER (PARTITION BY id IS NULL ORDER BY idx))::INTEGER AS period_id
     FROM known`);
  await conn.run(`INSERT INTO periods (id, period, period_start, period_kind) SELECT period_id, period, period_start, period_kind FROM temp.period_map WHERE is_new ORDER BY period_id`);

  // The comparison runs over parts of about a million staged rows, cut by series (stage index ranges), so that the
  // full join's hash table holds one part, not the whole release: at 6.24 million rows one join took 580 MB.
  // A series lies wholly in one part whatever the input order; when the input is series-major (Eurostat, and
  // the ids follow it) each part reads only its own row groups of stage_obs and observations.
  await conn.run(
    `CREATE TEMP TABLE changes (series_id INTEGER, period_id INTEGER, value DOUBLE, flags VARCHAR, old_series_id INTEGER, old_period_id INTEGER)`);
  const seriesCount = await count(conn, `SELECT count(*) FROM temp.stage_map`);
  const parts = Math.max(1, Math.ceil(observations / comparisonPartRows));
  const step = Math.max(1, Math.ceil(seriesCount / parts));
  for (let from = 0; from < seriesCount; from += step) {
    const to = from + step;
    // The part's range of existing series ids as constants, so that DuckDB skips the other row groups of
    // observations by their min/max (a semi-join alone does not guarantee it).
    const range = (await rows(conn,
      `SELECT coalesce(min(series_id), 0), coalesce(max(series_id), -1) FROM temp.stage_map WHERE idx >= ${from} AND idx < ${to} AND NOT is_new`))[0] ?? [];
    const low = readNumber(range[0] ?? null, "series id");
    const high = readNumber(range[1] ?? null, "series id");
    await conn.run(
      `INSERT INTO temp.changes
       WITH incoming AS (
         SELECT m.series_id, p.period_id, CASE WHEN o.fmiss % 2 = 1 THEN NULL ELSE o.value END AS value, f.flags
         FROM temp.stage_obs o JOIN temp.stage_map m ON m.idx = o.sidx JOIN temp.period_map p ON p.idx = o.pidx
         JOIN temp.stage_flags f ON f.idx = o.fmiss // 2
         WHERE o.sidx >= ${from} AND o.sidx < ${to}),
       current AS (SELECT series_id, period_id, value, flags FROM observations
         WHERE valid_to IS NULL AND series_id BETWEEN ${low} AND ${high}
           AND series_id IN (SELECT series_id FROM temp.stage_map WHERE idx >= ${from} AND idx < ${to} AND NOT is_new))
       SELECT i.series_id, i.period_id, i.value, i.flags, c.series_id, c.period_id
       FROM incoming i FULL JOIN current c ON c.series_id = i.series_id AND c.period_id = i.period_id
       WHERE c.series_id IS NULL OR i.series_id IS NULL OR c.value IS DISTINCT FROM i.value OR c.flags <> i.flags`);
  }
  // Series of the dataset that the release no longer holds at all: every current row of theirs is removed (the
  // pass reads all the dataset's rows, so it runs only when such series exist).
  const absent = await count(conn, `SELECT count(*) FROM series WHERE dataset = $1 AND id NOT IN (SELECT series_id FROM temp.stage_map)`, [id]);
  if (absent > 0) {
    await conn.run(
      `INSERT INTO temp.changes
       SELECT NULL, NULL, NULL, NULL, series_id, period_id FROM observations
       WHERE valid_to IS NULL AND series_id IN (SELECT id FROM series WHERE dataset = $1)
         AND series_id NOT IN (SELECT series_id FROM temp.stage_map)`, [id]);
  }
  const tally = await rows(conn,
    `SELECT count(*) FILTER (WHERE old_series_id IS NULL), count(*) FILTER (WHERE series_id IS NOT NULL AND old_series_id IS NOT NULL),
       count(*) FILTER (WHERE series_id IS NULL) FROM temp.changes`);
  const t = tally[0] ?? [];
  const added = readNumber(t[0] ?? null, "added");
  const changed = readNumber(t[1] ?? null, "changed");
  const removed = readNumber(t[2] ?? null, "removed");
  // Decided here, inside the transaction and before any row is closed, where the counts are known: a refusal
  // throws and the caller rolls back, so the store stays as it was.
  checkShrink({ dataset: id, observations, latest: await latestObservations(conn, id), removed }, input);
  await conn.run(
    `UPDATE observations SET valid_to = ${releaseId}
     FROM (SELECT old_series_id, old_period_id FROM temp.changes WHERE old_series_id IS NOT NULL) c
     WHERE observations.valid_to IS NULL AND observations.series_id = c.old_series_id AND observations.period_id = c.old_period_id`);
  await conn.run(
    `INSERT INTO observations (${observationColumns})
     SELECT series_id, period_id, value, flags, ${releaseId}, NULL FROM temp.changes
     WHERE series_id IS NOT NULL ORDER BY series_id, period_id`);

  return writeReleaseRow(conn, input, releaseId, retrievedAt, { observations, added, changed, removed });
}
