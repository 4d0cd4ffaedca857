import { InputError, InputLimitError } from "../../../core/index.ts";
import type { ParseInput } from "../../../core/index.ts";
import { readInputBytes } from "./inflate.ts";
import { formatByteCount, limitSettings, limitsOf } from "./limits.ts";

/** One line of text and its 1-based number in the input. */
export interface InputLine {
  readonly text: string;
  readonly line: number;
}

/** The lines of one chunk of input: their texts and the 1-based number of the first. */
export interface LineBlock {
  readonly texts: string[];
  readonly first: number;
}

/**
 * How the bytes of a line become text: `utf-8` refuses bytes that are not UTF-8; `utf-8-or-windows-1252` reads
 * a line that is not valid UTF-8 as Windows-1252 (older Eurostat and Statbel exports; a line of Windows-1252
 * accented letters is never valid UTF-8).
 */
export type LineEncoding = "utf-8" | "utf-8-or-windows-1252";

const newline = 0x0a;

/**
 * The lines of a text input (gzip undone) in blocks, one block per chunk that ends a line, without line endings
 * (`\n` or `\r\n`) and without a leading byte-order mark. Linear in the input: bytes of a line cut by chunk
 * boundaries are kept as a list and joined once when the line ends, and each byte is decoded once. Memory holds
 * one chunk's lines. Throws InputLimitError naming the file and line as soon as a line passes
 * `limits.maxLineBytes` (before the rest of it is read), InputError naming the line for bytes that are not
 * UTF-8 (in `utf-8`), and what readInputBytes throws.
 */
export async function* readLineBlocks(input: ParseInput, encoding: LineEncoding = "utf-8"): AsyncGenerator<LineBlock> {
  const source = input.name;
  const maxLineBytes = limitsOf(input).maxLineBytes;
  const tooLong = (line: number) => new InputLimitError(source, line,
    `line ${line} of ${source} is longer than ${formatByteCount(maxLineBytes)}; set ${limitSettings.maxLineBytes} to raise the limit`,
    limitSettings.maxLineBytes);
  const decode = blockDecoder(encoding, source);
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let done = 0;
  let atStart = true;
  const emit = (bytes: Uint8Array): LineBlock => {
    let body = bytes;
    if (atStart && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
    atStart = false;
    if (body.byteLength > maxLineBytes) {
      const long = firstLongLine(body, maxLineBytes);
      if (long >= 0) throw tooLong(done + 1 + long);
    }
    const block = { texts: decode(body, done + 1), first: done + 1 };
    done += block.texts.length;
    return block;
  };
  for await (const chunk of readInputBytes(input)) {
    const last = chunk.lastIndexOf(newline);
    if (last < 0) {
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      if (pendingBytes > maxLineBytes) throw tooLong(done + 1);
      continue;
    }
    const head = chunk.subarray(0, last);
    const bytes = pendingBytes === 0 ? head : joinBytes([...pending, head], pendingBytes + head.byteLength);
    // the tail is copied so that the (possibly large) chunk it came from is not kept alive by a short remnant
    const tail = chunk.slice(last + 1);
    pending = tail.byteLength > 0 ? [tail] : [];
    pendingBytes = tail.byteLength;
    yield emit(bytes);
  }
  if (pendingBytes > 0) yield emit(joinBytes(pending, pendingBytes));
}

/** The lines of a text input one at a time; see readLineBlocks. */
export async function* readLines(input: ParseInput, encoding: LineEncoding = "utf-8"): AsyncGenerator<InputLine> {
  for await (const { texts, first } of readLineBlocks(input, encoding)) {
    for (let i = 0; i < texts.length; i++) yield { text: texts[i] as string, line: first + i };
  }
}

/**
 * Takes the first line (the header) off a block stream and returns it with the blocks of the remaining lines.
 * Throws InputError (line 1) for an empty input.
 */
export async function splitHeader(blocks: AsyncGenerator<LineBlock>, source: string): Promise<{ header: InputLine; body: AsyncIterable<LineBlock> }> {
  for (;;) {
    const next = await blocks.next();
    if (next.done) throw new InputError(source, 1, "empty file: no header line");
    const { texts, first } = next.value;
    if (texts.length === 0) continue;
    const remaining: LineBlock = { texts: texts.slice(1), first: first + 1 };
    return {
      header: { text: texts[0] as string, line: first },
      body: (async function* () {
        yield remaining;
        yield* blocks;
      })(),
    };
  }
}

function joinBytes(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** The 0-based index of the first line of `bytes` longer than `max` bytes, or -1. */
function firstLongLine(bytes: Uint8Array, max: number): number {
  let start = 0;
  for (let index = 0; ; index++) {
    const end = bytes.indexOf(newline, start);
    const stop = end < 0 ? bytes.byteLength : end;
    if (stop - start > max) return index;
    if (end < 0) return -1;
    start = end + 1;
  }
}

/** Decodes a block of whole lines (no newline at its end) into line texts, CR dropped. */
function blockDecoder(encoding: LineEncoding, source: string): (bytes: Uint8Array, firstLine: number) => string[] {
  // ignoreBOM keeps a byte-order mark as text: only the input's first one is dropped (in readLineBlocks)
  const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const cp1252 = new TextDecoder("windows-1252");
  return (bytes, firstLine) => {
    let text: string | undefined;
    try {
      text = utf8.decode(bytes);
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      const texts = text.split("\n");
      for (let i = 0; i < texts.length; i++) texts[i] = withoutCarriageReturn(texts[i] as string);
      return texts;
    }
    // some line is not UTF-8: decode line by line to name it, or to read it as Windows-1252
    const texts: string[] = [];
    let start = 0;
    for (;;) {
      const end = bytes.indexOf(newline, start);
      const line = bytes.subarray(start, end < 0 ? bytes.byteLength : end);
      let decoded: string;
      try {
        decoded = utf8.decode(line);
      } catch {
        if (encoding === "utf-8") throw new InputError(source, firstLine + texts.length, "bytes that are not UTF-8");
        decoded = cp1252.decode(line);
      }
      texts.push(withoutCarriageReturn(decoded));
      if (end < 0) return texts;
      start = end + 1;
    }
  };
}

function withoutCarriageReturn(text: string): string {
  return text.length > 0 && text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text;
}

/** The lines of a block with their numbers, for loops that want both. */
export function* linesOf(block: LineBlock): Generator<InputLine> {
  for (let i = 0; i < block.texts.length; i++) yield { text: block.texts[i] as string, line: block.first + i };
}
