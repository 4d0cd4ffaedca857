import { pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { InputError, MigmonError } from "../../../core/index.ts";
import type { ParseInput } from "../../../core/index.ts";

/** One line of a text input, without its line break, with its 1-based line number. */
export interface TextLine {
  readonly text: string;
  readonly line: number;
}

const gzipMagic = [0x1f, 0x8b] as const;

/**
 * Reads an input as UTF-8 text lines, streaming: gunzips it first when the bytes start with 1f 8b, drops a
 * byte-order mark, accepts LF and CRLF. Throws InputError naming the input when the bytes are not valid UTF-8
 * or the gzip stream is corrupt; errors of the input's own stream (e.g. a DownloadError) pass through.
 */
export async function* readLines(input: ParseInput): AsyncGenerator<TextLine> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let pending = "";
  let line = 0;
  let first = true;
  try {
    for await (const chunk of decompressed(input.chunks)) {
      pending += decoder.decode(chunk, { stream: true });
      if (first && pending.length > 0) {
        if (pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
        first = false;
      }
      let start = 0;
      for (let nl = pending.indexOf("\n", start); nl >= 0; nl = pending.indexOf("\n", start)) {
        line += 1;
        yield { text: stripCarriageReturn(pending.slice(start, nl)), line };
        start = nl + 1;
      }
      pending = pending.slice(start);
    }
    pending += decoder.decode();
  } catch (error) {
    // a failed download (or any project error) while reading passes through unchanged
    if (error instanceof MigmonError) throw error;
    const problem = error instanceof TypeError ? "bytes that are not UTF-8" : `unreadable compressed data (${String(error)})`;
    throw new InputError(input.name, line + 1, problem);
  }
  if (first && pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
  if (pending.length > 0) yield { text: stripCarriageReturn(pending), line: line + 1 };
}

function stripCarriageReturn(text: string): string {
  return text.endsWith("\r") ? text.slice(0, -1) : text;
}

/** The input's bytes, gunzipped when they start with the gzip magic number, passed through otherwise. */
async function* decompressed(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  let head = await iterator.next();
  while (!head.done && head.value.byteLength === 0) head = await iterator.next();
  if (head.done) return;
  const firstChunk = head.value;
  const rest: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => iterator,
  };
  async function* all(): AsyncGenerator<Uint8Array> {
    yield firstChunk;
    yield* rest;
  }
  const isGzip = firstChunk[0] === gzipMagic[0] && (firstChunk.byteLength < 2 || firstChunk[1] === gzipMagic[1]);
  if (!isGzip) {
    yield* all();
    return;
  }
  const gunzip = createGunzip();
  // pipeline (not pipe) so that an error of the source stream reaches the reader through the gunzip stream
  pipeline(Readable.from(all(), { objectMode: false }), gunzip, () => {});
  for await (const part of gunzip as AsyncIterable<Uint8Array>) yield part;
}
