import { InputError } from "../../../core/index.ts";

/**
 * Splits one line of comma-separated values (RFC 4180 quoting: `"a, b"`, `""` for a quote inside quotes) into
 * its fields. Statbel's CSV exports put no line break inside a field, so a line is a record. Throws InputError
 * naming the line for an unclosed quote.
 */
export function splitCsvLine(text: string, source: string, line: number): string[] {
  if (!text.includes('"')) return text.split(",");
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new InputError(source, line, "unclosed quote");
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      out.push(value);
      if (i >= text.length) return out;
      if (text[i] !== ",") throw new InputError(source, line, `text after a closing quote at column ${i + 1}`);
      i++;
    } else {
      const comma = text.indexOf(",", i);
      if (comma < 0) {
        out.push(text.slice(i));
        return out;
      }
      out.push(text.slice(i, comma));
      i = comma + 1;
    }
  }
}
