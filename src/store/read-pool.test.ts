import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import type { DuckDBConnection } from "@duckdb/node-api";
import { UsageError } from "../core/index.ts";
import type { Dataset, DatasetId, Observation } from "../core/index.ts";
import { migrDataset, obs, release1, release2, releaseInput } from "../../test/fixtures/store/releases.ts";
import { openDuckDbStore } from "./duckdb-store.ts";
import { ReadPool } from "./read-pool.ts";

let dir: string;
before(async () => { dir = await mkdtemp(join(tmpdir(), "migmon-pool-")); });
after(async () => { await rm(dir, { recursive: true, force: true }); });

/** A promise and the function that settles it, to hold a task at a point the test chooses. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => {};
  const wait = new Promise<void>((resolve) => { open = resolve; });
  return { wait, open };
}

describe("ReadPool", () => {
  test("run(task) runs at most size tasks at once, on distinct connections; later tasks wait in submission order", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const conns = [await instance.connect(), await instance.connect()];
    const pool = new ReadPool(conns);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const used: DuckDBConnection[] = [];
    let running = 0;
    let most = 0;
    const tasks = gates.map((g, i) => pool.run(async (conn) => {
      started.push(i);
      used[i] = conn;
      running++;
      most = Math.max(most, running);
      await g.wait;
      running--;
      return i;
    }));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(started, [0, 1]);
    assert.notEqual(used[0], used[1]);
    gates[1]!.open();
    await tasks[1];
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(started, [0, 1, 2]);
    assert.equal(used[2], used[1]);
    for (const g of gates) g.open();
    assert.deepEqual(await Promise.all(tasks), [0, 1, 2, 3]);
    assert.equal(most, 2);
    let closedCount = 0;
    await pool.close((c) => { closedCount++; c.closeSync(); });
    assert.equal(closedCount, 2);
    await assert.rejects(pool.run(async () => 1), /the store is closed/);
    instance.closeSync();
  });

  test("close(closeEach) waits for the reads already submitted, and a failing task gives its connection back", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const pool = new ReadPool([await instance.connect()]);
    await assert.rejects(pool.run(async (c) => c.run("SELECT * FROM no_such_table")), /no_such_table/);
    const g = gate();
    let finished = false;
    const reading = pool.run(async (c) => { await g.wait; await c.run("SELECT 1"); finished = true; });
    const closing = pool.close((c) => c.closeSync());
    g.open();
    await closing;
    assert.equal(finished, true);
    await reading;
    instance.closeSync();
  });
});

describe("openDuckDbStore read pool", () => {
  test("openDuckDbStore(path, {readers: 0}) throws UsageError", async () => {
    await assert.rejects(openDuckDbStore(join(dir, "zero.duckdb"), { readers: 0 }), UsageError);
  });

  test("query, sum, listReleases and diff run in parallel and give the same answers as one after another", async () => {
    const store = await openDuckDbStore(join(dir, "parallel.duckdb"), { readers: 4 });
    await store.loadRelease(releaseInput(release1, "c1", "2024-01-10T08:00:00Z"));
    await store.loadRelease(releaseInput(release2, "c2", "2024-06-10T08:00:00Z"));
    const reads = [
      () => store.query({ dataset: migrDataset.id }),
      () => store.query({ dataset: migrDataset.id, release: 1 as never }),
      () => store.query({ dataset: migrDataset.id, where: { sex: ["F", "T"] }, asOf: "2024-03-01" }),
      () => store.sum({ dataset: migrDataset.id }, ["geo"]),
      () => store.sum({ dataset: migrDataset.id, release: 1 as never }, ["sex"]),
      () => store.listReleases(migrDataset.id),
      () => store.diff(migrDataset.id, 1 as never, 2 as never),
      () => store.listDatasets(),
    ];
    const oneByOne: unknown[] = [];
    for (const read of reads) oneByOne.push(await read());
    const together = await Promise.all(Array.from({ length: 5 }, () => Promise.all(reads.map((read) => read()))));
    for (const answers of together) assert.deepEqual(answers, oneByOne);
    await store.close();
  });

  test("eight reads during a load in progress all answer with the previous release; after the commit, the new one", async () => {
    const store = await openDuckDbStore(join(dir, "during.duckdb"), { readers: 4 });
    await store.loadRelease(releaseInput(release1, "c1", "2024-01-10T08:00:00Z"));
    const g = gate();
    const reached = gate();
    async function* slow() {
      yield release2.slice(0, 3);
      reached.open();
      await g.wait;
      yield release2.slice(3);
    }
    const loading = store.loadRelease(releaseInput(slow(), "c2", "2024-06-10T08:00:00Z"));
    await reached.wait;
    const during = await Promise.all(Array.from({ length: 8 }, (_, i) => i % 2 === 0
      ? store.query({ dataset: migrDataset.id }).then((rows) => rows.map((o) => `${o.series} ${o.period} ${o.value} r${o.release}`))
      : store.sum({ dataset: migrDataset.id }, ["geo"]).then((rows) => rows.map((x) => `${x.period} ${x.value} r${x.release}`))));
    // Release 1 as loaded (fixtures): six rows of release 1; summed over sex, 2020 50+48+98 = 196, 2021 missing.
    const r1Rows = ["F.BE 2020 50 r1", "F.BE 2021 55 r1", "M.BE 2020 48 r1", "M.BE 2021 null r1", "T.BE 2020 98 r1", "T.BE 2021 110 r1"];
    for (let i = 0; i < 8; i++) assert.deepEqual(during[i], i % 2 === 0 ? r1Rows : ["2020 196 r1", "2021 null r1"]);
    g.open();
    assert.equal((await loading).release.id, 2);
    // Release 2 summed over sex: 2020 50+48+99 = 197, 2021 57+110 = 167, 2022 120 (fixtures).
    assert.deepEqual((await store.sum({ dataset: migrDataset.id }, ["geo"])).map((x) => `${x.period} ${x.value} r${x.release}`), ["2020 197 r2", "2021 167 r2", "2022 120 r2"]);
    await store.close();
  });

  test("reads running while a revision commits see the old or the new release whole, never a mix", async () => {
    const dataset: Dataset = { ...migrDataset, id: "test:big" as DatasetId, code: "big" };
    const rows = (version: number): Observation[] => {
      const out: Observation[] = [];
      for (let g = 0; g < 4000; g++) for (let y = 2000; y < 2020; y++) out.push(obs(`T.G${g}`, String(y), version * 1000 + y));
      return out;
    };
    const store = await openDuckDbStore(join(dir, "atomic.duckdb"), { readers: 4 });
    await store.loadRelease(releaseInput(rows(1), "v1", "2024-01-10T08:00:00Z", dataset));
    let done = false;
    const loading = store.loadRelease({ ...releaseInput(rows(2), "v2", "2024-06-10T08:00:00Z", dataset), batches: (async function* () { yield rows(2); })() })
      .finally(() => { done = true; });
    const seen = new Set<string>();
    const readers = Array.from({ length: 4 }, async () => {
      while (!done) {
        // Every value of release v is v * 1000 + year; the 40 rows of two series must all come from one release.
        const answer = await store.query({ dataset: dataset.id, where: { geo: ["G17", "G3999"] } });
        const versions = new Set(answer.map((o) => `${((o.value ?? 0) - Number(o.period)) / 1000} r${o.release}`));
        assert.equal(answer.length, 40);
        assert.equal(versions.size, 1, `a read saw ${[...versions].join(", ")}`);
        seen.add([...versions][0]!);
      }
    });
    await Promise.all([loading, ...readers]);
    assert.ok(seen.has("1 r1"), `no read ran during the load (seen: ${[...seen].join("; ")})`);
    const after = await store.query({ dataset: dataset.id, where: { geo: ["G17"] } });
    assert.deepEqual(new Set(after.map((o) => o.release)), new Set([2]));
    await store.close();
  });
});
