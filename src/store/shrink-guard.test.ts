import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { migrDataset, obs, release1, releaseInput } from "../../test/fixtures/store/releases.ts";
import { openDuckDbStore } from "./duckdb-store.ts";
import { ShrinkRefusedError, checkShrink, defaultMaxShrink } from "./shrink-guard.ts";

let dir: string;
before(async () => { dir = await mkdtemp(join(tmpdir(), "migmon-shrink-")); });
after(async () => { await rm(dir, { recursive: true, force: true }); });

const facts = (latest: number, removed: number, observations = latest - removed) => ({ dataset: "test:migr", observations, latest, removed });

test("checkShrink(facts, {}) lets a release remove up to half of the latest observations and refuses more, with the counts", () => {
  assert.equal(defaultMaxShrink, 0.5);
  checkShrink(facts(1360, 680), {});
  assert.throws(() => checkShrink(facts(1360, 681), {}), (error: unknown) => {
    assert.ok(error instanceof ShrinkRefusedError);
    assert.equal(error.message, "refused: this release of test:migr would remove 681 of 1,360 latest observations (50.1 %, limit 50 %); " +
      "a truncated or empty file? pass --allow-shrink (API: allowShrink) to load it anyway");
    assert.deepEqual([error.exitCode, error.httpStatus], [1, 409]);
    return true;
  });
});

test("checkShrink(facts, {maxShrink: 1}) still refuses a release that removes every latest observation; allowShrink loads it", () => {
  checkShrink(facts(10, 9), { maxShrink: 1 });
  assert.throws(() => checkShrink(facts(1360, 1360), { maxShrink: 1 }),
    /^ShrinkRefusedError: refused: this release of test:migr would remove 1,360 of 1,360 latest observations \(100 %, limit 100 %\)/);
  checkShrink(facts(1360, 1360), { maxShrink: 1, allowShrink: true });
});

test("checkShrink(facts, settings) refuses a release with no observation even for a new dataset, and a maxShrink outside (0, 1]", () => {
  assert.throws(() => checkShrink(facts(0, 0, 0), {}),
    /^ShrinkRefusedError: refused: this release of test:migr holds no observations; an empty or header-only file\?/);
  checkShrink(facts(0, 0, 0), { allowShrink: true });
  checkShrink(facts(0, 0, 5), {});
  assert.throws(() => checkShrink(facts(10, 1), { maxShrink: 0 }), RangeError);
  assert.throws(() => checkShrink(facts(10, 1), { maxShrink: 1.5 }), RangeError);
});

test("loadRelease(input) refuses a revision that removes more than maxShrink inside its transaction, the file byte for byte as before", async () => {
  const path = join(dir, "revision.duckdb");
  let store = await openDuckDbStore(path);
  await store.loadRelease(releaseInput(release1, "c1", "2024-01-10T08:00:00Z"));
  await store.close();
  const bytes = await readFile(path);
  store = await openDuckDbStore(path);
  try {
    // Release 1 has 6 observations; keeping 2 of them removes 4 (67 %), over the default half.
    const kept = release1.slice(0, 2);
    await assert.rejects(store.loadRelease(releaseInput(kept, "c2", "2024-02-10T08:00:00Z")),
      /^ShrinkRefusedError: refused: this release of test:migr would remove 4 of 6 latest observations \(66\.7 %, limit 50 %\)/);
    // A release that also adds a series still removes 4 of 6.
    await assert.rejects(store.loadRelease(releaseInput([...kept, obs("T.NL", "2020", 7)], "c3", "2024-02-10T08:00:00Z")), ShrinkRefusedError);
    assert.equal((await store.listReleases(migrDataset.id)).length, 1);
    assert.equal((await store.query({ dataset: migrDataset.id })).length, release1.length);
  } finally {
    await store.close();
  }
  assert.ok((await readFile(path)).equals(bytes), "the DuckDB file changed");
  store = await openDuckDbStore(path);
  try {
    const loaded = await store.loadRelease({ ...releaseInput(release1.slice(0, 2), "c2", "2024-02-10T08:00:00Z"), maxShrink: 0.7 });
    assert.deepEqual([loaded.release.observations, loaded.release.removed], [2, 4]);
    const emptied = await store.loadRelease({ ...releaseInput([], "c4", "2024-03-10T08:00:00Z"), allowShrink: true });
    assert.deepEqual([emptied.release.observations, emptied.release.removed], [0, 2]);
    assert.deepEqual(await store.query({ dataset: migrDataset.id }), []);
  } finally {
    await store.close();
  }
});

test("loadRelease(input) refuses an empty first release and leaves no dataset behind", async () => {
  const store = await openDuckDbStore(":memory:");
  try {
    await assert.rejects(store.loadRelease(releaseInput([], "c0", "2024-01-10T08:00:00Z")), /holds no observations/);
    assert.deepEqual(await store.listDatasets(), []);
  } finally {
    await store.close();
  }
});
