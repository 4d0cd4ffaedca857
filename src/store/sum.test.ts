import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { UsageError, mergeFlags, splitSeriesKey } from "../core/index.ts";
import type { Dataset, DatasetId, Observation, Period, ReleaseId } from "../core/index.ts";
import { migrDataset, obs, release1, release2, releaseInput } from "../../test/fixtures/store/releases.ts";
import { openDuckDbStore } from "./duckdb-store.ts";
import type { AggregatedObservation, ObservationQuery, Store, StoredObservation } from "./store.ts";

// Store.sum is checked against the store's own query plus a sum written here in JS, on random releases with
// missing values and flags, and by hand on the small fixture releases.

let dir: string;
before(async () => { dir = await mkdtemp(join(tmpdir(), "migmon-sum-")); });
after(async () => { await rm(dir, { recursive: true, force: true }); });

/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const randomDataset: Dataset = { ...migrDataset, id: "test:sum" as DatasetId, code: "sum", dimensions: ["sex", "age", "geo"] };
const sexes = ["F", "M"];
const ages = ["Y0", "Y1", "Y2"];
const geos = ["BE1", "BE2", "BE3", "BE4"];
const years = ["2019", "2020", "2021", "2022"];
const flagChoices = ["", "", "", "p", "e", "ep", "c", "b"];

/** A release: each cell present with probability 0.85, value missing 1 in 8 (integers, so any order sums exactly). */
function randomRelease(next: () => number): Observation[] {
  const rows: Observation[] = [];
  for (const s of sexes) for (const a of ages) for (const g of geos) for (const y of years) {
    if (next() < 0.15) continue;
    const value = next() < 0.125 ? null : Math.floor(next() * 1000) - 100;
    rows.push(obs(`${s}.${a}.${g}`, y, value, flagChoices[Math.floor(next() * flagChoices.length)] ?? ""));
  }
  return rows;
}

/** The reference: query's observations grouped by the kept codes and period, added up in JS. */
function sumInJs(rows: readonly StoredObservation[], dimensions: readonly string[], keep: readonly string[], nullIsZero: boolean): string[] {
  const at = keep.map((d) => dimensions.indexOf(d));
  const groups = new Map<string, { value: number; missing: boolean; flags: string; cells: number; release: number }>();
  for (const o of rows) {
    const codes = splitSeriesKey(o.series);
    const key = `${at.map((i) => codes[i]).join(".")}|${o.period}`;
    const g = groups.get(key) ?? { value: 0, missing: false, flags: "", cells: 0, release: 0 };
    if (o.value === null) g.missing = true;
    else g.value += o.value;
    g.flags = mergeFlags(g.flags, o.flags);
    g.cells++;
    g.release = Math.max(g.release, o.release);
    groups.set(key, g);
  }
  return [...groups].map(([k, g]) => `${k} ${g.missing && !nullIsZero ? null : g.value} ${g.flags} ${g.cells} r${g.release}`).sort();
}

const plain = (rows: readonly AggregatedObservation[]) => rows.map((x) => `${x.codes.join(".")}|${x.period} ${x.value} ${x.flags} ${x.cells} r${x.release}`);

describe("Store.sum", () => {
  let store: Store;
  before(async () => {
    store = await openDuckDbStore(join(dir, "sum.duckdb"));
    await store.loadRelease(releaseInput(release1, "c1", "2024-01-10T08:00:00Z"));
    await store.loadRelease(releaseInput(release2, "c2", "2024-06-10T08:00:00Z"));
  });
  after(async () => { await store.close(); });

  test("sum(q, keep, options) equals query(q) summed in JS over random releases, for every kept subset, filter and version", async () => {
    for (const seed of [1, 2, 3]) {
      const next = random(seed);
      const dataset = { ...randomDataset, id: `test:sum${seed}` as DatasetId };
      await store.loadRelease(releaseInput(randomRelease(next), "r1", "2024-01-10T08:00:00Z", dataset));
      const second = await store.loadRelease(releaseInput(randomRelease(next), "r2", "2024-06-10T08:00:00Z", dataset));
      const queries: ObservationQuery[] = [
        { dataset: dataset.id },
        { dataset: dataset.id, release: (second.release.id - 1) as ReleaseId },
        { dataset: dataset.id, where: { age: ["Y0", "Y2"], geo: ["BE2"] }, from: "2020" as Period, to: "2021" as Period },
        { dataset: dataset.id, where: { sex: ["F"] }, asOf: "2024-03-01" },
      ];
      const keeps = [[], ["geo"], ["sex"], ["geo", "sex"], ["age", "geo"], ["sex", "age", "geo"]];
      for (const q of queries) {
        const rows = await store.query(q);
        for (const keep of keeps) for (const nullIsZero of [false, true]) {
          const got = plain(await store.sum(q, keep, { nullIsZero }));
          assert.deepEqual([...got].sort(), sumInJs(rows, dataset.dimensions, keep, nullIsZero), `seed ${seed} ${JSON.stringify(q)} keep ${keep.join(",")} nullIsZero ${nullIsZero}`);
        }
      }
    }
  });

  test("sum(q, [geo]) of the fixture releases, worked by hand: flags united, a missing cell makes the sum missing", async () => {
    // Latest state (release 2): F.BE 2020 50 r1, F.BE 2021 57 r2, M.BE 2020 48e r2, T.BE 2020 99 r2,
    // T.BE 2021 110p r1, T.BE 2022 120p r2. Summed over sex: 2020 50+48+99 = 197 (flags e, newest r2);
    // 2021 57+110 = 167 (p, r2); 2022 120 (p, r2).
    assert.deepEqual(plain(await store.sum({ dataset: migrDataset.id }, ["geo"])), ["BE|2020 197 e 3 r2", "BE|2021 167 p 2 r2", "BE|2022 120 p 1 r2"]);
    // Release 1: 2020 50+48+98 = 196 (r1); 2021 55p + null c + 110p: missing (flags c and p), 3 cells.
    assert.deepEqual(plain(await store.sum({ dataset: migrDataset.id, release: 1 as ReleaseId }, ["geo"])), ["BE|2020 196  3 r1", "BE|2021 null cp 3 r1"]);
    // The same with a missing value counted as 0: 2021 55 + 0 + 110 = 165.
    assert.deepEqual(plain(await store.sum({ dataset: migrDataset.id, release: 1 as ReleaseId }, ["geo"], { nullIsZero: true })), ["BE|2020 196  3 r1", "BE|2021 165 cp 3 r1"]);
  });

  test("sum(q, keep) sorts by the kept codes, then period", async () => {
    const got = await store.sum({ dataset: migrDataset.id }, ["sex"]);
    assert.deepEqual(got.map((x) => `${x.codes[0]} ${x.period}`), ["F 2020", "F 2021", "M 2020", "T 2020", "T 2021", "T 2022"]);
  });

  test("sum(q, keep) with an unknown or repeated kept dimension throws UsageError naming it", async () => {
    await assert.rejects(store.sum({ dataset: migrDataset.id }, ["age"]), (e: unknown) => e instanceof UsageError && /no dimension "age" to keep/.test(e.message));
    await assert.rejects(store.sum({ dataset: migrDataset.id }, ["geo", "geo"]), (e: unknown) => e instanceof UsageError && /named twice/.test(e.message));
  });

  test("sum(q, keep) with no codes asked for, or a date before the first release, is empty", async () => {
    assert.deepEqual(await store.sum({ dataset: migrDataset.id, where: { sex: [] } }, ["geo"]), []);
    assert.deepEqual(await store.sum({ dataset: migrDataset.id, asOf: "2023-01-01" }, ["geo"]), []);
  });
});
