import { InputError } from "../../../core/index.ts";
import { splitCsvLine as splitFields } from "../international/csvRecords.ts";

/**
 * Splits one line of comma-separated values into its fields with the publishers' one line splitter
 * (international/csvRecords.ts: RFC 4180 quoting). Statbel's CSV exports put no line break inside a field, so a
 * line is a record. Throws InputError naming the line for an unclosed quote or text after a closing quote.
 */
export function splitCsvLine(text: string, source: string, line: number): string[] {
  if (!text.includes('"')) return text.split(",");
  const fields = splitFields(text);
  if (fields === null) throw new InputError(source, line, "unclosed quote or text after a closing quote");
  return fields;
}
