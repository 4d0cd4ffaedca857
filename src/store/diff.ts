import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { UsageError } from "../core/index.ts";
import type { DatasetId, Period, ReleaseId, SeriesKey } from "../core/index.ts";
import { readNullableNumber, readNullableString, readString } from "./convert.ts";
import { rowsAfter } from "./resume-after.ts";
import type { ChangeKind, ChangePage, ObservationChange, PageRequest } from "./store.ts";
import { checkRelease, versionCondition } from "./versions.ts";

/** What the caller calls the two releases of a diff in its messages (CLI arguments, API query parameters). */
export interface DiffReleaseNames {
  readonly from: string;
  readonly to: string;
}

/**
 * Checks the releases a user asks to diff: `from` must not come after `to` (a diff reads from the earlier release
 * to the later; the store's `diff` itself compares any two). One check for `migmon diff` and
 * `GET /api/datasets/{id}/diff`, named as each caller names the two releases; throws UsageError
 * (`<releaseA> (5) must not be after <releaseB> (3)`).
 */
export function checkDiffReleases(from: number, to: number, names: DiffReleaseNames): void {
  if (from > to) throw new UsageError(`${names.from} (${from}) must not be after ${names.to} (${to})`);
}

function side(value: number | null, flags: string | null, present: boolean): ObservationChange["before"] {
  return present ? { value, flags: flags ?? "" } : null;
}

/**
 * What changed in dataset `id` between the state as published by release `from` and by release `to`: observations
 * added, removed, with another value, other flags, or both; sorted by series key, then period. Only row versions
 * valid in one state and not the other are compared, so the cost follows the size of the change, not the dataset.
 * A value that changed and changed back in between is no change. Throws NotFoundError for a release that is
 * not one of the dataset's.
 */
export async function diffReleases(conn: DuckDBConnection, id: DatasetId, from: ReleaseId, to: ReleaseId): Promise<ObservationChange[]> {
  return readChanges(conn, id, from, to, null);
}

/**
 * One page of `diffReleases`: at most `page.limit` changes after `page.after` (a series key and period), cut in
 * DuckDB (keyset on the order of the changes, resume-after.ts), and the position the next page starts after (null
 * after the last). Throws as diffReleases does, and UsageError for a limit that is not a positive whole number.
 */
export async function diffPage(conn: DuckDBConnection, id: DatasetId, from: ReleaseId, to: ReleaseId, page: PageRequest): Promise<ChangePage> {
  if (!Number.isInteger(page.limit) || page.limit < 1) throw new UsageError(`page limit must be a positive whole number, not ${page.limit}`);
  const rows = await readChanges(conn, id, from, to, page);
  const changes = rows.slice(0, page.limit);
  const last = changes[changes.length - 1];
  return { changes, next: rows.length > page.limit && last !== undefined ? { series: last.series, period: last.period } : null };
}

/** The changes from `from` to `to`; with a page, one more than its limit after its `after` (to tell whether more follow). */
async function readChanges(conn: DuckDBConnection, id: DatasetId, from: ReleaseId, to: ReleaseId, page: PageRequest | null): Promise<ObservationChange[]> {
  await checkRelease(conn, id, from);
  await checkRelease(conn, id, to);
  const inFrom = versionCondition({ kind: "release", release: from });
  const inTo = versionCondition({ kind: "release", release: to });
  const params: DuckDBValue[] = [id];
  const param = (v: DuckDBValue) => { params.push(v); return `$${params.length}`; };
  const resume = page?.after === undefined ? "" : ` AND ${rowsAfter(page.after, param)}`;
  const limit = page === null ? "" : ` LIMIT ${param(page.limit + 1)}`;
  const only = (mine: string, other: string) =>
    `SELECT o.series_id, o.period_id, o.value, o.flags FROM observations o
     WHERE o.series_id IN (SELECT id FROM series WHERE dataset = $1) AND (${mine}) AND NOT (${other})`;
  const sql = `
    WITH a AS (${only(inFrom, inTo)}), b AS (${only(inTo, inFrom)})
    SELECT s.series_key, p.period, a.series_id IS NOT NULL AS in_a, a.value, a.flags,
      b.series_id IS NOT NULL AS in_b, b.value, b.flags
    FROM a FULL JOIN b ON a.series_id = b.series_id AND a.period_id = b.period_id
    JOIN series s ON s.id = coalesce(a.series_id, b.series_id)
    JOIN periods p ON p.id = coalesce(a.period_id, b.period_id)
    WHERE (a.series_id IS NULL OR b.series_id IS NULL OR a.value IS DISTINCT FROM b.value OR a.flags <> b.flags)${resume}
    ORDER BY s.series_key, p.period_start, p.period_kind${limit}`;
  return (await conn.runAndReadAll(sql, params)).getRows().map((row) => {
    const inA = row[2] === true;
    const inB = row[5] === true;
    const before = side(readNullableNumber(row[3] ?? null, "value"), readNullableString(row[4] ?? null, "flags"), inA);
    const after = side(readNullableNumber(row[6] ?? null, "value"), readNullableString(row[7] ?? null, "flags"), inB);
    let change: ChangeKind;
    if (before === null) change = "added";
    else if (after === null) change = "removed";
    else if (before.value !== after.value && before.flags !== after.flags) change = "value+flags";
    else if (before.value !== after.value) change = "value";
    else change = "flags";
    return {
      series: readString(row[0] ?? null, "series.series_key") as SeriesKey,
      period: readString(row[1] ?? null, "periods.period") as Period,
      change,
      before,
      after,
    };
  });
}
