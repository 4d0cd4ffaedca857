import { Readable, pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import { CorruptInputError, InputLimitError } from "../../../core/index.ts";
import type { ParseInput } from "../../../core/index.ts";
import { formatByteCount, limitSettings, limitsOf } from "./limits.ts";

/**
 * The bytes of an input with gzip undone: when the first two bytes are 1f 8b the stream is inflated with
 * node:zlib (streaming, so memory stays flat), otherwise the chunks pass through. Empty chunks are skipped.
 * Throws CorruptInputError (`<file>: not a valid gzip stream (<zlib's reason>)`) for a corrupt or truncated
 * gzip stream and InputLimitError when it inflates past `limits.maxInflatedBytes` (a gzip bomb is stopped at
 * the limit, not inflated to the end); errors of the input's own stream (e.g. a DownloadError) pass through.
 */
export async function* readInputBytes(input: ParseInput): AsyncGenerator<Uint8Array> {
  const source = input.name;
  const iterator = input.chunks[Symbol.asyncIterator]();
  // The magic is two bytes and a stream may deliver one byte at a time: gather chunks until there are two.
  const head: Uint8Array[] = [];
  let headBytes = 0;
  while (headBytes < 2) {
    const step = await iterator.next();
    if (step.done) break;
    if (step.value.byteLength === 0) continue;
    head.push(step.value);
    headBytes += step.value.byteLength;
  }
  if (headBytes === 0) return;
  const first = head[0] as Uint8Array;
  const second = first.byteLength > 1 ? first[1] : head[1]?.[0];
  async function* all(): AsyncGenerator<Uint8Array> {
    yield* head;
    for (;;) {
      const step = await iterator.next();
      if (step.done) return;
      if (step.value.byteLength > 0) yield step.value;
    }
  }
  if (!(first[0] === 0x1f && second === 0x8b)) {
    yield* all();
    return;
  }
  const limit = limitsOf(input).maxInflatedBytes;
  const gunzip = createGunzip({ chunkSize: 64 * 1024 });
  // pipeline (not pipe) so that an error of the source stream reaches the inflater instead of leaving it waiting
  pipeline(Readable.from(all(), { objectMode: false }), gunzip, () => undefined);
  let inflated = 0;
  try {
    for await (const piece of gunzip as AsyncIterable<Uint8Array>) {
      inflated += piece.byteLength;
      if (inflated > limit) {
        throw new InputLimitError(source, undefined,
          `${source} inflates to more than ${formatByteCount(limit)}; set ${limitSettings.maxInflatedBytes} to raise the limit`,
          limitSettings.maxInflatedBytes);
      }
      yield piece;
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("Z_")) {
      throw new CorruptInputError(source, `not a valid gzip stream (${(error as Error).message})`);
    }
    throw error;
  } finally {
    gunzip.destroy();
  }
}
