import { LIST, VARCHAR, listValue } from "@duckdb/node-api";
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import type { Dataset, Release } from "../core/index.ts";
import { readNumber } from "./convert.ts";
import { readRelease, releaseColumns } from "./read-rows.ts";
import { writeReleaseMetadata } from "./release-metadata.ts";
import type { ReleaseInput } from "./store.ts";

/** The counts a load writes on its release row. */
export interface ReleaseCounts {
  readonly observations: number;
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
}

/** The id the next release gets: one above the highest of any dataset. */
export async function nextReleaseId(conn: DuckDBConnection): Promise<number> {
  const found = (await conn.runAndReadAll(`SELECT coalesce(max(id), 0) + 1 FROM releases`)).getRows();
  return readNumber(found[0]?.[0] ?? null, "next release id");
}

/** Inserts the dataset row (`isNew`) or refreshes its descriptive columns; the dimensions never change. */
export async function writeDatasetRow(conn: DuckDBConnection, dataset: Dataset, isNew: boolean): Promise<void> {
  const meta: DuckDBValue[] = [dataset.id, dataset.publisher, dataset.code, dataset.title.nl, dataset.title.fr, dataset.title.en,
    dataset.unit, dataset.frequency, dataset.licence];
  if (isNew) {
    await conn.run(
      `INSERT INTO datasets (id, publisher, code, title_nl, title_fr, title_en, unit, frequency, licence, dimensions)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [...meta, listValue([...dataset.dimensions])],
      [VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, LIST(VARCHAR)]);
  } else {
    await conn.run(
      `UPDATE datasets SET publisher = $2, code = $3, title_nl = $4, title_fr = $5, title_en = $6, unit = $7,
       frequency = $8, licence = $9 WHERE id = $1`, meta);
  }
}

/**
 * Inserts the release row `releaseId` of `input` with its counts and the metadata (titles, unit, frequency,
 * licence) it brings, and returns the release as read back.
 */
export async function writeReleaseRow(conn: DuckDBConnection, input: ReleaseInput, releaseId: number, retrievedAt: DuckDBValue,
  counts: ReleaseCounts): Promise<Release> {
  await conn.run(
    `INSERT INTO releases (${releaseColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [releaseId, input.dataset.id, retrievedAt, input.sourceUpdatedAt, input.checksum, input.sourceUri, input.format,
      BigInt(counts.observations), BigInt(counts.added), BigInt(counts.changed), BigInt(counts.removed)]);
  await writeReleaseMetadata(conn, releaseId, input.dataset);
  const written = (await conn.runAndReadAll(`SELECT ${releaseColumns} FROM releases WHERE id = $1`, [releaseId])).getRows();
  if (written[0] === undefined) throw new Error(`release ${releaseId} vanished inside its own transaction`);
  return readRelease(written[0]);
}
