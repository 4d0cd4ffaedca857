import { Readable, pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import { InputError } from "../../../core/index.ts";

/**
 * The bytes of an input with gzip undone: if the first two bytes are 1f 8b the stream is inflated with
 * node:zlib (streaming, so memory stays flat), otherwise the chunks pass through unchanged. Empty chunks are
 * skipped. Throws InputError naming `source` when the gzip stream is corrupt or truncated; errors of the
 * source stream itself pass through unchanged.
 */
export async function* readInputBytes(chunks: AsyncIterable<Uint8Array>, source: string): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  let first: Uint8Array | undefined;
  for (;;) {
    const step = await iterator.next();
    if (step.done) return;
    if (step.value.byteLength > 0) {
      first = step.value;
      break;
    }
  }
  const rest: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => iterator };
  if (!(first[0] === 0x1f && (first.byteLength < 2 || first[1] === 0x8b))) {
    yield first;
    yield* rest;
    return;
  }
  async function* all(): AsyncGenerator<Uint8Array> {
    yield first as Uint8Array;
    yield* rest;
  }
  const gunzip = createGunzip();
  // pipeline (not pipe) so that an error of the source stream reaches the inflater instead of leaving it waiting
  pipeline(Readable.from(all(), { objectMode: false }), gunzip, () => undefined);
  try {
    for await (const piece of gunzip) yield piece as Uint8Array;
  } catch (error) {
    gunzip.destroy();
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("Z_")) {
      throw new InputError(source, undefined, `corrupt gzip data (${(error as Error).message})`);
    }
    throw error;
  }
}
