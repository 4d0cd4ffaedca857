import { InputError } from "../../../core/index.ts";
import { readInputBytes } from "./input-bytes.ts";

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
 * The lines of a UTF-8 text input (gzip undone) in blocks, one block per chunk read, without line endings
 * (`\n` or `\r\n`) and without a leading byte-order mark; a line cut by a chunk boundary is completed in the
 * next block. Only one chunk's lines are held in memory. Throws InputError naming `source` and the line for
 * bytes that are not UTF-8.
 */
export async function* readUtf8LineBlocks(chunks: AsyncIterable<Uint8Array>, source: string): AsyncGenerator<LineBlock> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let pending = "";
  let line = 0;
  const decode = (bytes: Uint8Array | undefined): string => {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch {
      throw new InputError(source, line + 1, "bytes that are not UTF-8");
    }
  };
  for await (const chunk of readInputBytes(chunks, source)) {
    const text = pending + decode(chunk);
    const texts: string[] = [];
    const first = line + 1;
    let start = 0;
    for (;;) {
      const end = text.indexOf("\n", start);
      if (end < 0) break;
      texts.push(stripCarriageReturn(text.slice(start, end)));
      start = end + 1;
    }
    line += texts.length;
    pending = start === 0 ? text : text.slice(start);
    if (texts.length > 0) yield { texts, first };
  }
  pending += decode(undefined);
  if (pending.length > 0) yield { texts: [stripCarriageReturn(pending)], first: line + 1 };
}

/** The lines of a UTF-8 text input one at a time; see readUtf8LineBlocks. */
export async function* readUtf8Lines(chunks: AsyncIterable<Uint8Array>, source: string): AsyncGenerator<InputLine> {
  for await (const { texts, first } of readUtf8LineBlocks(chunks, source)) {
    for (let i = 0; i < texts.length; i++) yield { text: texts[i] as string, line: first + i };
  }
}

function stripCarriageReturn(text: string): string {
  return text.length > 0 && text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text;
}

/**
 * The lines of a text input whose encoding is UTF-8 or, for older exports such as Eurostat's appsso CSV,
 * Windows-1252: each line is decoded as UTF-8 when it is valid UTF-8 and as Windows-1252 otherwise (a line of
 * Windows-1252 accented letters is never valid UTF-8). Same shape and memory behaviour as readUtf8Lines.
 */
export async function* readLegacyLines(chunks: AsyncIterable<Uint8Array>, source: string): AsyncGenerator<InputLine> {
  const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  const cp1252 = new TextDecoder("windows-1252");
  let pending: Uint8Array = new Uint8Array(0);
  let line = 0;
  const decodeLine = (bytes: Uint8Array): string => {
    let end = bytes.byteLength;
    if (end > 0 && bytes[end - 1] === 13) end--;
    const body = bytes.subarray(0, end);
    try {
      return utf8.decode(body);
    } catch {
      return cp1252.decode(body);
    }
  };
  for await (const chunk of readInputBytes(chunks, source)) {
    let bytes = chunk;
    if (pending.byteLength > 0) {
      bytes = new Uint8Array(pending.byteLength + chunk.byteLength);
      bytes.set(pending, 0);
      bytes.set(chunk, pending.byteLength);
    }
    let start = 0;
    for (;;) {
      const end = bytes.indexOf(10, start);
      if (end < 0) break;
      line++;
      yield { text: decodeLine(bytes.subarray(start, end)), line };
      start = end + 1;
    }
    pending = bytes.slice(start);
  }
  if (pending.byteLength > 0) yield { text: decodeLine(pending), line: line + 1 };
}
