// The store test suite, second half: loads under concurrent reads, refusals and rollbacks, metadata-only releases,
// pages and sums, for every Store backend (see store-suite.ts).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Dataset, DatasetId, Observation, ReleaseId } from "../../src/core/index.ts";
import { ShrinkRefusedError } from "../../src/store/shrink-guard.ts";
import { walkPages } from "../../src/store/walk-pages.ts";
import { failingBatches, migrDataset, obs, release1, release2, releaseInput } from "../fixtures/store/releases.ts";
import type { StoreFactory } from "./store-suite.ts";

/** Registers the load half of the store test suite. */
export function storeLoadSuite(factory: StoreFactory): void {
  describe(`${factory.name}: loads`, () => {
    test("query(q) during a load in progress answers at once with the previous release", async () => {
      const store = await factory.open("concurrent");
      try {
        await store.loadRelease(releaseInput(release1, "c1", "2024-01-10T08:00:00Z"));
        let resume = () => {};
        const paused = new Promise<void>((resolve) => { resume = resolve; });
        let reachedPause = () => {};
        const atPause = new Promise<void>((resolve) => { reachedPause = resolve; });
        async function* slow() {
          yield release2.slice(0, 3);
          reachedPause();
          await paused;
          yield release2.slice(3);
        }
        const loading = store.loadRelease(releaseInput(slow(), "c2", "2024-06-10T08:00:00Z"));
        await atPause;
        assert.deepEqual((await store.query({ dataset: migrDataset.id })).map((o) => o.release), [1, 1, 1, 1, 1, 1]);
        resume();
        assert.equal((await loading).release.id, 2);
        assert.equal((await store.listReleases(migrDataset.id)).length, 2);
      } finally {
        await store.close();
      }
    });

    test("reads running while a revision commits see the old or the new release whole, never a mix", async () => {
      const dataset: Dataset = { ...migrDataset, id: "test:big" as DatasetId, code: "big" };
      const rows = (version: number): Observation[] => {
        const out: Observation[] = [];
        for (let g = 0; g < 2000; g++) for (let y = 2000; y < 2020; y++) out.push(obs(`T.G${g}`, String(y), version * 1000 + y));
        return out;
      };
      const store = await factory.open("atomic");
      try {
        await store.loadRelease(releaseInput(rows(1), "v1", "2024-01-10T08:00:00Z", dataset));
        let done = false;
        const loading = store.loadRelease(releaseInput(rows(2), "v2", "2024-06-10T08:00:00Z", dataset)).finally(() => { done = true; });
        const seen = new Set<string>();
        const readers = Array.from({ length: 3 }, async () => {
          while (!done) {
            // Every value of release v is v * 1000 + year; the 40 rows of two series must all come from one release.
            const answer = await store.query({ dataset: dataset.id, where: { geo: ["G17", "G1999"] } });
            const versions = new Set(answer.map((o) => `${((o.value ?? 0) - Number(o.period)) / 1000} r${o.release}`));
            assert.equal(answer.length, 40);
            assert.equal(versions.size, 1, `a read saw ${[...versions].join(", ")}`);
            seen.add([...versions][0] as string);
          }
        });
        await Promise.all([loading, ...readers]);
        assert.ok(seen.has("1 r1"), `no read ran during the load (seen: ${[...seen].join("; ")})`);
        assert.deepEqual(new Set((await store.query({ dataset: dataset.id, where: { geo: ["G17"] } })).map((o) => o.release)), new Set([2]));
      } finally {
        await store.close();
      }
    });

    test("two loadRelease calls of one dataset at once both load, one after the other, never interleaved", async () => {
      const store = await factory.open("two_loads");
      try {
        await store.loadRelease(releaseInput(release1, "c1", "2024-01-10T08:00:00Z"));
        const [a, b] = await Promise.all([
          store.loadRelease(releaseInput(release2, "c2", "2024-06-10T08:00:00Z")),
          store.loadRelease(releaseInput(release2.slice(0, 5), "c3", "2024-06-10T08:00:00Z")),
        ]);
        assert.deepEqual([a.release.id, b.release.id].sort(), [2, 3]);
        // The later of the two is counted against the earlier one's state, not against release 1: the five-row input
        // lacks M.BE 2020, so after the six-row one it removes one row, and the six-row one after it adds one back.
        const releases = await store.listReleases(migrDataset.id);
        const last = releases[2];
        assert.ok(last !== undefined && last.added + last.removed === 1 && last.changed === 0, JSON.stringify(releases));
      } finally {
        await store.close();
      }
    });

    test("loadRelease(input) rolls back when the batches iterator throws part-way, and the next load works", async () => {
      const store = await factory.open("rollback");
      try {
        await store.loadRelease(releaseInput(release1, "c1", "2024-01-10T08:00:00Z"));
        const before = await store.query({ dataset: migrDataset.id });
        await assert.rejects(store.loadRelease(releaseInput(failingBatches(release2, 3, new Error("cut")), "c2", "2024-06-10T08:00:00Z")), /cut/);
        assert.deepEqual(await store.query({ dataset: migrDataset.id }), before);
        assert.equal((await store.listReleases(migrDataset.id)).length, 1);
        await assert.rejects(store.loadRelease(releaseInput([obs("T.BE", "2020", 1), obs("T.BE", "2020", 2)], "d", "2024-06-10T08:00:00Z")),
          /series "T.BE" period 2020 appears more than once/);
        assert.equal((await store.loadRelease(releaseInput(release2, "c2", "2024-06-10T08:00:00Z"))).release.id, 2);
        await assert.rejects(store.loadRelease(releaseInput(release1, "c3", "2024-01-01T00:00:00Z")), /releases load in retrieval order/);
        await assert.rejects(store.loadRelease(releaseInput(release1, "c4", "2024-07-01T00:00:00Z", { ...migrDataset, dimensions: ["geo", "sex"] })),
          /dimensions \(geo,sex\) differ from \(sex,geo\)/);
      } finally {
        await store.close();
      }
    });

    test("loadRelease(input) refuses a release that removes more than half, or holds nothing, and leaves the store as it was", async () => {
      const store = await factory.open("shrink");
      try {
        await assert.rejects(store.loadRelease(releaseInput([], "e", "2024-01-01T00:00:00Z")), ShrinkRefusedError);
        assert.deepEqual(await store.listDatasets(), []);
        await store.loadRelease(releaseInput(release1, "c1", "2024-01-10T08:00:00Z"));
        // 2 of release 1's 6 rows: 4 removed, 67 % over the 50 % limit.
        await assert.rejects(store.loadRelease(releaseInput(release1.slice(0, 2), "c2", "2024-02-10T08:00:00Z")),
          /would remove 4 of 6 latest observations \(66.7 %, limit 50 %\)/);
        assert.equal((await store.query({ dataset: migrDataset.id })).length, 6);
        const allowed = await store.loadRelease({ ...releaseInput(release1.slice(0, 2), "c2", "2024-02-10T08:00:00Z"), allowShrink: true });
        assert.deepEqual([allowed.release.removed, (await store.query({ dataset: migrDataset.id })).length], [4, 2]);
      } finally {
        await store.close();
      }
    });

    test("loadRelease(input) of the same file with another unit is a metadata-only release; getDataset({release}) keeps each unit", async () => {
      const store = await factory.open("metadata");
      try {
        await store.loadRelease(releaseInput(release1, "c1", "2024-01-10T08:00:00Z"));
        const second = await store.loadRelease(releaseInput(release1, "c1", "2024-02-10T08:00:00Z", { ...migrDataset, unit: "thousand persons" }));
        assert.deepEqual([second.status, second.metadataChanged, second.release.added, second.release.observations], ["loaded", ["unit"], 0, 6]);
        assert.equal((await store.getDataset(migrDataset.id, { release: 1 as ReleaseId })).unit, "persons");
        assert.equal((await store.getDataset(migrDataset.id)).unit, "thousand persons");
        assert.equal((await store.getDataset(migrDataset.id, { asOf: "2024-01-31" })).unit, "persons");
      } finally {
        await store.close();
      }
    });

    test("queryPage and diffPage followed by next join into query and diff; sum equals the rows added up in JS", async () => {
      const store = await factory.open("pages");
      try {
        await store.loadRelease(releaseInput(release1, "c1", "2024-01-10T08:00:00Z"));
        await store.loadRelease(releaseInput(release2, "c2", "2024-06-10T08:00:00Z"));
        for (const limit of [1, 2, 5, 100]) {
          const pages = [];
          for await (const page of walkPages(store, { dataset: migrDataset.id }, limit)) pages.push(...page.observations);
          assert.deepEqual(pages, await store.query({ dataset: migrDataset.id }));
          const changes = [];
          let after = undefined;
          do {
            const page = await store.diffPage(migrDataset.id, 1 as ReleaseId, 2 as ReleaseId, { limit, ...(after === undefined ? {} : { after }) });
            changes.push(...page.changes);
            after = page.next ?? undefined;
          } while (after !== undefined);
          assert.deepEqual(changes, await store.diff(migrDataset.id, 1 as ReleaseId, 2 as ReleaseId));
        }
        for (const release of [1, 2] as ReleaseId[]) {
          const rows = await store.query({ dataset: migrDataset.id, release });
          const expected = new Map<string, number | null>();
          for (const o of rows) {
            const k = o.period;
            const before = expected.has(k) ? expected.get(k) as number | null : 0;
            expected.set(k, before === null || o.value === null ? null : before + o.value);
          }
          const sums = await store.sum({ dataset: migrDataset.id, release }, ["geo"]);
          assert.deepEqual(sums.map((s) => [s.period, s.value]), [...expected].sort((a, b) => a[0].localeCompare(b[0])));
        }
      } finally {
        await store.close();
      }
    });
  });
}
