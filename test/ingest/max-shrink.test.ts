// The catalogue's max_shrink (issue 17): validated by the catalogue schema, and carried by ingestFile to the store's
// shrink guard. The file is the real tsdde410 bulk TSV and a copy keeping its first 40 % of lines.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { makeDatasetId } from "../../src/core/index.ts";
import { defaultCataloguePath, findEntry, loadCatalogue, parseCatalogue } from "../../src/ingest/catalogue.ts";
import type { CatalogueEntry } from "../../src/ingest/catalogue.ts";
import { ingestFile } from "../../src/ingest/pipeline.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";
import { ShrinkRefusedError } from "../../src/store/shrink-guard.ts";
import type { Store } from "../../src/store/store.ts";
import { sharedData } from "../shared-data.ts";

const file = sharedData("eurostat/bulk-tsv/tsdde410.tsv");
const lines = readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "");
const cellsOf = (rows: readonly string[]) => rows.reduce((n, l) => n + l.split("\t").length - 1, 0);
const keptRows = lines.slice(1, 1 + Math.floor((lines.length - 1) * 0.4));
const removed = cellsOf(lines.slice(1)) - cellsOf(keptRows);

describe("max_shrink in data/sources.yaml", () => {
  it("parseCatalogue(text) accepts a max_shrink in (0, 1] and refuses 0 and 1.5 naming the entry and the field", () => {
    const text = readFileSync(defaultCataloguePath, "utf8");
    const withShrink = (value: string) => text.replace(/^(- id: eurostat:tsdde410\n)/m, `$1  max_shrink: ${value}\n`);
    assert.equal(findEntry(parseCatalogue(withShrink("0.9"), "t.yaml"), "tsdde410").max_shrink, 0.9);
    assert.throws(() => parseCatalogue(withShrink("0"), "t.yaml"), /^MigmonError: t\.yaml: sources\.\d+\.max_shrink \(eurostat:tsdde410\): max_shrink is a share above 0$/);
    assert.throws(() => parseCatalogue(withShrink("1.5"), "t.yaml"), /max_shrink \(eurostat:tsdde410\): max_shrink is a share of at most 1$/);
  });

  let dir: string;
  let store: Store;
  let entry: CatalogueEntry;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-max-shrink-"));
    store = await openDuckDbStore(path.join(dir, "store.duckdb"));
    entry = findEntry(await loadCatalogue(), "tsdde410");
    writeFileSync(path.join(dir, "first-40-percent.tsv"), `${[lines[0], ...keptRows].join("\n")}\n`);
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`ingestFile({entry}) refuses a file that keeps 40 % of the rows under the default, and loads it with max_shrink: 0.9 (${removed} removed)`, async () => {
    assert.equal(entry.max_shrink, undefined);
    await ingestFile({ store, entry, file, format: "tsv", retrievedAt: "2026-01-01T00:00:00Z" });
    const part = path.join(dir, "first-40-percent.tsv");
    await assert.rejects(ingestFile({ store, entry, file: part, format: "tsv", retrievedAt: "2026-02-01T00:00:00Z" }),
      (error: unknown) => error instanceof ShrinkRefusedError && error.facts.removed === removed && error.maxShrink === 0.5);
    assert.equal((await store.listReleases(makeDatasetId("eurostat", "tsdde410"))).length, 1);
    const loaded = await ingestFile({ store, entry: { ...entry, max_shrink: 0.9 }, file: part, format: "tsv", retrievedAt: "2026-02-01T00:00:00Z" });
    assert.deepEqual([loaded.status, loaded.release.removed, loaded.release.observations], ["loaded", removed, cellsOf(keptRows)]);
  });
});
