import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { InputError, InputLimitError, type ParseInput } from "../../../core/index.ts";
import { defaultInputLimits } from "./limits.ts";
import { readLineBlocks, readLines, splitHeader, type LineEncoding } from "./lines.ts";

async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.byteLength; i += size) yield bytes.subarray(i, i + size);
}

async function numbered(input: ParseInput, encoding?: LineEncoding): Promise<string[]> {
  const out: string[] = [];
  for await (const l of readLines(input, encoding)) out.push(`${l.line}:${l.text}`);
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const mebibyte = 1024 * 1024;

describe("readLines", () => {
  it("readLines(input) joins lines across chunk boundaries, drops the BOM and CR, and undoes gzip", async () => {
    const bytes = utf8("\uFEFFa|b\r\nLiège|2\r\n\r\nlast");
    for (const size of [1, 2, 3, 7, 1000]) {
      const expected = ["1:a|b", "2:Liège|2", "3:", "4:last"];
      assert.deepEqual(await numbered({ name: "t.txt", chunks: pieces(bytes, size) }), expected, `chunks of ${size}`);
      assert.deepEqual(await numbered({ name: "t.txt", chunks: pieces(gzipSync(bytes), size) }), expected, `gzip in chunks of ${size}`);
    }
  });

  it("readLines(input) keeps a byte-order mark that is not at the start of the input as text", async () => {
    assert.deepEqual(await numbered({ name: "t", chunks: pieces(utf8("a\n\uFEFFb\n"), 2) }), ["1:a", "2:\uFEFFb"]);
  });

  it("readLines(input, 'utf-8-or-windows-1252') reads a Windows-1252 line without losing the UTF-8 ones", async () => {
    // "Liège" in Windows-1252 is 4c 69 e8 67 65; the next line is UTF-8.
    const bytes = new Uint8Array([0x4c, 0x69, 0xe8, 0x67, 0x65, 0x0a, ...utf8("Région\n")]);
    assert.deepEqual(await numbered({ name: "t", chunks: pieces(bytes, 1000) }, "utf-8-or-windows-1252"), ["1:Liège", "2:Région"]);
  });

  it("readLines(input, 'utf-8') throws InputError naming the file and the line of bytes that are not UTF-8", async () => {
    const bytes = new Uint8Array([...utf8("ok\nok\n"), 0x4c, 0xe8, 0x0a, ...utf8("ok\n")]);
    await assert.rejects(numbered({ name: "bad.csv", chunks: pieces(bytes, 4) }),
      (e: unknown) => e instanceof InputError && e.message === "bytes that are not UTF-8 in bad.csv line 3");
  });

  it("readLines(input with a 64 MiB line) refuses it in under 2 s naming the file, the line and the setting", async () => {
    const chunk = new Uint8Array(mebibyte).fill(0x61);
    async function* longLine(): AsyncGenerator<Uint8Array> {
      yield utf8("h1\th2\n".repeat(11));
      for (let i = 0; i < 64; i++) yield chunk;
      yield utf8("\n");
    }
    const started = performance.now();
    await assert.rejects(numbered({ name: "tsdde410.tsv", chunks: longLine() }), (e: unknown) => {
      assert.ok(e instanceof InputLimitError);
      assert.equal(e.message, "line 12 of tsdde410.tsv is longer than 16 MiB; set MIGMON_MAX_LINE_BYTES to raise the limit");
      assert.equal(e.line, 12);
      return true;
    });
    assert.ok(performance.now() - started < 2000, `took ${Math.round(performance.now() - started)} ms`);
  });

  it("readLines(input with a long line inside one chunk) is refused too, with a raised limit it is read whole", async () => {
    const bytes = utf8(`a\n${"x".repeat(3000)}\nb\n`);
    const limits = { ...defaultInputLimits, maxLineBytes: 2048 };
    await assert.rejects(numbered({ name: "f", chunks: pieces(bytes, 1 << 20), limits }),
      (e: unknown) => e instanceof InputLimitError && e.message === "line 2 of f is longer than 2 KiB; set MIGMON_MAX_LINE_BYTES to raise the limit");
    const raised = { ...defaultInputLimits, maxLineBytes: 4096 };
    assert.deepEqual((await numbered({ name: "f", chunks: pieces(bytes, 100), limits: raised })).map((l) => l.length), [3, 3002, 3]);
  });

  it("readLines(input with a 12 MiB line in 64 KiB chunks) reads it in linear time (well under a second per 12 MiB)", async () => {
    const bytes = Buffer.concat([utf8("head\n"), new Uint8Array(12 * mebibyte).fill(0x62), utf8("\n")]);
    const started = performance.now();
    const lengths: number[] = [];
    for await (const l of readLines({ name: "big", chunks: pieces(bytes, 64 * 1024) })) lengths.push(l.text.length);
    assert.deepEqual(lengths, [4, 12 * mebibyte]);
    // the quadratic reader took 3.1 s for 16 MiB; a linear one takes tens of milliseconds
    assert.ok(performance.now() - started < 1500, `took ${Math.round(performance.now() - started)} ms`);
  });
});

describe("readLineBlocks and splitHeader", () => {
  it("splitHeader(readLineBlocks(input)) gives the first line and the remaining lines with their numbers", async () => {
    const { header, body } = await splitHeader(readLineBlocks({ name: "t", chunks: pieces(utf8("h\na\nb"), 3) }), "t");
    assert.deepEqual(header, { text: "h", line: 1 });
    const rest: string[] = [];
    for await (const block of body) block.texts.forEach((text, i) => rest.push(`${block.first + i}:${text}`));
    assert.deepEqual(rest, ["2:a", "3:b"]);
  });

  it("splitHeader(readLineBlocks(empty input)) throws InputError 'empty file: no header line'", async () => {
    await assert.rejects(splitHeader(readLineBlocks({ name: "e.txt", chunks: pieces(new Uint8Array(0), 1) }), "e.txt"),
      (e: unknown) => e instanceof InputError && e.message === "empty file: no header line in e.txt line 1");
  });
});
