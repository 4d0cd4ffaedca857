import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { InputError } from "../../../core/index.ts";
import { readInputBytes } from "./input-bytes.ts";

async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const part of readInputBytes(chunks, "in.gz")) parts.push(part);
  return Buffer.concat(parts).toString("utf8");
}

async function* pieces(bytes: Uint8Array, size: number, failAfter = Infinity): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) {
    if (i >= failAfter) throw new Error("disk gone");
    yield bytes.subarray(i, i + size);
  }
}

describe("readInputBytes", () => {
  const text = "geo\\time\t2019 \n".repeat(2000);

  it("readInputBytes(gzip bytes in 1-byte and 100-byte chunks) inflates them; plain bytes pass unchanged", async () => {
    const gz = gzipSync(text);
    assert.equal(await readAll(pieces(gz, 1)), text);
    assert.equal(await readAll(pieces(gz, 100)), text);
    assert.equal(await readAll(pieces(Buffer.from(text), 7)), text);
    assert.equal(await readAll(pieces(new Uint8Array(0), 1)), "");
  });

  it("readInputBytes(truncated gzip) throws InputError naming the input", async () => {
    const gz = gzipSync(text);
    await assert.rejects(readAll(pieces(gz.subarray(0, gz.length - 20), 64)), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.match(error.message, /corrupt gzip data .* in in\.gz$/);
      return true;
    });
  });

  it("readInputBytes(gzip source that fails midway) rejects with the source's error instead of waiting", async () => {
    const gz = gzipSync(text);
    await assert.rejects(readAll(pieces(gz, 16, 32)), (error: unknown) => {
      assert.ok(!(error instanceof InputError));
      assert.match((error as Error).message, /disk gone/);
      return true;
    });
  });
});
