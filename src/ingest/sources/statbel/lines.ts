import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { InputError } from "../../../core/index.ts";

/** One line of a Statbel text file and its 1-based number. */
export interface StatbelLine {
  readonly text: string;
  readonly line: number;
}

async function* gunzipWhenGzip(chunks: AsyncIterable<Uint8Array>, source: string): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  // The gzip magic is two bytes: gather chunks until there are two (a stream may deliver one byte at a time).
  let head: Uint8Array = new Uint8Array(0);
  while (head.byteLength < 2) {
    const next = await iterator.next();
    if (next.done) break;
    const joined = new Uint8Array(head.byteLength + next.value.byteLength);
    joined.set(head, 0);
    joined.set(next.value, head.byteLength);
    head = joined;
  }
  if (head.byteLength === 0) return;
  async function* all(): AsyncGenerator<Uint8Array> {
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  if (!(head.byteLength >= 2 && head[0] === 0x1f && head[1] === 0x8b)) {
    yield* all();
    return;
  }
  try {
    for await (const chunk of Readable.from(all()).pipe(createGunzip())) yield chunk as Uint8Array;
  } catch (error) {
    throw new InputError(source, undefined, `broken gzip data (${(error as Error).message})`);
  }
}

/**
 * The lines of a Statbel text file, a block at a time (gzip undone, `\r\n` or `\n` endings, a leading byte-order
 * mark dropped). Statbel's open-data files are UTF-8 in recent years and Windows-1252 in older ones: a line that is
 * not valid UTF-8 is read as Windows-1252 (accented Windows-1252 text is never valid UTF-8). Memory holds one
 * input chunk's lines; blocks rather than single lines keep the per-line cost of async iteration away.
 */
export async function* readStatbelLines(chunks: AsyncIterable<Uint8Array>, source: string): AsyncGenerator<StatbelLine[]> {
  const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const cp1252 = new TextDecoder("windows-1252");
  let pending: Uint8Array = new Uint8Array(0);
  let line = 0;
  const stripCr = (t: string) => (t.length > 0 && t.charCodeAt(t.length - 1) === 13 ? t.slice(0, -1) : t);
  const decodeOne = (bytes: Uint8Array): string => {
    try {
      return stripCr(utf8.decode(bytes));
    } catch {
      return stripCr(cp1252.decode(bytes));
    }
  };
  const split = (bytes: Uint8Array): StatbelLine[] => {
    let body = bytes;
    if (line === 0 && body.byteLength >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
    const out: StatbelLine[] = [];
    let texts: string[];
    try {
      texts = utf8.decode(body).split("\n").map(stripCr);
    } catch {
      texts = [];
      let start = 0;
      for (;;) {
        const end = body.indexOf(10, start);
        texts.push(decodeOne(body.subarray(start, end < 0 ? body.byteLength : end)));
        if (end < 0) break;
        start = end + 1;
      }
    }
    for (const text of texts) out.push({ text, line: ++line });
    return out;
  };
  for await (const chunk of gunzipWhenGzip(chunks, source)) {
    let bytes = chunk;
    if (pending.byteLength > 0) {
      bytes = new Uint8Array(pending.byteLength + chunk.byteLength);
      bytes.set(pending, 0);
      bytes.set(chunk, pending.byteLength);
    }
    const last = bytes.lastIndexOf(10);
    if (last < 0) {
      pending = bytes.slice();
      continue;
    }
    yield split(bytes.subarray(0, last));
    pending = bytes.slice(last + 1);
  }
  if (pending.byteLength > 0) yield split(pending);
}

/**
 * Takes the first line (the header) off a block stream and returns it with the blocks of the remaining lines.
 * Throws InputError (line 1) for an empty input.
 */
export async function splitHeader(blocks: AsyncGenerator<StatbelLine[]>, source: string): Promise<{ header: string; body: AsyncIterable<StatbelLine[]> }> {
  let first: StatbelLine[] = [];
  for (;;) {
    const next = await blocks.next();
    if (next.done) throw new InputError(source, 1, "empty file: no header line");
    if (next.value.length > 0) {
      first = next.value;
      break;
    }
  }
  const remaining = first.slice(1);
  async function* body(): AsyncGenerator<StatbelLine[]> {
    yield remaining;
    yield* blocks;
  }
  return { header: first[0]!.text, body: body() };
}
