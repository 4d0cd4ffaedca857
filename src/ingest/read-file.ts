import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { CorruptInputError } from "../core/index.ts";

const gzipMagic = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * The first bytes of a file as its content reads (gunzipped when the file is gzip), for format detection. Throws
 * CorruptInputError naming the file when its gzip stream is broken within those bytes (rather than leaving the
 * format undetectable, which would blame the format).
 */
export async function readHead(file: string, length = 64 * 1024): Promise<Uint8Array> {
  const handle = await open(file, "r");
  try {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    const head = buffer.subarray(0, bytesRead);
    if (!gzipMagic(head)) return head;
    // A partial gzip member cannot be finished: inflate what there is and keep the decoded prefix.
    try {
      return new Uint8Array(gunzipSync(head, { finishFlush: 2 /* Z_SYNC_FLUSH */ })).subarray(0, length);
    } catch (error) {
      throw new CorruptInputError(path.basename(file), `not a valid gzip stream (${(error as Error).message})`);
    }
  } finally {
    await handle.close();
  }
}

/**
 * The bytes of a file as a stream of chunks, as stored: gzip is undone by the parsers' one reader
 * (src/ingest/sources/input/inflate.ts), which bounds the inflated size and names the file when it is corrupt.
 */
export async function* readContent(file: string): AsyncIterable<Uint8Array> {
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) yield chunk as Uint8Array;
}
