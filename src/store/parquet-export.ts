import { mkdir, readdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { parquetWriteBuffer } from "hyparquet-writer";
import type { ColumnSource } from "hyparquet-writer";
import { UsageError } from "../core/index.ts";
import type { Dataset, Release } from "../core/index.ts";
import type { Store } from "./store.ts";

// Releases as Parquet files (issue 18), for engines that read files (DuckDB, Spark, a lakehouse): one file per
// release, hive-partitioned `dataset=<id>/release=<n>/part.parquet`, holding the whole state as that release
// published it (series key, period, value, flags and the release that first published the value), and a catalogue
// `releases.parquet` at the root: one row per release with its dataset's metadata as that release recorded it
// (titles, unit, frequency, licence, dimensions) and the release's own (retrieval time, publisher's stamp, checksum,
// source, format, counts). A full state per release, not a list of changes, so each file is usable on its own; the
// versions are rebuilt by loading the states in release order (parquet-import.ts).

/** The file name of the catalogue, written last: an export without it is incomplete. */
export const releasesFile = "releases.parquet";

/** The folder of one release's file under the export root. */
export function releasePartition(dataset: string, release: number): string {
  return path.join(`dataset=${dataset}`, `release=${release}`);
}

/** What `exportParquet` wrote. */
export interface ParquetExportSummary {
  readonly datasets: number;
  readonly releases: number;
  readonly observations: number;
}

interface CatalogueRow { readonly dataset: Dataset; readonly release: Release }

async function checkEmpty(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return;
  }
  if (entries.length > 0) throw new UsageError(`export --parquet: ${dir} is not empty; name a new or empty folder`);
}

/**
 * Writes every release of every dataset in `store` under `dir` (missing or empty, else UsageError), as described
 * above, and returns the counts. Each file is written beside its place and renamed into it, and the catalogue last,
 * so a reader never meets half a file. `onRelease` hears of each release written.
 */
export async function exportParquet(store: Store, dir: string, onRelease?: (dataset: string, release: number) => void): Promise<ParquetExportSummary> {
  await checkEmpty(dir);
  await mkdir(dir, { recursive: true });
  const catalogue: CatalogueRow[] = [];
  let observations = 0;
  const summaries = await store.listDatasets();
  for (const summary of summaries) {
    const id = summary.dataset.id;
    for (const release of await store.listReleases(id)) {
      const rows = await store.query({ dataset: id, release: release.id });
      const buffer = parquetWriteBuffer({
        columnData: [
          { name: "series_key", data: rows.map((o) => o.series), type: "STRING", nullable: false },
          { name: "period", data: rows.map((o) => o.period), type: "STRING", nullable: false },
          { name: "value", data: rows.map((o) => o.value), type: "DOUBLE" },
          { name: "flags", data: rows.map((o) => o.flags), type: "STRING", nullable: false },
          { name: "first_release", data: rows.map((o) => o.release), type: "INT32", nullable: false },
        ],
        createdBy: "Migration Monitor (hyparquet-writer)",
      });
      const folder = path.join(dir, releasePartition(id, release.id));
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, "part.parquet.partial"), new Uint8Array(buffer));
      await rename(path.join(folder, "part.parquet.partial"), path.join(folder, "part.parquet"));
      catalogue.push({ dataset: await store.getDataset(id, { release: release.id }), release });
      observations += rows.length;
      onRelease?.(id, release.id);
    }
  }
  catalogue.sort((a, b) => a.release.id - b.release.id);
  const column = (name: string, data: (r: CatalogueRow) => string | null, nullable = false): ColumnSource =>
    ({ name, data: catalogue.map(data), type: "STRING", nullable });
  const count = (name: string, data: (r: Release) => number): ColumnSource =>
    ({ name, data: catalogue.map((r) => data(r.release)), type: "INT32", nullable: false });
  const buffer = parquetWriteBuffer({
    columnData: [
      column("dataset", (r) => r.dataset.id),
      count("release", (r) => r.id),
      column("publisher", (r) => r.dataset.publisher),
      column("code", (r) => r.dataset.code),
      column("dimensions", (r) => r.dataset.dimensions.join(",")),
      column("title_nl", (r) => r.dataset.title.nl),
      column("title_fr", (r) => r.dataset.title.fr),
      column("title_en", (r) => r.dataset.title.en),
      column("unit", (r) => r.dataset.unit),
      column("frequency", (r) => r.dataset.frequency),
      column("licence", (r) => r.dataset.licence),
      { name: "retrieved_at", data: catalogue.map((r) => new Date(r.release.retrievedAt)), type: "TIMESTAMP", nullable: false },
      column("source_updated_at", (r) => r.release.sourceUpdatedAt, true),
      column("checksum", (r) => r.release.checksum),
      column("source_uri", (r) => r.release.sourceUri),
      column("format", (r) => r.release.format),
      count("observations", (r) => r.observations),
      count("added", (r) => r.added),
      count("changed", (r) => r.changed),
      count("removed", (r) => r.removed),
    ],
    createdBy: "Migration Monitor (hyparquet-writer)",
  });
  await writeFile(path.join(dir, `${releasesFile}.partial`), new Uint8Array(buffer));
  await rename(path.join(dir, `${releasesFile}.partial`), path.join(dir, releasesFile));
  return { datasets: summaries.length, releases: catalogue.length, observations };
}
