import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { describe, it } from "node:test";
import { CorruptInputError, DownloadError, InputError } from "../../../../src/core/index.ts";
import type { ParseInput } from "../../../../src/core/index.ts";
import { readCsvRecords, splitCsvLine } from "../../../../src/ingest/sources/international/csvRecords.ts";
import { readLines } from "../../../../src/ingest/sources/input/lines.ts";

function chunked(name: string, ...chunks: Uint8Array[]): ParseInput {
  return { name, chunks: (async function* () { yield* chunks; })() };
}

async function lines(input: ParseInput): Promise<Array<[number, string]>> {
  const out: Array<[number, string]> = [];
  for await (const l of readLines(input)) out.push([l.line, l.text]);
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("readLines", () => {
  it("readLines(input) splits LF and CRLF lines across chunk borders, drops a BOM, keeps a last line without break", async () => {
    const bytes = utf8("\ufeffa,b\r\nc,\u00e9\nlast");
    assert.deepEqual(await lines(chunked("t", bytes.slice(0, 3), bytes.slice(3, 9), bytes.slice(9))), [[1, "a,b"], [2, "c,\u00e9"], [3, "last"]]);
  });

  it("readLines(input) gunzips input that starts with 1f 8b, even when the magic number is split over chunks", async () => {
    const gz = gzipSync(utf8("x\ny\n"));
    assert.deepEqual(await lines(chunked("t.gz", gz.slice(0, 1), gz.slice(1))), [[1, "x"], [2, "y"]]);
  });

  it("readLines(input with invalid UTF-8 or corrupt gzip) throws InputError naming the input", async () => {
    await assert.rejects(lines(chunked("bad.csv", utf8("ok\n"), new Uint8Array([0xff, 0xfe, 0x0a]))), (e: unknown) => e instanceof InputError && e.message === "bytes that are not UTF-8 in bad.csv line 2");
    await assert.rejects(lines(chunked("bad.gz", new Uint8Array([0x1f, 0x8b, 0, 1, 2, 3]))), (e: unknown) => e instanceof CorruptInputError && /^bad\.gz: not a valid gzip stream \(.+\)$/.test(e.message));
  });

  it("readLines(input whose stream fails) passes the stream's DownloadError through, gzipped or not", async () => {
    const failing = (first: Uint8Array): ParseInput => ({
      name: "net",
      chunks: (async function* () {
        yield first;
        throw new DownloadError("page 2 failed");
      })(),
    });
    await assert.rejects(lines(failing(utf8("a\n"))), (e: unknown) => e instanceof DownloadError && e.message === "page 2 failed");
    await assert.rejects(lines(failing(gzipSync(utf8("a\n")).slice(0, 12))), (e: unknown) => e instanceof DownloadError && e.message === "page 2 failed");
  });
});

describe("CSV records", () => {
  it("splitCsvLine(text) handles quotes, doubled quotes, commas inside quotes and empty fields", () => {
    assert.deepEqual(splitCsvLine('a,"b,c","d ""e""",,'), ["a", "b,c", 'd "e"', "", ""]);
    assert.deepEqual(splitCsvLine(""), [""]);
    assert.equal(splitCsvLine('"open'), null);
    assert.equal(splitCsvLine('"a"b'), null);
  });

  it("readCsvRecords(input) requires every record to be as wide as the first and names the line otherwise", async () => {
    const input = chunked("w.csv", utf8('h1,h2\n1,2\n\n3\n'));
    const seen: number[] = [];
    await assert.rejects(async () => {
      for await (const r of readCsvRecords(input)) seen.push(r.line);
    }, (e: unknown) => e instanceof InputError && e.message === "expected 2 fields, found 1 in w.csv line 4");
    assert.deepEqual(seen, [1, 2]);
  });
});
