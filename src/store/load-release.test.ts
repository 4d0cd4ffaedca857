import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import { InputError } from "../core/index.ts";
import type { DatasetId } from "../core/index.ts";
import { failingBatches, migrDataset, obs, release1, release2, releaseInput } from "../../test/fixtures/store/releases.ts";
import { openDuckDbStore } from "./duckdb-store.ts";
import { loadRelease } from "./load-release.ts";
import { migrateSchema } from "./schema.ts";
import type { Store } from "./store.ts";

let dir: string;
before(async () => { dir = await mkdtemp(join(tmpdir(), "migmon-load-")); });
after(async () => { await rm(dir, { recursive: true, force: true }); });

/** Row counts of every store table in a closed file, read directly. */
async function tableCounts(path: string): Promise<Record<string, number>> {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  const out: Record<string, number> = {};
  for (const t of ["datasets", "releases", "series", "periods", "observations"]) {
    out[t] = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${t}`)).getRows()[0]?.[0]);
  }
  conn.closeSync();
  instance.closeSync();
  return out;
}

/** A store at `name` holding release 1 of test:migr, and its answers before the failing load. */
async function storeWithRelease1(name: string): Promise<{ store: Store; path: string; latest: unknown; releases: unknown }> {
  const path = join(dir, name);
  const store = await openDuckDbStore(path);
  await store.loadRelease(releaseInput(release1, "c1", "2024-01-10T08:00:00Z"));
  return { store, path, latest: await store.query({ dataset: migrDataset.id }), releases: await store.listReleases(migrDataset.id) };
}

/** Closes the store and checks it still holds release 1 only: 1 dataset, 1 release, 3 series, 2 periods, 6 observations. */
async function assertOnlyRelease1(s: { store: Store; path: string; latest: unknown; releases: unknown }): Promise<void> {
  assert.deepEqual(await s.store.query({ dataset: migrDataset.id }), s.latest);
  assert.deepEqual(await s.store.listReleases(migrDataset.id), s.releases);
  await s.store.close();
  assert.deepEqual(await tableCounts(s.path), { datasets: 1, releases: 1, series: 3, periods: 2, observations: 6 });
}

test("loadRelease(input) rolls back when the batches iterator throws part-way", async () => {
  const s = await storeWithRelease1("iterator.duckdb");
  const parseError = new InputError("migr.tsv", 14, `unknown geo code "XX"`);
  // Three good rows (one a new series T.NL) are staged before the parser fails.
  const rows = [obs("T.NL", "2020", 5), ...release2];
  await assert.rejects(s.store.loadRelease(releaseInput(failingBatches(rows, 3, parseError), "c2", "2024-06-10T08:00:00Z")),
    (e: unknown) => e === parseError);
  await assertOnlyRelease1(s);
});

test("loadRelease(input) refuses a duplicate series/period pair with an InputError naming both and writes nothing", async () => {
  const s = await storeWithRelease1("duplicate.duckdb");
  const rows = [...release2, obs("T.NL", "2020", 1), obs("T.BE", "2020", 99)];
  await assert.rejects(s.store.loadRelease(releaseInput(rows, "c2", "2024-06-10T08:00:00Z")),
    (e: unknown) => e instanceof InputError && e.message === `series "T.BE" period 2020 appears more than once in file:///fixtures/migr-c2.tsv`);
  await assertOnlyRelease1(s);
});

test("loadRelease(input) counts 2020-Q1 and 2020Q1 of one series as a duplicate", async () => {
  const store = await openDuckDbStore(join(dir, "duplicate-forms.duckdb"));
  await assert.rejects(store.loadRelease(releaseInput([obs("T.BE", "2020-Q1", 1), obs("T.BE", "2020Q1", 2)], "q", "2024-01-01T00:00:00Z")),
    /series "T.BE" period 2020-Q1 appears more than once/);
  assert.deepEqual(await store.listDatasets(), []);
  await store.close();
});

test("loadRelease(input) refuses dimensions that differ from the first release's, naming both lists", async () => {
  const s = await storeWithRelease1("dimensions.duckdb");
  const other = { ...migrDataset, dimensions: ["sex", "age", "geo"] };
  await assert.rejects(s.store.loadRelease(releaseInput([obs("T.TOTAL.BE", "2020", 1)], "c2", "2024-06-10T08:00:00Z", other)),
    (e: unknown) => e instanceof InputError && /dimensions \(sex,age,geo\) differ from \(sex,geo\) fixed by the first release of test:migr/.test(e.message));
  await assertOnlyRelease1(s);
});

test("loadRelease(input) of a new dataset whose iterator fails leaves no dataset, series or release behind", async () => {
  const path = join(dir, "new-dataset.duckdb");
  const store = await openDuckDbStore(path);
  const fresh = { ...migrDataset, id: "test:fresh" as DatasetId, code: "fresh" };
  await assert.rejects(store.loadRelease(releaseInput(failingBatches(release1, 4, new Error("connection reset")), "f", "2024-01-01T00:00:00Z", fresh)),
    /connection reset/);
  await assert.rejects(store.getDataset(fresh.id), /dataset test:fresh not found/);
  await store.close();
  assert.deepEqual(await tableCounts(path), { datasets: 0, releases: 0, series: 0, periods: 0, observations: 0 });
});

test("loadRelease(input) after a failed load works on the same store", async () => {
  const s = await storeWithRelease1("retry.duckdb");
  await assert.rejects(s.store.loadRelease(releaseInput(failingBatches(release2, 2, new Error("boom")), "c2", "2024-06-10T08:00:00Z")), /boom/);
  const retry = await s.store.loadRelease(releaseInput(release2, "c2", "2024-06-10T08:00:00Z"));
  assert.deepEqual([retry.status, retry.release.id, retry.release.added, retry.release.changed, retry.release.removed], ["loaded", 2, 1, 3, 1]);
  await s.store.close();
});

test("loadRelease(input) refuses a release retrieved before the dataset's newest release", async () => {
  const s = await storeWithRelease1("order.duckdb");
  await assert.rejects(s.store.loadRelease(releaseInput(release2, "c2", "2023-12-31T00:00:00Z")),
    /retrieved 2023-12-31T00:00:00Z, before release 1 of test:migr \(retrieved 2024-01-10T08:00:00.000Z\); releases load in retrieval order/);
  await assertOnlyRelease1(s);
});

test("loadRelease(input) refuses a period that cannot be read, naming the series and the text", async () => {
  const s = await storeWithRelease1("bad-period.duckdb");
  await assert.rejects(s.store.loadRelease(releaseInput([...release2, obs("T.BE", "2020-13", 1)], "c2", "2024-06-10T08:00:00Z")),
    (e: unknown) => e instanceof InputError && /series "T.BE" has period "2020-13", which is not a period/.test(e.message));
  await assertOnlyRelease1(s);
});

/** Loads release1, release2 and a third release on a fresh file at `path` with `parts` staged rows per comparison part. */
async function loadThreeReleases(path: string, parts: number): Promise<{ counts: number[][]; versions: unknown[][] }> {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  await migrateSchema(conn, path);
  // Release 3 against the state after release 2 (T.BE 2020 99, 2021 110p, 2022 120p; F.BE 2020 50, 2021 57; M.BE 2020
  // 48e), in no series order: F.NL 2020 new (added), T.BE 2021 110 -> 111 (changed), M.BE gone as a whole series
  // (removed), the rest as before: added 1, changed 1, removed 1.
  const release3 = [obs("F.NL", "2020", 7), obs("T.BE", "2022", 120, "p"), obs("F.BE", "2020", 50), obs("T.BE", "2020", 99),
    obs("F.BE", "2021", 57), obs("T.BE", "2021", 111, "p")];
  const counts: number[][] = [];
  for (const [rows, checksum, at] of [[release1, "c1", "2024-01-10T08:00:00Z"], [release2, "c2", "2024-06-10T08:00:00Z"],
    [release3, "c3", "2024-09-10T08:00:00Z"]] as const) {
    const { release } = await loadRelease(conn, releaseInput(rows, checksum, at), parts);
    counts.push([release.id, release.added, release.changed, release.removed]);
  }
  const versions = (await conn.runAndReadAll(
    `SELECT s.series_key, p.period, o.value, o.flags, o.valid_from, o.valid_to FROM observations o
     JOIN series s ON s.id = o.series_id JOIN periods p ON p.id = o.period_id ORDER BY ALL`)).getRows();
  conn.closeSync();
  instance.closeSync();
  return { counts, versions };
}

test("loadRelease(conn, input, 2) compares a revision in parts of 2 staged rows with the same counts and versions as in one part", async () => {
  const inParts = await loadThreeReleases(join(dir, "parts-2.duckdb"), 2);
  const whole = await loadThreeReleases(join(dir, "parts-whole.duckdb"), 1_000_000);
  // Release 2's counts are those of the fixture (added T.BE 2022; changed F.BE 2021, M.BE 2020, T.BE 2020; removed
  // M.BE 2021); release 3's are worked out above.
  assert.deepEqual(inParts.counts, [[1, 6, 0, 0], [2, 1, 3, 1], [3, 1, 1, 1]]);
  assert.deepEqual(whole.counts, inParts.counts);
  assert.deepEqual(inParts.versions, whole.versions);
  // 6 rows of release 1, 4 new versions in release 2, 2 in release 3; M.BE 2020 48e closed by release 3.
  assert.equal(inParts.versions.length, 12);
  assert.deepEqual(inParts.versions.find((v) => v[0] === "M.BE" && v[1] === "2020" && v[3] === "e"), ["M.BE", "2020", 48, "e", 2, 3]);
});
