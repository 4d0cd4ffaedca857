import type { DuckDBConnection } from "@duckdb/node-api";
import type { Dataset, ReleaseId } from "../core/index.ts";
import { readString } from "./convert.ts";

/** The descriptive fields a release records (its titles, unit, frequency, licence), as named in `release_metadata`. */
export interface ReleaseMetadata {
  readonly title_nl: string;
  readonly title_fr: string;
  readonly title_en: string;
  readonly unit: string;
  readonly frequency: string;
  readonly licence: string;
}

/** The columns of `release_metadata` besides `release`, in the order of ReleaseMetadata. */
export const metadataFields = ["title_nl", "title_fr", "title_en", "unit", "frequency", "licence"] as const;

/** The metadata a load of `dataset` brings. */
export function metadataOf(dataset: Dataset): ReleaseMetadata {
  return {
    title_nl: dataset.title.nl, title_fr: dataset.title.fr, title_en: dataset.title.en,
    unit: dataset.unit, frequency: dataset.frequency, licence: dataset.licence,
  };
}

/** `dataset` with the titles, unit, frequency and licence of `metadata`. */
export function withMetadata(dataset: Dataset, metadata: ReleaseMetadata): Dataset {
  return {
    ...dataset,
    title: { nl: metadata.title_nl, fr: metadata.title_fr, en: metadata.title_en },
    unit: metadata.unit, frequency: metadata.frequency, licence: metadata.licence,
  };
}

/** The fields of `next` that differ from `previous`, in `metadataFields` order; none when there is no previous. */
export function changedMetadata(previous: ReleaseMetadata | null, next: ReleaseMetadata): string[] {
  if (previous === null) return [];
  return metadataFields.filter((field) => previous[field] !== next[field]);
}

/** Records the metadata `dataset` brings as that of release `releaseId` (inside the load's transaction). */
export async function writeReleaseMetadata(conn: DuckDBConnection, releaseId: number, dataset: Dataset): Promise<void> {
  const m = metadataOf(dataset);
  await conn.run(
    `INSERT INTO release_metadata (release, ${metadataFields.join(", ")}) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [releaseId, ...metadataFields.map((field) => m[field])]);
}

/** The metadata recorded for release `release`; null when it has none (never, once migration 2 has run). */
export async function readReleaseMetadata(conn: DuckDBConnection, release: ReleaseId | number): Promise<ReleaseMetadata | null> {
  const found = (await conn.runAndReadAll(
    `SELECT ${metadataFields.join(", ")} FROM release_metadata WHERE release = $1`, [release])).getRows()[0];
  if (found === undefined) return null;
  const value = (i: number) => readString(found[i] ?? null, `release_metadata.${metadataFields[i]}`);
  return { title_nl: value(0), title_fr: value(1), title_en: value(2), unit: value(3), frequency: value(4), licence: value(5) };
}
