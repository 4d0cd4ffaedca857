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
export function asOfLimit(asOf: string, name = "asOf"): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    const day = Date.parse(`${asOf}T00:00:00Z`);
    if (Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== asOf) {
      throw new UsageError(`${name} ${JSON.stringify(asOf)} is not a date (YYYY-MM-DD) or an ISO instant`);
    }
    return day + 86_400_000;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(asOf)) throw new UsageError(`${name} ${JSON.stringify(asOf)} is not a date (YYYY-MM-DD) or an ISO instant`);
  return parseInstant(asOf, name) + 1;
}

/**
 * The version a read asks for: `release` (checked to belong to the dataset); else, with `asOf`, the newest release
 * loaded (retrieved) before the end of asOf; else, with `publishedAsOf`, the release carrying the newest publisher's
 * stamp on or before it (publishedRelease); else the latest. `none` when no release qualifies yet. Throws
 * UsageError when more than one is given or a date cannot be read, NotFoundError for a release of another dataset.
 */
export async function resolveVersion(conn: DuckDBConnection, dataset: DatasetId, q: { asOf?: string; publishedAsOf?: string; release?: ReleaseId }): Promise<Version> {
  const given = [q.release === undefined ? "" : `release ${q.release}`, q.asOf === undefined ? "" : `asOf ${q.asOf}`,
    q.publishedAsOf === undefined ? "" : `publishedAsOf ${q.publishedAsOf}`].filter((g) => g !== "");
  if (given.length > 1) throw new UsageError(`give one of release, asOf and publishedAsOf, not several (${given.join(", ")})`);
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
  if (q.publishedAsOf !== undefined) {
    const release = await publishedRelease(conn, dataset, asOfLimit(q.publishedAsOf, "publishedAsOf"));
    return release === null ? { kind: "none" } : { kind: "release", release };
  }
  return { kind: "latest" };
}

/**
 * The instant of a publisher's last-update stamp as the parsers keep it (`2025-03-27T23:00:00`, read as UTC when it
 * names no offset; `2026-09-22T11:00:00+0200`; a date `2024-06-28`, its UTC midnight), in milliseconds; NaN when
 * the text is none of these.
 */
export function stampInstant(stamp: string): number {
  const text = stamp.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return Date.parse(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return Number.NaN;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text.replace(/([+-]\d{2})(\d{2})$/, "$1:$2") : `${text}Z`;
  return Date.parse(zoned);
}

/**
 * The release of `dataset` whose publisher's stamp (source_updated_at) is the newest before `limit` (ms, exclusive),
 * the later loaded of two with the same stamp; null when none has a stamp that early. A release is a whole vintage,
 * so its state is what the publisher published then, whenever it was loaded here. Releases without a stamp, or with
 * one that cannot be read as a date, are not counted: they say nothing of when the publisher published them.
 */
async function publishedRelease(conn: DuckDBConnection, dataset: DatasetId, limit: number): Promise<ReleaseId | null> {
  const rows = (await conn.runAndReadAll(
    `SELECT id, source_updated_at FROM releases WHERE dataset = $1 AND source_updated_at IS NOT NULL`, [dataset])).getRows();
  let best: { id: number; at: number } | null = null;
  for (const row of rows) {
    const id = readNumber(row[0] ?? null, "releases.id");
    const at = stampInstant(String(row[1]));
    if (Number.isNaN(at) || at >= limit) continue;
    if (best === null || at > best.at || (at === best.at && id > best.id)) best = { id, at };
  }
  return best === null ? null : (best.id as ReleaseId);
}
