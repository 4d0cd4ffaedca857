import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createGunzip, gunzipSync } from "node:zlib";

const gzipMagic = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** The first bytes of a file as its content reads (gunzipped when the file is gzip), for format detection. */
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
    } catch {
      return new Uint8Array(0);
    }
  } finally {
    await handle.close();
  }
}

/** The content of a file as a stream of chunks, gunzipped on the fly when the file is gzip. */
export async function* readContent(file: string): AsyncIterable<Uint8Array> {
  const head = new Uint8Array(2);
  const handle = await open(file, "r");
  try {
    await handle.read(head, 0, 2, 0);
  } finally {
    await handle.close();
  }
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const stream = gzipMagic(head) ? raw.pipe(createGunzip()) : raw;
  for await (const chunk of stream) yield chunk as Uint8Array;
}
