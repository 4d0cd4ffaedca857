import { InputError, excerpt } from "../../../core/index.ts";
import type { ParseInput } from "../../../core/index.ts";
import { readLines } from "../input/lines.ts";

/** One CSV record: its fields (quotes removed) and the line it is on. */
export interface CsvRecord {
  readonly fields: readonly string[];
  readonly line: number;
}

/**
 * Splits one CSV line into fields (RFC 4180 quoting: `"a,b"`, `""` for a quote inside quotes).
 * Returns null when a quoted field is not closed on the line; records never span lines in the
 * publishers' files read here.
 */
export function splitCsvLine(text: string, separator = ","): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = "";
      i += 1;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) return null;
        value += text.slice(i, close);
        if (text[close + 1] === '"') {
          value += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      fields.push(value);
      if (i >= text.length) return fields;
      if (text[i] !== separator) return null;
      i += 1;
    } else {
      const next = text.indexOf(separator, i);
      if (next < 0) {
        fields.push(text.slice(i));
        return fields;
      }
      fields.push(text.slice(i, next));
      i = next + 1;
    }
  }
}

/**
 * Reads a CSV input record by record (streaming, gzip allowed). Blank lines are skipped. Every record must have
 * as many fields as the first one (the header, or the first row of a file without header); otherwise, and for
 * a broken quote, throws InputError naming the input and the line.
 */
export async function* readCsvRecords(input: ParseInput): AsyncGenerator<CsvRecord> {
  let width = -1;
  for await (const { text, line } of readLines(input)) {
    if (text.trim() === "") continue;
    const fields = splitCsvLine(text);
    if (fields === null) throw new InputError(input.name, line, "unclosed quote or text after a closing quote");
    if (width < 0) width = fields.length;
    else if (fields.length !== width) {
      throw new InputError(input.name, line, `expected ${width} fields, found ${fields.length}`);
    }
    yield { fields, line };
  }
}

/**
 * The position of each named column in a header record. Throws InputError (line of the header) listing every
 * required column that is missing.
 */
export function findColumns<K extends string>(
  source: string,
  header: CsvRecord,
  required: readonly K[],
): Record<K, number> {
  const found = {} as Record<K, number>;
  const missing: string[] = [];
  for (const name of required) {
    const at = header.fields.indexOf(name);
    if (at < 0) missing.push(name);
    else found[name] = at;
  }
  if (missing.length > 0) {
    throw new InputError(source, header.line, `missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => excerpt(m)).join(", ")}`);
  }
  return found;
}
