// Mutated and truncated real files pushed through the whole ingest (parse, code checks, store load): each attempt
// either loads a complete new release or fails with a MigmonError and leaves the store exactly as it was.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { MigmonError, makeDatasetId } from "../../src/core/index.ts";
import { findEntry, loadCatalogue } from "../../src/ingest/catalogue.ts";
import type { CatalogueEntry } from "../../src/ingest/catalogue.ts";
import { ingestFile } from "../../src/ingest/pipeline.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";
import type { Store } from "../../src/store/store.ts";
import { sharedData } from "../shared-data.ts";
import { runCli } from "../cli/run-cli.ts";
import { fuzzLimits, fuzzSizes } from "../fuzz/fuzz-case.ts";
import { mutate as mutateBytes, seededRandom, type MutationKind } from "../fuzz/mutations.ts";

const cases = [
  { dataset: "demo_r_gind3", file: "eurostat/bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv" },
  { dataset: "migr_asyappctza", file: "eurostat/sdmx-csv/asylum_applicants_total.csv" },
  { dataset: "demo_pjan", file: "eurostat/legacy-csv/demo_pjan_totals_2007-2016.csv" },
];
const mutationsPerFile = 40;

function makeRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

/** One mutation of the text: truncate, flip a byte, drop or duplicate a line, or blank a field. */
function mutate(text: string, random: () => number): string {
  const lines = text.split("\n");
  const pick = (n: number) => Math.floor(random() * n);
  switch (pick(5)) {
    case 0: return text.slice(0, pick(text.length));
    case 1: {
      const i = pick(text.length);
      return text.slice(0, i) + String.fromCharCode(32 + pick(95)) + text.slice(i + 1);
    }
    case 2: lines.splice(1 + pick(lines.length - 1), 1); return lines.join("\n");
    case 3: { const i = 1 + pick(lines.length - 2); lines.splice(i, 0, lines[i] ?? ""); return lines.join("\n"); }
    default: {
      const i = 1 + pick(lines.length - 2);
      lines[i] = (lines[i] ?? "").replace(/[0-9]+/, "x");
      return lines.join("\n");
    }
  }
}

async function fingerprint(store: Store, entry: CatalogueEntry): Promise<string> {
  const id = makeDatasetId(entry.publisher, entry.code);
  const releases = await store.listReleases(id);
  const rows = await store.query({ dataset: id });
  const sum = rows.reduce((s, o) => s + (o.value ?? 0), 0);
  const flagged = rows.filter((o) => o.flags !== "").length;
  return `${releases.length}|${rows.length}|${sum}|${flagged}`;
}

describe("ingest of mutated real files", () => {
  let dir: string;
  let store: Store;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-fuzz-"));
    store = await openDuckDbStore(path.join(dir, "store.duckdb"));
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [index, c] of cases.entries()) {
    it(`ingestFile(mutated ${path.basename(c.file)}) loads a whole release or fails cleanly leaving the store as it was`, async () => {
      const entry = findEntry(await loadCatalogue(), c.dataset);
      const original = readFileSync(sharedData(c.file), "utf8");
      const first = path.join(dir, `${c.dataset}-original`);
      writeFileSync(first, original);
      await ingestFile({ store, entry, file: first, format: entry.offline?.format });
      const random = makeRandom(20261126 + index);
      let loaded = 0;
      let refused = 0;
      for (let k = 0; k < mutationsPerFile; k++) {
        const file = path.join(dir, `${c.dataset}-${k}`);
        writeFileSync(file, mutate(original, random));
        const before = await fingerprint(store, entry);
        try {
          const result = await ingestFile({ store, entry, file, format: entry.offline?.format });
          const after = await fingerprint(store, entry);
          if (result.status === "unchanged") {
            assert.equal(after, before);
          } else {
            loaded++;
            const [releases, rows] = after.split("|").map(Number);
            assert.equal(releases, Number(before.split("|")[0]) + 1);
            assert.equal(rows, result.release.observations, "the new release holds exactly the file's observations");
          }
        } catch (error) {
          assert.ok(error instanceof MigmonError, `mutation ${k}: ${String(error)}`);
          assert.doesNotMatch(error.message, /\n/, "errors are one line");
          refused++;
          assert.equal(await fingerprint(store, entry), before, `mutation ${k} changed the store: ${error.message}`);
        }
      }
      assert.equal(loaded + refused, mutationsPerFile);
      assert.ok(refused > 0, "some mutations must be refused");
    });
  }
  it("ingestFile(gzip bombs, long lines, corrupt gzip, invalid UTF-8 of a real file) is refused naming the file, the store as it was", async () => {
    const entry = findEntry(await loadCatalogue(), "demo_r_gind3");
    const original = new Uint8Array(readFileSync(sharedData("eurostat/bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv")));
    const first = path.join(dir, "demo_r_gind3-limits-original");
    writeFileSync(first, original);
    await ingestFile({ store, entry, file: first, format: entry.offline?.format });
    const kinds: MutationKind[] = ["gzip-bomb", "long-line", "gzip-corrupt", "invalid-utf8"];
    const random = seededRandom(20261207);
    for (const kind of kinds) {
      for (let k = 0; k < 3; k++) {
        const name = `demo_r_gind3-${kind}-${k}.tsv`;
        const file = path.join(dir, name);
        writeFileSync(file, mutateBytes(original, kind, random, fuzzSizes));
        const before = await fingerprint(store, entry);
        await assert.rejects(ingestFile({ store, entry, file, format: entry.offline?.format, limits: fuzzLimits }), (error: unknown) => {
          assert.ok(error instanceof MigmonError, `${name}: ${String(error)}`);
          assert.doesNotMatch(error.message, /\n/, "errors are one line");
          assert.ok(error.message.includes(name), `${name}: the message names the file: ${error.message}`);
          return true;
        });
        assert.equal(await fingerprint(store, entry), before, `${name} changed the store`);
      }
    }
  });

  it("migmon ingest --file <corrupt gzip> exits 1 with one line on stderr naming the file and zlib's reason, no stack trace", async () => {
    const file = path.join(dir, "demo_r_gind3-corrupt.tsv.gz");
    const gz = Uint8Array.from(gzipSync(readFileSync(sharedData("eurostat/bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv"))));
    gz[20] = (gz[20] as number) ^ 0xff;
    writeFileSync(file, gz);
    const run = await runCli(["ingest", "demo_r_gind3", "--file", file, "--format", "tsv"], { MIGMON_DB: path.join(dir, "cli.duckdb") });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^migmon: demo_r_gind3-corrupt\.tsv\.gz: not a valid gzip stream \([^\n]+\)\n$/);
    // without --format the broken stream is named too, not blamed on an undetectable format
    const detected = await runCli(["ingest", "unhcr:solutions", "--file", file], { MIGMON_DB: path.join(dir, "cli.duckdb") });
    assert.equal(detected.code, 1);
    assert.match(detected.stderr, /^migmon: demo_r_gind3-corrupt\.tsv\.gz: not a valid gzip stream \([^\n]+\)\n$/);
  });
});
