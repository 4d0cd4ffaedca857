import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { describe, it } from "node:test";
import fc from "fast-check";
import { splitCsvLine } from "../../../../src/ingest/sources/international/csvRecords.ts";
import { readLines } from "../../../../src/ingest/sources/input/lines.ts";

/** Writes fields as one CSV line, quoting every field that needs it (RFC 4180). */
function writeCsvLine(fields: readonly string[]): string {
  return fields.map((f) => (/[",]/.test(f) || f === "" ? `"${f.replace(/"/g, '""')}"` : f)).join(",");
}

/** Cuts bytes into chunks at the given (sorted, deduplicated) positions. */
function cut(bytes: Uint8Array, at: readonly number[]): Uint8Array[] {
  const points = [...new Set(at.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const p of points) {
    chunks.push(bytes.subarray(start, p));
    start = p;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

async function linesOf(chunks: Uint8Array[]): Promise<string[]> {
  const out: string[] = [];
  for await (const l of readLines({ name: "p", chunks: (async function* () { yield* chunks; })() })) out.push(l.text);
  return out;
}

const fieldText = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', " ", "\u00e9", "1", ".") });
const lineText = fc.string({ unit: fc.constantFrom("a", ",", '"', "\u00e9", "\u20ac", "1", " ") });

describe("line and CSV reading, by property (fast-check)", () => {
  it("splitCsvLine(writeCsvLine(fields)) gives the fields back for any text without line breaks", () => {
    fc.assert(fc.property(fc.array(fieldText, { minLength: 1, maxLength: 8 }), (fields) => {
      assert.deepEqual(splitCsvLine(writeCsvLine(fields)), fields);
    }));
  });

  it("readLines(input) gives the same lines however the bytes are cut into chunks, plain or gzipped", async () => {
    await fc.assert(fc.asyncProperty(fc.array(lineText, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), async (lines, at, gzip) => {
      const text = `${lines.join("\r\n")}\n`;
      const plain = new TextEncoder().encode(text);
      const bytes = gzip ? new Uint8Array(gzipSync(plain)) : plain;
      assert.deepEqual(await linesOf(cut(bytes, at)), lines);
    }), { numRuns: 200 });
  });
});
