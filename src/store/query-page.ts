import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { UsageError } from "../core/index.ts";
import type { Period, ReleaseId, SeriesKey } from "../core/index.ts";
import { doubleColumn, integerColumn, textColumn } from "./columns.ts";
import { StoreValueError, readNumber, readString } from "./convert.ts";
import type { ReadCache } from "./read-cache.ts";
import { rowsAfter } from "./resume-after.ts";
import { selectObservations } from "./selection.ts";
import type { StatementCache } from "./statements.ts";
import type { ObservationPage, ObservationQuery, PageRequest, StoredObservation } from "./store.ts";
import { resolveVersion } from "./versions.ts";

// One page of a query, cut in DuckDB: `ORDER BY series_key, period_start, period_kind LIMIT n` after the last row of
// the previous page (keyset paging), so a reader of a dataset of millions of rows holds one page at a time and a
// page costs a top-n over the selection, never a full answer in JS. The key is the order `Store.query` answers in
// (series key, then comparePeriods), so the pages joined are the unpaged answer; (series, period) is unique within
// one version of a dataset, so no row is skipped or repeated at a page boundary. The state is pinned to one release
// (the latest is resolved to the newest release id), and the page says which, so the next pages of the same
// walk read that state even when a release is loaded in between.

/** The release whose state `q` reads: `q.release`, the newest by `q.asOf` (null: none yet), else the newest. */
async function pinnedRelease(conn: DuckDBConnection, q: ObservationQuery): Promise<ReleaseId | null> {
  const version = await resolveVersion(conn, q.dataset, q);
  if (version.kind === "release") return version.release;
  if (version.kind === "none") return null;
  const found = (await conn.runAndReadAll(`SELECT max(id) FROM releases WHERE dataset = $1`, [q.dataset])).getRows();
  const id = found[0]?.[0] ?? null;
  return id === null ? null : (readNumber(id, "releases.id") as ReleaseId);
}

/**
 * One page of the observations `q` selects, in `Store.query`'s order, starting after `page.after` (a series key and
 * period of the previous page) and at most `page.limit` rows; `next` is the position to pass for the following page,
 * null after the last one. The state read is pinned to `release` (see the module comment). Throws as
 * queryObservations does, and UsageError for a limit that is not a positive whole number or an `after` period that
 * is not a period.
 */
export async function queryObservationPage(conn: DuckDBConnection, q: ObservationQuery, page: PageRequest,
  cache: ReadCache, statements: StatementCache): Promise<ObservationPage> {
  if (!Number.isInteger(page.limit) || page.limit < 1) throw new UsageError(`page limit must be a positive whole number, not ${page.limit}`);
  await cache.dimensionsOf(conn, q.dataset);
  const release = await pinnedRelease(conn, q);
  if (release === null) return { observations: [], release: null, next: null };
  const { asOf: _asOf, publishedAsOf: _publishedAsOf, ...rest } = q;
  const selection = await selectObservations(conn, cache, { ...rest, release }, { joinPeriods: true });
  if (selection === null) return { observations: [], release, next: null };
  const params: DuckDBValue[] = [...selection.params];
  const param = (v: DuckDBValue) => { params.push(v); return `$${params.length}`; };
  const resume = page.after === undefined ? "" : ` AND ${rowsAfter(page.after, param)}`;
  // One row more than the page tells whether another page follows without asking for an empty one.
  const limit = param(page.limit + 1);
  const result = await statements.run(conn,
    `SELECT s.series_key, o.period_id, coalesce(o.value, 'NaN'::DOUBLE), nullif(o.flags, ''), o.valid_from
     ${selection.fromWhere}${resume} ORDER BY s.series_key, p.period_start, p.period_kind LIMIT ${limit}`, params);
  const keys: SeriesKey[] = [];
  const periodIds: number[] = [];
  const values: number[] = [];
  const flags: string[] = [];
  const releases: number[] = [];
  let lastKey: string | null = null;
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const keyCol = textColumn(chunk, 0, "series.series_key");
    const periodCol = integerColumn(chunk, 1, "observations.period_id");
    const valueCol = doubleColumn(chunk, 2, "observations.value");
    const flagCol = textColumn(chunk, 3, "observations.flags");
    const releaseCol = integerColumn(chunk, 4, "observations.valid_from");
    for (let i = 0, n = chunk.rowCount; i < n; i++) {
      // Rows come grouped by series: the key text is kept once per series, not once per row.
      const key = readString(keyCol.getItem(i), "series.series_key");
      if (key !== lastKey) lastKey = key;
      keys.push(lastKey as SeriesKey);
      periodIds.push(periodCol.getItem(i) as number);
      values.push(valueCol.getItem(i) as number);
      flags.push(flagCol.getItem(i) ?? "");
      releases.push(releaseCol.getItem(i) as number);
    }
  }
  const count = Math.min(keys.length, page.limit);
  const periods = await cache.periodsFor(conn, new Set(periodIds));
  const observations: StoredObservation[] = new Array<StoredObservation>(count);
  for (let r = 0; r < count; r++) {
    const p = periods.get(periodIds[r] as number);
    if (p === undefined) throw new StoreValueError(`observations.period_id ${periodIds[r]} is not in the periods table`);
    const v = values[r] as number;
    observations[r] = { series: keys[r] as SeriesKey, period: p.period, value: Number.isNaN(v) ? null : v, flags: flags[r] as string, release: releases[r] as ReleaseId };
  }
  const last = observations[count - 1];
  const next = keys.length > page.limit && last !== undefined ? { series: last.series, period: last.period as Period } : null;
  return { observations, release, next };
}
