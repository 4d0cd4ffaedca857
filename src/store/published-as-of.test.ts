import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { UsageError } from "../core/index.ts";
import { migrDataset, obs, releaseInput } from "../../test/fixtures/store/releases.ts";
import { openDuckDbStore } from "./duckdb-store.ts";
import type { Store } from "./store.ts";
import { stampInstant } from "./versions.ts";

// Four vintages of one cell, loaded in this order. Each carries its value as its number, so an answer names the
// release it comes from. The third is an older vintage loaded late; the second has no publisher's stamp.
const vintages = [
  { value: 1, retrievedAt: "2025-01-10T08:00:00Z", sourceUpdatedAt: "2025-01-05T23:00:00" },
  { value: 2, retrievedAt: "2025-02-10T08:00:00Z", sourceUpdatedAt: null },
  { value: 3, retrievedAt: "2025-03-10T08:00:00Z", sourceUpdatedAt: "2024-12-20" },
  { value: 4, retrievedAt: "2025-04-10T08:00:00Z", sourceUpdatedAt: "2025-03-01T23:00:00+0200" },
];

describe("Store.query: as loaded (asOf) and as published (publishedAsOf)", () => {
  let dir: string;
  let store: Store;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "migmon-published-"));
    store = await openDuckDbStore(join(dir, "s.duckdb"));
    for (const v of vintages) {
      await store.loadRelease({ ...releaseInput([obs("T.BE", "2024", v.value)], `c${v.value}`, v.retrievedAt), sourceUpdatedAt: v.sourceUpdatedAt });
    }
  });
  after(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const valueAs = async (q: { asOf?: string; publishedAsOf?: string }) =>
    (await store.query({ dataset: migrDataset.id, ...q })).map((o) => o.value);

  test("query({asOf}) reads the newest release loaded by the end of the date, whatever its publisher's stamp", async () => {
    assert.deepEqual(await valueAs({ asOf: "2025-02-15" }), [2]);
    assert.deepEqual(await valueAs({ asOf: "2025-03-10" }), [3]);
    assert.deepEqual(await valueAs({ asOf: "2025-01-09" }), []);
  });

  test("query({publishedAsOf}) reads the release with the newest publisher's stamp on or before the date, skipping unstamped ones", async () => {
    assert.deepEqual(await valueAs({ publishedAsOf: "2025-01-06" }), [1]);
    // only the older vintage (stamped 2024-12-20, loaded third) had been published by the end of 2024
    assert.deepEqual(await valueAs({ publishedAsOf: "2024-12-31" }), [3]);
    // 2025-03-01T23:00+02:00 is 21:00 UTC: inside the day 2025-03-01, after an instant of 20:00 UTC
    assert.deepEqual(await valueAs({ publishedAsOf: "2025-03-01" }), [4]);
    assert.deepEqual(await valueAs({ publishedAsOf: "2025-03-01T20:00:00Z" }), [1]);
    assert.deepEqual(await valueAs({ publishedAsOf: "2024-12-19" }), []);
  });

  test("query({asOf, publishedAsOf}) is a UsageError naming both; a bad publishedAsOf names the parameter", async () => {
    await assert.rejects(valueAs({ asOf: "2025-02-15", publishedAsOf: "2025-02-15" }), (e: unknown) =>
      e instanceof UsageError && /asOf 2025-02-15, publishedAsOf 2025-02-15/.test(e.message));
    await assert.rejects(valueAs({ publishedAsOf: "March 2025" }), (e: unknown) => e instanceof UsageError && /^publishedAsOf "March 2025" is not a date/.test(e.message));
  });

  test("queryPage({publishedAsOf}, page) pins the release publishedAsOf names", async () => {
    const page = await store.queryPage({ dataset: migrDataset.id, publishedAsOf: "2024-12-31" }, { limit: 10 });
    assert.deepEqual(page.observations.map((o) => o.value), [3]);
    assert.equal((await store.listReleases(migrDataset.id))[2]?.id, page.release);
  });

  test("stampInstant(stamp) reads the stamps the parsers keep: no offset as UTC, +hhmm offsets, bare dates", () => {
    assert.equal(stampInstant("2025-01-05T23:00:00"), Date.UTC(2025, 0, 5, 23));
    assert.equal(stampInstant("2025-03-01T23:00:00+0200"), Date.UTC(2025, 2, 1, 21));
    assert.equal(stampInstant("2024-06-28"), Date.UTC(2024, 5, 28));
    assert.ok(Number.isNaN(stampInstant("13/03/25")));
  });
});
