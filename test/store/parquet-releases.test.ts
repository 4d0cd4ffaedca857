// Releases as Parquet (issue 18): `exportParquet` writes every release of a store (real Eurostat teina200 in two
// vintages plus a metadata-only release, and the hand-made test:migr releases with missing values and flags); DuckDB
// SQL reads the files back; `importParquet` rebuilds the same releases, versions and counts in an empty DuckDB store,
// and in a PostgreSQL store when MIGMON_TEST_DATABASE_URL is set.
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import type { ReleaseId } from "../../src/core/index.ts";
import { findEntry, loadCatalogue } from "../../src/ingest/catalogue.ts";
import { ingestFile } from "../../src/ingest/pipeline.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";
import { exportParquet } from "../../src/store/parquet-export.ts";
import { importParquet } from "../../src/store/parquet-import.ts";
import { openPostgresStore } from "../../src/store/postgres-store.ts";
import type { Store } from "../../src/store/store.ts";
import { migrDataset, release1, release2, releaseInput } from "../fixtures/store/releases.ts";
import { sharedData } from "../shared-data.ts";

let dir = "";
let source: Store;
const teinaFile = sharedData("eurostat/bulk-tsv/teina200.tsv");

/** Everything a store says about its releases: the list, and each release's state and its diff with the one before. */
async function snapshot(store: Store): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const summary of await store.listDatasets()) {
    const releases = await store.listReleases(summary.dataset.id);
    out.push(summary, releases);
    for (const [i, r] of releases.entries()) {
      out.push(await store.getDataset(summary.dataset.id, { release: r.id }), await store.query({ dataset: summary.dataset.id, release: r.id }));
      const previous = releases[i - 1];
      if (previous !== undefined) out.push(await store.diff(summary.dataset.id, previous.id, r.id));
    }
  }
  return out;
}

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "migmon-parquet-"));
  source = await openDuckDbStore(path.join(dir, "source.duckdb"));
  const catalogue = await loadCatalogue();
  const teina = findEntry(catalogue, "eurostat:teina200");
  await ingestFile({ store: source, entry: teina, file: teinaFile, format: "tsv", retrievedAt: "2025-01-10T00:00:00.000Z" });
  await source.loadRelease(releaseInput(release1, "c1", "2025-01-11T00:00:00Z"));
  // A revision of the real file: Austria's rows withdrawn.
  const withoutAustria = path.join(dir, "teina200.tsv");
  await writeFile(withoutAustria, (await readFile(teinaFile, "utf8")).split("\n").filter((line) => !line.startsWith("MIO_EUR,AT\t")).join("\n"));
  await ingestFile({ store: source, entry: teina, file: withoutAustria, format: "tsv", retrievedAt: "2025-02-10T00:00:00.000Z" });
  await source.loadRelease(releaseInput(release2, "c2", "2025-02-11T00:00:00Z"));
  // The same file under another unit: a metadata-only release.
  await ingestFile({ store: source, entry: { ...teina, unit: "million euro (revised label)" }, file: withoutAustria, format: "tsv",
    retrievedAt: "2025-03-10T00:00:00.000Z" });
});
after(async () => {
  await source.close();
  await rm(dir, { recursive: true, force: true });
});

describe("exportParquet and importParquet", () => {
  test("exportParquet(store, dir) writes one hive partition per release that DuckDB's read_parquet reads back row for row", async () => {
    const out = path.join(dir, "export");
    const summary = await exportParquet(source, out);
    const datasetIds = (await source.listDatasets()).map((s) => s.dataset.id);
    assert.equal(summary.datasets, datasetIds.length);
    assert.equal(summary.releases, 5);
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    try {
      const counts = (await conn.runAndReadAll(
        `SELECT dataset, release, count(*) FROM read_parquet('${out}/*/*/part.parquet', hive_partitioning = true) GROUP BY ALL ORDER BY release`))
        .getRows().map((row) => `${String(row[0])} r${String(row[1])} ${Number(row[2])}`);
      const expected: string[] = [];
      for (const id of datasetIds) {
        for (const r of await source.listReleases(id)) expected.push(`${id} r${r.id} ${(await source.query({ dataset: id, release: r.id })).length}`);
      }
      assert.deepEqual(counts, expected.sort((a, b) => Number(a.split(" r")[1]?.split(" ")[0]) - Number(b.split(" r")[1]?.split(" ")[0])));
      // Release 2 of test:migr (the hand-made revision) with its missing value gone and flags kept, as the store answers it.
      const rows = (await conn.runAndReadAll(
        `SELECT series_key, period, value, flags, first_release FROM read_parquet('${out}/*/*/part.parquet', hive_partitioning = true)
         WHERE dataset = 'test:migr' AND release = 4 ORDER BY series_key, period`)).getRows()
        .map((row) => `${String(row[0])} ${String(row[1])} ${row[2] === null ? "null" : Number(row[2])} ${String(row[3])} r${Number(row[4])}`);
      assert.deepEqual(rows, (await source.query({ dataset: migrDataset.id, release: 4 as ReleaseId }))
        .map((o) => `${o.series} ${o.period} ${o.value} ${o.flags} r${o.release}`));
      const catalogue = (await conn.runAndReadAll(`SELECT release, dataset, unit, checksum, added, removed FROM read_parquet('${out}/releases.parquet') ORDER BY release`))
        .getRows().map((row) => row.map((v) => (typeof v === "bigint" ? Number(v) : v)));
      const listed = [];
      for (const id of datasetIds) {
        for (const r of await source.listReleases(id)) listed.push([r.id, id, (await source.getDataset(id, { release: r.id })).unit, r.checksum, r.added, r.removed]);
      }
      assert.deepEqual(catalogue, listed.sort((a, b) => (a[0] as number) - (b[0] as number)));
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });

  test("importParquet(store, dir) into an empty DuckDB store gives the same releases, versions, diffs and metadata", async () => {
    const out = path.join(dir, "export");
    const target = await openDuckDbStore(path.join(dir, "target.duckdb"));
    try {
      assert.deepEqual(await importParquet(target, out), { datasets: 2, releases: 5 });
      assert.deepEqual(await snapshot(target), await snapshot(source));
      await assert.rejects(importParquet(target, out), /loads into an empty store only/);
      await assert.rejects(importParquet(target, dir), /no releases.parquet: not a folder written by migmon export --parquet/);
    } finally {
      await target.close();
    }
  });

  const url = process.env["MIGMON_TEST_DATABASE_URL"] ?? "";
  test("importParquet(store, dir) into an empty PostgreSQL store gives the same releases, versions, diffs and metadata",
    { skip: url === "" && process.env["CI"] !== "true" ? "MIGMON_TEST_DATABASE_URL is unset" : false }, async () => {
      const schema = `parquet_${process.pid}`;
      const target = await openPostgresStore(url, { schema });
      try {
        await importParquet(target, path.join(dir, "export"));
        assert.deepEqual(await snapshot(target), await snapshot(source));
      } finally {
        await target.close();
        const admin = await openPostgresAdmin(url);
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      }
    });
});

async function openPostgresAdmin(url: string) {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}
