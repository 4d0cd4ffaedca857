import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import type { ReleaseId } from "../core/index.ts";
import { migrDataset, release1, release2, releaseInput } from "../../test/fixtures/store/releases.ts";
import { openDuckDbStore } from "./duckdb-store.ts";
import { migrations } from "./schema.ts";

let dir: string;
before(async () => { dir = await mkdtemp(join(tmpdir(), "migmon-metadata-")); });
after(async () => { await rm(dir, { recursive: true, force: true }); });

const inThousands = { ...migrDataset, unit: "thousand persons", title: { ...migrDataset.title, en: "Immigration (thousands)" } };

test("getDataset(id, {release | asOf}) gives the unit and titles of that release after a later release changed them", async () => {
  const store = await openDuckDbStore(":memory:");
  try {
    const first = await store.loadRelease(releaseInput(release1, "c1", "2024-01-10T08:00:00Z"));
    const second = await store.loadRelease(releaseInput(release2, "c2", "2024-02-10T08:00:00Z", inThousands));
    assert.deepEqual(first.metadataChanged, []);
    assert.deepEqual(second.metadataChanged, ["title_en", "unit"]);
    assert.equal((await store.getDataset(migrDataset.id)).unit, "thousand persons");
    const asFirst = await store.getDataset(migrDataset.id, { release: first.release.id });
    assert.deepEqual([asFirst.unit, asFirst.title.en, asFirst.title.nl], ["persons", "Immigration", "Immigratie"]);
    assert.equal((await store.getDataset(migrDataset.id, { asOf: "2024-01-31" })).unit, "persons");
    assert.equal((await store.getDataset(migrDataset.id, { asOf: "2024-02-10" })).unit, "thousand persons");
    // Before any release nothing was published: the labels the dataset was first published with.
    assert.equal((await store.getDataset(migrDataset.id, { asOf: "2023-12-31" })).unit, "persons");
    await assert.rejects(store.getDataset(migrDataset.id, { release: 99 as ReleaseId }), /release 99 of dataset test:migr not found/);
  } finally {
    await store.close();
  }
});

test("loadRelease(input) of an unchanged file with a changed description is a metadata-only release; the same again is unchanged", async () => {
  const store = await openDuckDbStore(":memory:");
  try {
    const first = await store.loadRelease(releaseInput(release1, "c1", "2024-01-10T08:00:00Z"));
    const before = await store.query({ dataset: migrDataset.id });
    const relabelled = await store.loadRelease(releaseInput(release1, "c1", "2024-02-10T08:00:00Z", inThousands));
    assert.equal(relabelled.status, "loaded");
    assert.deepEqual(relabelled.metadataChanged, ["title_en", "unit"]);
    const r = relabelled.release;
    assert.deepEqual([r.id, r.checksum, r.observations, r.added, r.changed, r.removed], [2, "c1", release1.length, 0, 0, 0]);
    assert.deepEqual(await store.query({ dataset: migrDataset.id }), before, "no observation changed");
    assert.deepEqual(await store.diff(migrDataset.id, first.release.id, r.id), []);
    assert.equal((await store.getDataset(migrDataset.id, { release: first.release.id })).unit, "persons");
    assert.equal((await store.getDataset(migrDataset.id, { release: r.id })).unit, "thousand persons");
    const again = await store.loadRelease(releaseInput(release1, "c1", "2024-03-10T08:00:00Z", inThousands));
    assert.deepEqual([again.status, again.release.id, again.metadataChanged], ["unchanged", 2, []]);
  } finally {
    await store.close();
  }
});

test("openDuckDbStore(path) migrates a version 1 file: each existing release records the dataset's labels", async () => {
  const path = join(dir, "v1.duckdb");
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  await conn.run(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)`);
  for (const statement of migrations[0] ?? []) await conn.run(statement);
  await conn.run(`INSERT INTO schema_migrations VALUES (1, now()::TIMESTAMP)`);
  await conn.run(`INSERT INTO datasets VALUES ('test:migr', 'test', 'migr', ['sex', 'geo'], 'Immigratie', 'Immigration', 'Immigration', 'persons', 'A', 'CC-BY-4.0')`);
  for (const id of [1, 2]) {
    await conn.run(`INSERT INTO releases VALUES (${id}, 'test:migr', TIMESTAMP '2024-0${id}-10 08:00:00', NULL, 'c${id}', 'file:///x', 'tsv', 0, 0, 0, 0)`);
  }
  conn.closeSync();
  instance.closeSync();
  const store = await openDuckDbStore(path);
  try {
    for (const id of [1, 2]) {
      const dataset = await store.getDataset(migrDataset.id, { release: id as ReleaseId });
      assert.deepEqual([dataset.unit, dataset.title.fr, dataset.licence], ["persons", "Immigration", "CC-BY-4.0"], `release ${id}`);
    }
  } finally {
    await store.close();
  }
});
