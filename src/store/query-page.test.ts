import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { UsageError } from "../core/index.ts";
import type { Dataset, DatasetId, Observation, Period, ReleaseId } from "../core/index.ts";
import { migrDataset, obs, release1, release2, releaseInput } from "../../test/fixtures/store/releases.ts";
import { openDuckDbStore } from "./duckdb-store.ts";
import type { ObservationPage, ObservationQuery, Store, StoredObservation } from "./store.ts";
import { walkPages } from "./walk-pages.ts";

// Paging is checked against the store's own unpaged query: following `next` from the first page to the last must
// give exactly `query(q)`, row for row, for every page size, and no page may hold more than its limit.

let dir: string;
let store: Store;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "migmon-page-"));
  store = await openDuckDbStore(join(dir, "pages.duckdb"));
  await store.loadRelease(releaseInput(release1, "c1", "2024-01-10T08:00:00Z"));
  await store.loadRelease(releaseInput(release2, "c2", "2024-06-10T08:00:00Z"));
  await store.loadRelease(releaseInput(mixedRows(), "m1", "2024-02-01T00:00:00Z", mixedDataset));
});
after(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** A dataset whose series mix years, quarters, months and days, so the period order is not the text order. */
const mixedDataset: Dataset = { ...migrDataset, id: "test:mixed" as DatasetId, code: "mixed", dimensions: ["indic", "geo"] };

function mixedRows(): Observation[] {
  const rows: Observation[] = [];
  const periods = ["2019", "2019-Q1", "2019-01", "2019-01-01", "2019-Q2", "2019-12", "2020", "2020-Q4", "2018-07"];
  for (let s = 0; s < 60; s++) {
    // Keys whose text order differs from their load order, with a missing value now and then.
    const key = `I${(s * 37) % 60}.G${s % 7}`;
    periods.forEach((p, i) => rows.push(obs(key, p, (s + i) % 11 === 0 ? null : s * 100 + i, i % 4 === 0 ? "p" : "")));
  }
  return rows;
}

/** Every page of `q` at `limit` rows, following `next` (the state pinned to the first page's release). */
async function allPages(q: ObservationQuery, limit: number): Promise<ObservationPage[]> {
  const pages: ObservationPage[] = [];
  let page = await store.queryPage(q, { limit });
  pages.push(page);
  while (page.next !== null) {
    const pinned: ObservationQuery = { ...q, asOf: undefined, release: page.release ?? undefined };
    page = await store.queryPage(pinned, { limit, after: page.next });
    pages.push(page);
    assert.ok(pages.length < 10_000, "paging does not end");
  }
  return pages;
}

const plain = (rows: readonly StoredObservation[]) => rows.map((o) => `${o.series} ${o.period} ${o.value} ${o.flags} r${o.release}`);

describe("Store.queryPage", () => {
  test("queryPage(q, {limit}) followed by next gives query(q) row for row, at every page size, latest and by release", async () => {
    for (const q of [{ dataset: migrDataset.id }, { dataset: migrDataset.id, release: 1 as ReleaseId }, { dataset: migrDataset.id, asOf: "2024-03-01" }]) {
      const whole = plain(await store.query(q));
      assert.ok(whole.length > 0);
      for (let limit = 1; limit <= whole.length + 1; limit++) {
        const pages = await allPages(q, limit);
        assert.deepEqual(plain(pages.flatMap((p) => p.observations)), whole, `limit ${limit} of ${JSON.stringify(q)}`);
        assert.ok(pages.every((p) => p.observations.length <= limit));
        assert.equal(pages.length, Math.max(1, Math.ceil(whole.length / limit)), "no empty last page");
      }
    }
  });

  test("queryPage(q, {limit, after}) keeps the comparePeriods order across pages of mixed period kinds and filters", async () => {
    const queries: ObservationQuery[] = [
      { dataset: mixedDataset.id },
      { dataset: mixedDataset.id, where: { geo: ["G1", "G3"] } },
      { dataset: mixedDataset.id, from: "2019-01" as Period, to: "2019-12" as Period },
    ];
    for (const q of queries) {
      const whole = plain(await store.query(q));
      assert.ok(whole.length > 50, `${JSON.stringify(q)} selects ${whole.length} rows`);
      for (const limit of [7, 50, whole.length - 1, whole.length]) {
        const pages = await allPages(q, limit);
        assert.deepEqual(plain(pages.flatMap((p) => p.observations)), whole, `limit ${limit} of ${JSON.stringify(q)}`);
        assert.ok(pages.every((p) => p.observations.length <= limit));
      }
    }
  });

  test("queryPage(q) pins the latest state to the newest release, so a release loaded between pages does not mix in", async () => {
    const own = await openDuckDbStore(join(dir, "pinned.duckdb"));
    try {
      await own.loadRelease(releaseInput(release1, "c1", "2024-01-10T08:00:00Z"));
      const first = await own.queryPage({ dataset: migrDataset.id }, { limit: 2 });
      assert.equal(first.release, 1);
      await own.loadRelease(releaseInput(release2, "c2", "2024-06-10T08:00:00Z"));
      const rows = [...first.observations];
      let next = first.next;
      while (next !== null) {
        const page = await own.queryPage({ dataset: migrDataset.id, release: first.release as ReleaseId }, { limit: 2, after: next });
        rows.push(...page.observations);
        next = page.next;
      }
      assert.deepEqual(plain(rows), plain(await own.query({ dataset: migrDataset.id, release: 1 as ReleaseId })));
      assert.notDeepEqual(plain(rows), plain(await own.query({ dataset: migrDataset.id })));
    } finally {
      await own.close();
    }
  });

  test("queryPage(q) before the first release is one empty last page with no release", async () => {
    assert.deepEqual(await store.queryPage({ dataset: migrDataset.id, asOf: "2023-12-31" }, { limit: 5 }), { observations: [], release: null, next: null });
  });

  test("queryPage(q, page) refuses a limit below 1 or not whole and an after period that is not a period", async () => {
    await assert.rejects(store.queryPage({ dataset: migrDataset.id }, { limit: 0 }), UsageError);
    await assert.rejects(store.queryPage({ dataset: migrDataset.id }, { limit: 2.5 }), UsageError);
    await assert.rejects(store.queryPage({ dataset: migrDataset.id }, { limit: 2, after: { series: "F.BE" as never, period: "20x" as Period } }),
      (e: unknown) => e instanceof UsageError && /page after: "20x" is not a period/.test(e.message));
  });
});

describe("Store.diffPage", () => {
  const changes = (rows: readonly { series: string; period: string; change: string }[]) => rows.map((c) => `${c.series} ${c.period} ${c.change}`);

  test("diffPage(id, from, to, {limit}) followed by next gives diff(id, from, to) change for change, at every page size", async () => {
    const whole = changes(await store.diff(migrDataset.id, 1 as ReleaseId, 2 as ReleaseId));
    assert.equal(whole.length, 5);
    for (let limit = 1; limit <= whole.length + 1; limit++) {
      const pages = [await store.diffPage(migrDataset.id, 1 as ReleaseId, 2 as ReleaseId, { limit })];
      for (let next = pages[0]?.next ?? null; next !== null; next = pages[pages.length - 1]?.next ?? null) {
        pages.push(await store.diffPage(migrDataset.id, 1 as ReleaseId, 2 as ReleaseId, { limit, after: next }));
      }
      assert.deepEqual(changes(pages.flatMap((p) => p.changes)), whole, `limit ${limit}`);
      assert.equal(pages.length, Math.max(1, Math.ceil(whole.length / limit)));
    }
  });

  test("diffPage over mixed period kinds keeps the diff's order across pages", async () => {
    const own = await openDuckDbStore(join(dir, "diff-pages.duckdb"));
    try {
      await own.loadRelease(releaseInput(mixedRows(), "m1", "2024-02-01T00:00:00Z", mixedDataset));
      // Every third row changed, every seventh dropped: changes in many series and every period kind.
      const revised = mixedRows().filter((_, i) => i % 7 !== 0).map((o, i) => (i % 3 === 0 ? { ...o, value: (o.value ?? 0) + 1 } : o));
      const second = await own.loadRelease(releaseInput(revised, "m2", "2024-03-01T00:00:00Z", mixedDataset));
      const whole = changes(await own.diff(mixedDataset.id, 1 as ReleaseId, second.release.id));
      assert.ok(whole.length > 100, `${whole.length} changes`);
      const rows: string[] = [];
      let page = await own.diffPage(mixedDataset.id, 1 as ReleaseId, second.release.id, { limit: 23 });
      rows.push(...changes(page.changes));
      while (page.next !== null) {
        page = await own.diffPage(mixedDataset.id, 1 as ReleaseId, second.release.id, { limit: 23, after: page.next });
        assert.ok(page.changes.length <= 23);
        rows.push(...changes(page.changes));
      }
      assert.deepEqual(rows, whole);
    } finally {
      await own.close();
    }
  });
});

describe("walkPages", () => {
  test("walkPages(store, q, limit) yields pages that join into query(q), for the latest state, a date and a period range", async () => {
    const queries: ObservationQuery[] = [
      { dataset: mixedDataset.id },
      { dataset: migrDataset.id, asOf: "2024-03-01" },
      { dataset: mixedDataset.id, where: { geo: ["G2"] }, from: "2019-02" as Period },
    ];
    for (const q of queries) {
      const rows: StoredObservation[] = [];
      let pages = 0;
      for await (const page of walkPages(store, q, 4)) {
        assert.ok(page.observations.length <= 4);
        rows.push(...page.observations);
        pages++;
      }
      const whole = await store.query(q);
      assert.deepEqual(plain(rows), plain(whole), JSON.stringify(q));
      assert.equal(pages, Math.max(1, Math.ceil(whole.length / 4)));
    }
  });
});
