import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { InputError } from "../core/index.ts";
import type { Dataset, Release } from "../core/index.ts";
import { ObservationCoder } from "./observation-coder.ts";
import { positionOfPeriod } from "./period-order.ts";
import { readPgDataset, readPgRelease, pgReleaseColumns, pgDatasetColumns } from "./postgres-rows.ts";
import { changedMetadata, metadataFields, metadataOf } from "./release-metadata.ts";
import type { ReleaseMetadata } from "./release-metadata.ts";
import { maxDimensions } from "./schema.ts";
import { checkShrink } from "./shrink-guard.ts";
import type { LoadResult, ReleaseInput } from "./store.ts";
import type { ReleaseCounts } from "./release-rows.ts";
import { parseInstant } from "./convert.ts";

// One load is one PostgreSQL transaction from the first read to the commit: staging (COPY into temporary tables
// dropped at commit), the comparison with the current rows and the writes. A kill, a lost connection or any error
// before COMMIT leaves nothing: the server rolls the transaction back. Readers keep their snapshot (MVCC), so
// they see the old release or, after the commit, the new one whole. Loads are serialised per schema by an
// advisory lock taken first, since release ids are numbered across datasets (max + 1).

/** Escapes a value for COPY's text format (backslash, tab, newline, carriage return). */
function copyText(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/** Streams `lines` (each ending in a newline) into `COPY table FROM STDIN` on `client`. */
async function copyLines(client: PoolClient, table: string, lines: AsyncIterable<string> | Iterable<string>): Promise<void> {
  const sink = client.query(copyFrom(`COPY ${table} FROM STDIN`));
  await pipeline(Readable.from(lines), sink);
}

function* joinedLines<T>(items: readonly T[], line: (item: T, i: number) => string): Generator<string> {
  // Lines are grouped so the stream moves kilobytes per write rather than one row.
  let chunk = "";
  for (let i = 0; i < items.length; i++) {
    chunk += line(items[i] as T, i);
    if (chunk.length > 65_536) { yield chunk; chunk = ""; }
  }
  if (chunk !== "") yield chunk;
}

async function readMetadata(client: PoolClient, release: number): Promise<ReleaseMetadata | null> {
  const found = await client.query(`SELECT ${metadataFields.join(", ")} FROM release_metadata WHERE release = $1`, [release]);
  return (found.rows[0] as ReleaseMetadata | undefined) ?? null;
}

async function writeDatasetRow(client: PoolClient, dataset: Dataset, isNew: boolean): Promise<void> {
  const meta = [dataset.id, dataset.publisher, dataset.code, dataset.title.nl, dataset.title.fr, dataset.title.en,
    dataset.unit, dataset.frequency, dataset.licence];
  if (isNew) {
    await client.query(`INSERT INTO datasets (id, publisher, code, title_nl, title_fr, title_en, unit, frequency, licence, dimensions)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [...meta, [...dataset.dimensions]]);
  } else {
    await client.query(`UPDATE datasets SET publisher = $2, code = $3, title_nl = $4, title_fr = $5, title_en = $6, unit = $7,
      frequency = $8, licence = $9 WHERE id = $1`, meta);
  }
}

async function writeReleaseRow(client: PoolClient, input: ReleaseInput, id: number, counts: ReleaseCounts): Promise<Release> {
  const written = await client.query(
    `INSERT INTO releases (${pgReleaseColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${pgReleaseColumns}`,
    [id, input.dataset.id, new Date(parseInstant(input.retrievedAt, "retrievedAt")), input.sourceUpdatedAt, input.checksum,
      input.sourceUri, input.format, counts.observations, counts.added, counts.changed, counts.removed]);
  const m = metadataOf(input.dataset);
  await client.query(`INSERT INTO release_metadata (release, ${metadataFields.join(", ")}) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, ...metadataFields.map((f) => m[f])]);
  return readPgRelease(written.rows[0]);
}

async function nextReleaseId(client: PoolClient): Promise<number> {
  return (await client.query<{ id: number }>(`SELECT coalesce(max(id), 0)::INTEGER + 1 AS id FROM releases`)).rows[0]?.id ?? 1;
}

/**
 * Loads one release of one dataset into the PostgreSQL store on `client`, with the semantics of the DuckDB store's
 * loadRelease (load-release.ts): unchanged for the same checksum and metadata, a metadata-only release for the same
 * checksum with other metadata, else the observations coded and checked in JS (ObservationCoder), copied into
 * temporary tables with COPY, compared with the dataset's current rows in SQL, and written; the shrink guard decides
 * before anything is closed. Throws as the DuckDB store does; any error leaves the store as it was.
 */
export async function loadPostgresRelease(client: PoolClient, input: ReleaseInput): Promise<LoadResult> {
  const { dataset } = input;
  const source = input.sourceUri;
  if (dataset.dimensions.length === 0 || dataset.dimensions.length > maxDimensions) {
    throw new InputError(source, undefined, `dataset ${dataset.id} has ${dataset.dimensions.length} dimensions; the store takes 1 to ${maxDimensions}`);
  }
  parseInstant(input.retrievedAt, `release of ${dataset.id} retrievedAt`);
  await client.query("BEGIN");
  try {
    const result = await loadInTransaction(client, input);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function loadInTransaction(client: PoolClient, input: ReleaseInput): Promise<LoadResult> {
  const { dataset } = input;
  const source = input.sourceUri;
  await client.query(`SELECT pg_advisory_xact_lock(hashtext('migmon-load:' || current_schema()))`);
  const known = await client.query(`SELECT ${pgDatasetColumns} FROM datasets WHERE id = $1`, [dataset.id]);
  const existing = known.rows[0] === undefined ? null : readPgDataset(known.rows[0]);
  if (existing !== null && existing.dimensions.join(",") !== dataset.dimensions.join(",")) {
    throw new InputError(source, undefined,
      `dimensions (${dataset.dimensions.join(",")}) differ from (${existing.dimensions.join(",")}) fixed by the first release of ${dataset.id}`);
  }
  const newest = await client.query(`SELECT ${pgReleaseColumns} FROM releases WHERE dataset = $1 ORDER BY id DESC LIMIT 1`, [dataset.id]);
  let previousMetadata: ReleaseMetadata | null = null;
  if (newest.rows[0] !== undefined) {
    const release = readPgRelease(newest.rows[0]);
    previousMetadata = await readMetadata(client, release.id);
    const metadataChanged = changedMetadata(previousMetadata, metadataOf(dataset));
    if (release.checksum === input.checksum && metadataChanged.length === 0) return { status: "unchanged", release, metadataChanged };
    if (Date.parse(input.retrievedAt) < Date.parse(release.retrievedAt)) {
      throw new InputError(source, undefined,
        `retrieved ${input.retrievedAt}, before release ${release.id} of ${dataset.id} (retrieved ${release.retrievedAt}); releases load in retrieval order`);
    }
    if (release.checksum === input.checksum) {
      const id = await nextReleaseId(client);
      await writeDatasetRow(client, dataset, false);
      const counts = { observations: release.observations, added: 0, changed: 0, removed: 0 };
      return { status: "loaded", release: await writeReleaseRow(client, input, id, counts), metadataChanged };
    }
  }

  const observations = await stage(client, input);
  const releaseId = await nextReleaseId(client);
  await writeDatasetRow(client, dataset, existing === null);
  const release = await applyStaged(client, input, releaseId, observations, existing === null);
  return { status: "loaded", release, metadataChanged: changedMetadata(previousMetadata, metadataOf(dataset)) };
}

/** Codes and checks the batches and copies them into temporary tables dropped at commit; returns the count. */
async function stage(client: PoolClient, input: ReleaseInput): Promise<number> {
  await client.query(`CREATE TEMP TABLE stage_obs (sidx INTEGER, pidx INTEGER, fmiss INTEGER, value DOUBLE PRECISION) ON COMMIT DROP`);
  await client.query(`CREATE TEMP TABLE stage_series (idx INTEGER PRIMARY KEY, series_key TEXT) ON COMMIT DROP`);
  await client.query(`CREATE TEMP TABLE stage_periods (idx INTEGER PRIMARY KEY, period TEXT, period_start DATE, period_kind SMALLINT) ON COMMIT DROP`);
  await client.query(`CREATE TEMP TABLE stage_flags (idx INTEGER PRIMARY KEY, flags TEXT) ON COMMIT DROP`);
  const coder = new ObservationCoder(input.dataset, input.sourceUri);
  let staged = 0;
  async function* lines(): AsyncGenerator<string> {
    for await (const batch of input.batches) {
      let chunk = "";
      for (const o of batch) {
        coder.code(o);
        chunk += `${coder.series}\t${coder.period}\t${coder.flagsAndMissing}\t${coder.value}\n`;
        if (chunk.length > 65_536) { yield chunk; chunk = ""; }
      }
      if (chunk !== "") yield chunk;
      staged += batch.length;
      input.onProgress?.(staged);
    }
  }
  await copyLines(client, "stage_obs", lines());
  if (!coder.duplicatesChecked) {
    const duplicate = await client.query(
      `SELECT s.series_key, p.period FROM (SELECT sidx, pidx FROM stage_obs GROUP BY sidx, pidx HAVING count(*) > 1 LIMIT 1) d
       JOIN stage_series s ON s.idx = d.sidx JOIN stage_periods p ON p.idx = d.pidx`);
    if (duplicate.rows[0] !== undefined) {
      throw new InputError(input.sourceUri, undefined, `series "${duplicate.rows[0].series_key}" period ${duplicate.rows[0].period} appears more than once`);
    }
  }
  await copyLines(client, "stage_series", joinedLines(coder.seriesKeys, (key, i) => `${i}\t${copyText(key)}\n`));
  await copyLines(client, "stage_periods", joinedLines(coder.periods, (period, i) => {
    const position = positionOfPeriod(period);
    return `${i}\t${copyText(period)}\t${position.start}\t${position.kind}\n`;
  }));
  await copyLines(client, "stage_flags", joinedLines(coder.flags, (flags, i) => `${i}\t${copyText(flags)}\n`));
  await client.query(`ANALYZE stage_obs`);
  return staged;
}

/** Numbers the new series and periods, compares the staged rows with the current ones and writes the release. */
async function applyStaged(client: PoolClient, input: ReleaseInput, releaseId: number, observations: number, isFirst: boolean): Promise<Release> {
  const id = input.dataset.id;
  await client.query(
    `CREATE TEMP TABLE stage_map ON COMMIT DROP AS
     SELECT st.idx, st.series_key, s.id IS NULL AS is_new,
       coalesce(s.id, (SELECT coalesce(max(id), 0) FROM series) + row_number() OVER (PARTITION BY s.id IS NULL ORDER BY st.idx))::INTEGER AS series_id
     FROM stage_series st LEFT JOIN series s ON s.dataset = $1 AND s.series_key = st.series_key`, [id]);
  const dimColumns = Array.from({ length: maxDimensions }, (_, i) => `dim${i + 1}`).join(", ");
  // split_part gives '' past the last code where DuckDB's list gives NULL: nullif keeps the columns alike.
  const dimValues = Array.from({ length: maxDimensions }, (_, i) => `nullif(split_part(series_key, '.', ${i + 1}), '')`).join(", ");
  await client.query(`INSERT INTO series (id, dataset, series_key, ${dimColumns})
    SELECT series_id, $1, series_key, ${dimValues} FROM stage_map WHERE is_new ORDER BY series_id`, [id]);
  await client.query(
    `CREATE TEMP TABLE period_map ON COMMIT DROP AS
     SELECT sp.idx, sp.period, sp.period_start, sp.period_kind, p.id IS NULL AS is_new,
       coalesce(p.id, (SELECT coalesce(max(id), 0) FROM periods) + row_number() OVER (PARTITION BY p.id IS NULL ORDER BY sp.idx))::INTEGER AS period_id
     FROM stage_periods sp LEFT JOIN periods p ON p.period = sp.period`);
  await client.query(`INSERT INTO periods (id, period, period_start, period_kind)
    SELECT period_id, period, period_start, period_kind FROM period_map WHERE is_new ORDER BY period_id`);
  await client.query(`ANALYZE stage_map; ANALYZE period_map`);
  await client.query(
    `CREATE TEMP TABLE changes ON COMMIT DROP AS
     WITH incoming AS (
       SELECT m.series_id, p.period_id, CASE WHEN o.fmiss % 2 = 1 THEN NULL ELSE o.value END AS value, f.flags
       FROM stage_obs o JOIN stage_map m ON m.idx = o.sidx JOIN period_map p ON p.idx = o.pidx
       JOIN stage_flags f ON f.idx = o.fmiss / 2),
     current AS (SELECT o.series_id, o.period_id, o.value, o.flags FROM observations o
       WHERE o.valid_to IS NULL AND o.series_id IN (SELECT id FROM series WHERE dataset = $1))
     SELECT i.series_id, i.period_id, i.value, i.flags, c.series_id AS old_series_id, c.period_id AS old_period_id
     FROM incoming i FULL JOIN current c ON c.series_id = i.series_id AND c.period_id = i.period_id
     WHERE c.series_id IS NULL OR i.series_id IS NULL OR c.value IS DISTINCT FROM i.value OR c.flags <> i.flags`, [id]);
  const tally = (await client.query<{ added: number; changed: number; removed: number }>(
    `SELECT count(*) FILTER (WHERE old_series_id IS NULL)::INTEGER AS added,
       count(*) FILTER (WHERE series_id IS NOT NULL AND old_series_id IS NOT NULL)::INTEGER AS changed,
       count(*) FILTER (WHERE series_id IS NULL)::INTEGER AS removed FROM changes`)).rows[0] ?? { added: 0, changed: 0, removed: 0 };
  const latest = isFirst ? 0 : Number((await client.query<{ n: string }>(
    `SELECT coalesce(sum(added) - sum(removed), 0) AS n FROM releases WHERE dataset = $1`, [id])).rows[0]?.n ?? 0);
  checkShrink({ dataset: id, observations, latest, removed: tally.removed }, input);
  await client.query(
    `UPDATE observations o SET valid_to = $1 FROM changes c
     WHERE c.old_series_id IS NOT NULL AND o.valid_to IS NULL AND o.series_id = c.old_series_id AND o.period_id = c.old_period_id`, [releaseId]);
  await client.query(
    `INSERT INTO observations (series_id, period_id, value, flags, valid_from, valid_to)
     SELECT series_id, period_id, value, flags, $1, NULL FROM changes WHERE series_id IS NOT NULL ORDER BY series_id, period_id`, [releaseId]);
  return writeReleaseRow(client, input, releaseId, { observations, ...tally });
}
