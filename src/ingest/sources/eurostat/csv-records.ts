import { once } from "node:events";
import { parse, CsvError } from "csv-parse";
import { InputError, MigmonError } from "../../../core/index.ts";
import type { InputLine } from "../input/lines.ts";

/** One CSV record: its fields and the number of the line where it ends. */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

/**
 * The records of a CSV text given as lines, read with csv-parse's streaming parser (RFC 4180 quoting, quoted
 * newlines allowed, blank lines skipped, records of any width: the caller checks the width to name the line).
 * Throws InputError naming `source` and the line for broken quoting; errors of the line source pass through.
 */
export async function* readCsvRecords(lines: AsyncIterable<InputLine>, source: string): AsyncGenerator<CsvRecord> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  const feed = async (): Promise<void> => {
    try {
      for await (const { text } of lines) {
        if (!parser.write(`${text}\n`)) await once(parser, "drain");
      }
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  };
  void feed();
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { fields: item.record, line: item.info.lines };
    }
  } catch (error) {
    if (error instanceof MigmonError) throw error;
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new InputError(source, line, `bad CSV (${error.code}: ${error.message.replace(/\s+/g, " ")})`);
    }
    throw error;
  } finally {
    parser.destroy();
  }
}
