import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { CorruptInputError, InputLimitError, type InputLimits } from "../../../core/index.ts";
import { readInputBytes } from "./inflate.ts";
import { defaultInputLimits } from "./limits.ts";

async function readAll(chunks: AsyncIterable<Uint8Array>, limits?: InputLimits): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const part of readInputBytes({ name: "in.gz", chunks, ...(limits ? { limits } : {}) })) parts.push(part);
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
    assert.equal(await readAll(pieces(Buffer.from("\x1f"), 1)), "\x1f");
    assert.equal(await readAll(pieces(new Uint8Array(0), 1)), "");
  });

  it("readInputBytes(truncated or corrupt gzip) throws CorruptInputError '<file>: not a valid gzip stream (<zlib reason>)'", async () => {
    const gz = gzipSync(text);
    const corrupt = Uint8Array.from(gz);
    corrupt[12] = (corrupt[12] as number) ^ 0xff;
    for (const bytes of [gz.subarray(0, gz.length - 20), corrupt, new Uint8Array([0x1f, 0x8b, 0, 1, 2, 3])]) {
      await assert.rejects(readAll(pieces(bytes, 64)), (error: unknown) => {
        assert.ok(error instanceof CorruptInputError, String(error));
        assert.match(error.message, /^in\.gz: not a valid gzip stream \([^\n]+\)$/);
        return true;
      });
    }
  });

  it("readInputBytes(gzip bomb) stops at limits.maxInflatedBytes with InputLimitError naming the file and the setting", async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x41));
    const limits = { ...defaultInputLimits, maxInflatedBytes: 1024 * 1024 };
    const started = performance.now();
    await assert.rejects(readAll(pieces(bomb, 4096), limits), (error: unknown) => {
      assert.ok(error instanceof InputLimitError);
      assert.equal(error.message, "in.gz inflates to more than 1 MiB; set MIGMON_MAX_INFLATED_BYTES to raise the limit");
      return true;
    });
    assert.ok(performance.now() - started < 2000, "the bomb is not inflated to its end");
  });

  it("readInputBytes(gzip source that fails midway) rejects with the source's error instead of waiting", async () => {
    const gz = gzipSync(text);
    await assert.rejects(readAll(pieces(gz, 16, 32)), (error: unknown) => {
      assert.ok(!(error instanceof CorruptInputError));
      assert.match((error as Error).message, /disk gone/);
      return true;
    });
  });
});
