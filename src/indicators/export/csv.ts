import { stringify } from "csv-stringify/sync";
import type { IndicatorResult } from "../result.ts";
import type { ExportOptions } from "./exportLocale.ts";
import { joinNotes, resultRows } from "./resultRows.ts";

/**
 * Writes a result as one tidy CSV table (RFC 4180, UTF-8, CRLF): `geo, <breakdown dimensions>, period, value,
 * flags, lower, upper, notes, source`, one row per value. A missing value is an empty field, never 0; `flags`
 * holds the canonical Eurostat codes (`bep`); `notes` joins a value's notes with "; ". The citation goes in the
 * last column, `source`, repeated on every row: a CSV has no place for a header comment that programs skip, a
 * second file gets separated from the first, and a constant column keeps the table self-describing for any
 * reader (DuckDB, R, pandas) at the cost of some bytes.
 *
 * Machine form (default): the column ids above, dot decimals with every digit, comma separator. Human form
 * (`human: true`, for a spreadsheet): headers in the chosen language, the language's decimal mark without
 * grouping (`1234,5` in nl-BE and fr-BE, so Excel in a Belgian locale reads numbers) and its list separator
 * (`;`), and a byte-order mark so Excel reads UTF-8. Throws MigmonError for an inconsistent result.
 */
export function exportCsv(result: IndicatorResult, options: ExportOptions): string {
  const { locale } = options;
  const human = options.human ?? false;
  const rows = resultRows(result);
  const citation = locale.citation(result);
  const figure = (x: number | null): string => (x === null ? "" : human ? locale.formatNumber(x) : String(x));
  const header = human
    ? [locale.text("column.geo"), ...result.breakdownDimensions, locale.text("column.period"), locale.text("column.value"),
        locale.text("column.flags"), locale.text("column.lower"), locale.text("column.upper"), locale.text("column.notes"),
        locale.text("column.source")]
    : ["geo", ...result.breakdownDimensions, "period", "value", "flags", "lower", "upper", "notes", "source"];
  const records = rows.map((r) => [
    r.geo, ...r.breakdown, r.period, figure(r.value), r.flags, figure(r.lower), figure(r.upper), joinNotes(r.notes), citation,
  ]);
  const text = stringify([header, ...records], {
    delimiter: human ? locale.listSeparator : ",",
    record_delimiter: "windows",
  });
  return human ? `\uFEFF${text}` : text;
}
