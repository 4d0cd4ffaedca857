import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { InputError, UsageError } from "../../src/core/index.ts";
import { optionalRefnis, restoreRefnis } from "../../src/ingest/sources/statbel/codes.ts";
import { readStatbelLines } from "../../src/ingest/sources/statbel/lines.ts";
import { statbelFileKind } from "../../src/ingest/sources/statbel/parse.ts";

async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.byteLength; i += size) yield bytes.subarray(i, i + size);
}

async function linesOf(bytes: Uint8Array, size: number): Promise<string[]> {
  const out: string[] = [];
  for await (const block of readStatbelLines(pieces(bytes, size), "t.txt")) for (const l of block) out.push(`${l.line}:${l.text}`);
  return out;
}

test("readStatbelLines(chunks) joins lines across chunk boundaries, drops the BOM and CR, and undoes gzip", async () => {
  const text = "\uFEFFa|b\r\nLiège|2\r\nlast";
  const bytes = new TextEncoder().encode(text);
  for (const size of [1, 2, 3, 7, 1000]) {
    assert.deepEqual(await linesOf(bytes, size), ["1:a|b", "2:Liège|2", "3:last"], `chunks of ${size}`);
    assert.deepEqual(await linesOf(new Uint8Array(gzipSync(bytes)), size), ["1:a|b", "2:Liège|2", "3:last"], `gzip in chunks of ${size}`);
  }
});

test("readStatbelLines(chunks) reads a Windows-1252 line (older Statbel files) without losing the UTF-8 ones", async () => {
  // "Liège" in Windows-1252 is 4c 69 e8 67 65; the next line is UTF-8.
  const bytes = new Uint8Array([0x4c, 0x69, 0xe8, 0x67, 0x65, 0x0a, ...new TextEncoder().encode("Région\n")]);
  assert.deepEqual(await linesOf(bytes, 1000), ["1:Liège", "2:Région"]);
});

test("restoreRefnis(text) restores leading zeros, writes the kingdom BE and rejects other text", () => {
  assert.equal(restoreRefnis("2000", "f", 1), "02000");
  assert.equal(restoreRefnis(" 4000 ", "f", 1), "04000");
  assert.equal(restoreRefnis("11001", "f", 1), "11001");
  assert.equal(restoreRefnis("1000", "f", 1), "BE");
  assert.throws(() => restoreRefnis("BE2", "f.txt", 9), (e: unknown) => e instanceof InputError && e.message === 'not a REFNIS code: "BE2" in f.txt line 9');
  assert.equal(optionalRefnis("NA", "f", 1), null);
  assert.equal(optionalRefnis("", "f", 1), null);
});

test("statbelFileKind(name) recognises the files this connector reads and refuses others", () => {
  assert.equal(statbelFileKind("https://x/TF_SOC_POP_STRUCT_2015.zip"), "population-structure");
  assert.equal(statbelFileKind("census2011/TF_CENSUS_2011_HC27_L.csv.gz"), "census-hypercube");
  assert.equal(statbelFileKind("pop_by_municipality_nationality_sex_agegroup_2009-2015.csv.gz"), "municipal-population");
  assert.equal(statbelFileKind("bevolking_per_gemeente_2020.csv"), "municipal-totals");
  assert.throws(() => statbelFileKind("REFNIS_2019.csv"), UsageError);
});
