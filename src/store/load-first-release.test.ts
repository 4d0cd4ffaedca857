import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import { InputError } from "../core/index.ts";
import type { DatasetId, Observation } from "../core/index.ts";
import { migrDataset, obs, releaseInput } from "../../test/fixtures/store/releases.ts";
import { openDuckDbStore } from "./duckdb-store.ts";
import { ObservationCoder } from "./observation-coder.ts";

let dir: string;
before(async () => { dir = await mkdtemp(join(tmpdir(), "migmon-first-")); });
after(async () => { await rm(dir, { recursive: true, force: true }); });

/** The rows of `sql` on the closed store file at `path`, read directly. */
async function readFile(path: string, sql: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  const rows = (await conn.runAndReadAll(sql)).getRows();
  conn.closeSync();
  instance.closeSync();
  return rows;
}

test("loadRelease(input) of a new dataset larger than one 262,144-row buffer keeps every value, flag and missing value in input order", async () => {
  // 3 sexes x 10,000 geos x 10 years = 300,000 observations, so the rows cross two buffer writes. The expected
  // totals are summed here while the rows are made, independently of the store.
  const rows: Observation[] = [];
  let sum = 0;
  let missing = 0;
  let provisional = 0;
  for (const sex of ["F", "M", "T"]) {
    for (let g = 0; g < 10_000; g++) {
      for (let y = 0; y < 10; y++) {
        const absent = (g + y) % 17 === 0;
        const value = absent ? null : (sex.charCodeAt(0) * 7 + g * 13 + y) % 1000;
        const flags = absent ? "c" : y === 9 ? "p" : "";
        if (value === null) missing++; else sum += value;
        if (flags === "p") provisional++;
        rows.push(obs(`${sex}.G${g}`, String(2010 + y), value, flags));
      }
    }
  }
  const path = join(dir, "large.duckdb");
  const store = await openDuckDbStore(path);
  const result = await store.loadRelease(releaseInput(rows, "big", "2024-01-01T00:00:00Z"));
  assert.deepEqual([result.release.observations, result.release.added, result.release.changed, result.release.removed], [300_000, 300_000, 0, 0]);
  // M.G4321: 4321 % 17 = 3, so (4321 + y) % 17 = 0 only at y = 14: all ten years have a value,
  // (77 x 7 + 4321 x 13 + y) % 1000 = (539 + 56173 + y) % 1000 = 712 + y, flag p in the last year.
  const one = await store.query({ dataset: migrDataset.id, where: { sex: ["M"], geo: ["G4321"] } });
  assert.deepEqual(one.map((o) => [o.period, o.value, o.flags]),
    Array.from({ length: 10 }, (_, y) => [String(2010 + y), 712 + y, y === 9 ? "p" : ""]));
  await store.close();
  const [totals] = await readFile(path,
    `SELECT count(*)::INTEGER, (count(*) - count(value))::INTEGER, sum(value)::BIGINT, count(*) FILTER (WHERE flags = 'p')::INTEGER,
       count(*) FILTER (WHERE value IS NULL AND flags <> 'c')::INTEGER FROM observations`);
  assert.deepEqual(totals, [300_000, missing, BigInt(sum), provisional, 0]);
  // Series are numbered in input order (F.G0 = 1 … T.G9999 = 30,000) and the rows lie in series order.
  assert.deepEqual(await readFile(path, `SELECT id, series_key, dim1, dim2 FROM series WHERE id IN (1, 10001, 30000) ORDER BY id`),
    [[1, "F.G0", "F", "G0"], [10001, "M.G0", "M", "G0"], [30000, "T.G9999", "T", "G9999"]]);
  assert.deepEqual(await readFile(path,
    `SELECT count(*)::INTEGER FROM (SELECT series_id, lag(series_id) OVER (ORDER BY rowid) AS prev FROM observations) WHERE series_id < prev`), [[0]]);
});

test("loadRelease(input) of a second new dataset keeps the ids of known periods and numbers new ones after the highest in order of first appearance", async () => {
  const path = join(dir, "periods.duckdb");
  const store = await openDuckDbStore(path);
  await store.loadRelease(releaseInput([obs("T.BE", "2020", 1), obs("T.BE", "2021", 2)], "a", "2024-01-01T00:00:00Z"));
  const other = { ...migrDataset, id: "test:other" as DatasetId, code: "other" };
  await store.loadRelease(releaseInput([obs("F.NL", "2022", 3), obs("F.NL", "2021", 4), obs("M.NL", "2019", 5)], "b", "2024-01-02T00:00:00Z", other));
  await store.close();
  // 2020 = 1 and 2021 = 2 from the first dataset; then 2022 (first seen) = 3 and 2019 = 4. Series: T.BE = 1, F.NL = 2, M.NL = 3.
  assert.deepEqual(await readFile(path, `SELECT id, period FROM periods ORDER BY id`), [[1, "2020"], [2, "2021"], [3, "2022"], [4, "2019"]]);
  assert.deepEqual(await readFile(path, `SELECT series_id, period_id, value, valid_from FROM observations WHERE valid_from = 2 ORDER BY rowid`),
    [[2, 3, 3, 2], [2, 2, 4, 2], [3, 4, 5, 2]]);
});

/**
 * Series S0 with 32,769 days from 1930-01-01, then S1 … S32768 with the first day: 32,769 series x 32,769 days is
 * too wide for the in-memory duplicate check (2^15 x 2^16 bits reach its 2^31 limit); then `extra`. The days come
 * first so that the bitmap widens while it holds one series (widening costs series x width).
 */
function wideDaily(extra: Observation[]): Observation[] {
  const rows: Observation[] = [];
  for (let i = 0; i <= 32_768; i++) rows.push(obs("S0.BE", new Date(Date.UTC(1930, 0, 1 + i)).toISOString().slice(0, 10), i));
  for (let i = 1; i <= 32_768; i++) rows.push(obs(`S${i}.BE`, "1930-01-01", i));
  return rows.concat(extra);
}

test("ObservationCoder.code(o) gives up the bitmap for 32,769 series x 32,769 days (duplicatesChecked false)", () => {
  const coder = new ObservationCoder(migrDataset, "wide.tsv");
  for (const o of wideDaily([])) coder.code(o);
  assert.equal(coder.duplicatesChecked, false);
  assert.equal(coder.periods.length, 32_769);
});

test("loadRelease(input) of a new dataset too wide for the bitmap finds a duplicate in SQL, names it, and writes nothing", async () => {
  const path = join(dir, "wide.duckdb");
  const store = await openDuckDbStore(path);
  const daily = { ...migrDataset, id: "test:daily" as DatasetId, code: "daily", frequency: "D" };
  await assert.rejects(store.loadRelease(releaseInput(wideDaily([obs("S5.BE", "1930-01-01", 99)]), "w", "2024-01-01T00:00:00Z", daily)),
    (e: unknown) => e instanceof InputError && e.message === `series "S5.BE" period 1930-01-01 appears more than once in file:///fixtures/daily-w.tsv`);
  // Without the duplicate the same input loads.
  const loaded = await store.loadRelease(releaseInput(wideDaily([]), "w", "2024-01-01T00:00:00Z", daily));
  assert.equal(loaded.release.id, 1);
  await store.close();
  assert.deepEqual(await readFile(path, `SELECT (SELECT count(*) FROM datasets)::INTEGER, (SELECT count(*) FROM releases)::INTEGER,
    (SELECT count(*) FROM series)::INTEGER, (SELECT count(*) FROM periods)::INTEGER, (SELECT count(*) FROM observations)::INTEGER`),
  [[1, 1, 32_769, 32_769, 65_537]]);
});
