import type { DuckDBConnection } from "@duckdb/node-api";
import { NotFoundError, UsageError } from "../core/index.ts";
import type { DatasetId, ReleaseId } from "../core/index.ts";
import { parseInstant, readNumber } from "./convert.ts";

/** Which version of a dataset a read sees: the latest, or the state as published by one release. */
export type Version = { readonly kind: "latest" } | { readonly kind: "release"; readonly release: ReleaseId } | { readonly kind: "none" };

/**
 * The SQL condition on an observations row (alias `o`) that selects the rows valid in `version`:
 * `valid_to IS NULL` for the latest state; valid_from <= R and (valid_to IS NULL or valid_to > R) for release R.
 */
export function versionCondition(version: Version): string {
  switch (version.kind) {
    case "latest": return "o.valid_to IS NULL";
    case "release": return `o.valid_from <= ${version.release} AND (o.valid_to IS NULL OR o.valid_to > ${version.release})`;
    case "none": return "FALSE";
  }
}

/** Checks that `release` is a release of `dataset`; throws NotFoundError naming both when it is not. */
export async function checkRelease(conn: DuckDBConnection, dataset: DatasetId, release: ReleaseId): Promise<void> {
  if (!Number.isInteger(release)) throw new UsageError(`release ${JSON.stringify(release)} is not a release id`);
  const found = (await conn.runAndReadAll(`SELECT count(*) FROM releases WHERE id = $1 AND dataset = $2`, [release, dataset])).getRows();
  if (readNumber(found[0]?.[0] ?? null, "count") === 0) throw new NotFoundError(`release ${release} of dataset ${dataset} not found`);
}

/**
 * The end of what "as published on `asOf`" covers, in milliseconds since the epoch, exclusive: for a date
 * (`2024-03-01`, a UTC day) the start of the next day; for an ISO instant the instant plus one millisecond.
 * Throws UsageError for anything else.
 */
export function asOfLimit(asOf: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    const day = Date.parse(`${asOf}T00:00:00Z`);
    if (Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== asOf) {
      throw new UsageError(`asOf ${JSON.stringify(asOf)} is not a date (YYYY-MM-DD) or an ISO instant`);
    }
    return day + 86_400_000;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(asOf)) throw new UsageError(`asOf ${JSON.stringify(asOf)} is not a date (YYYY-MM-DD) or an ISO instant`);
  return parseInstant(asOf, "asOf") + 1;
}

/**
 * The version a read asks for: `release` (checked to belong to the dataset), else the newest release retrieved
 * before the end of `asOf` (`none` when there was none yet), else the latest. Throws UsageError when both are
 * given or asOf cannot be read, NotFoundError for a release of another dataset.
 */
export async function resolveVersion(conn: DuckDBConnection, dataset: DatasetId, q: { asOf?: string; release?: ReleaseId }): Promise<Version> {
  if (q.release !== undefined && q.asOf !== undefined) throw new UsageError(`give either release or asOf, not both (release ${q.release}, asOf ${q.asOf})`);
  if (q.release !== undefined) {
    await checkRelease(conn, dataset, q.release);
    return { kind: "release", release: q.release };
  }
  if (q.asOf !== undefined) {
    const limit = asOfLimit(q.asOf);
    const found = (await conn.runAndReadAll(
      `SELECT max(id) FROM releases WHERE dataset = $1 AND retrieved_at < make_timestamp($2::BIGINT)`,
      [dataset, BigInt(limit) * 1000n])).getRows();
    const id = found[0]?.[0] ?? null;
    return id === null ? { kind: "none" } : { kind: "release", release: readNumber(id, "releases.id") as ReleaseId };
  }
  return { kind: "latest" };
}
