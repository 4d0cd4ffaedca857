import { writeFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../../core/index.ts";
import { exportLocale } from "../../i18n/exportLocale.ts";
import { exportFormatOf, exportResult } from "../../indicators/export/index.ts";
import { roundForDisplay } from "../../indicators/precision.ts";
import type { IndicatorResult } from "../../indicators/result.ts";
import type { CliContext } from "../context.ts";
import type { Language } from "../options.ts";
import { writeRows } from "../output.ts";
import type { Row } from "../output.ts";
import { indicatorFormats } from "./formats.ts";


/** How a table shows a result to a reader: area names beside the codes, figures rounded to the indicator's digits. */
export interface TableDisplay {
  readonly decimals: number;
  readonly nameOf: (code: string) => string | null;
}

/**
 * An indicator result as rows: area, period, breakdown codes, value, flags, interval bounds and notes. With a
 * display (tables for a reader) a `name` column follows the area code and the figures are rounded; without one
 * (CSV, JSON) every digit is kept.
 */
export function resultRows(result: IndicatorResult, display?: TableDisplay): { columns: string[]; rows: Row[] } {
  const hasInterval = result.values.some((v) => v.lower !== undefined);
  const shown = (x: number | null) => (display === undefined ? x : roundForDisplay(x, display.decimals));
  const columns = ["geo", ...(display ? ["name"] : []), "period", ...result.breakdownDimensions, "value", "flags", ...(hasInterval ? ["lower", "upper"] : []), "notes"];
  const rows = result.values.map((v) => {
    const row: Record<string, string | number | null> = { geo: v.geo };
    if (display) row.name = display.nameOf(v.geo) ?? "";
    row.period = v.period;
    for (const d of result.breakdownDimensions) row[d] = v.breakdown?.[d] ?? null;
    row.value = shown(v.value);
    row.flags = v.flags;
    if (hasInterval) {
      row.lower = shown(v.lower ?? null);
      row.upper = shown(v.upper ?? null);
    }
    row.notes = (v.notes ?? []).join("; ");
    return row;
  });
  return { columns, rows };
}

/**
 * Writes a result: table (with `display`: names and rounding), csv and json to stdout (or `out`) through the CLI's own output; xlsx, jsonstat,
 * sdmx-csv and parquet (and csv with `--out`, with flags, notes and citation) through the exports. Binary formats
 * need `--out`. Throws UsageError for an unknown format.
 */
export async function writeResult(context: CliContext, result: IndicatorResult, format: string | undefined, lang: Language, out: string | undefined, display?: TableDisplay): Promise<void> {
  const chosen = format ?? (out ? "csv" : context.stdout.isTTY ? "table" : "csv");
  if (!(indicatorFormats as readonly string[]).includes(chosen)) {
    throw new UsageError(`--format must be one of ${indicatorFormats.join(", ")}, not ${JSON.stringify(chosen)}`);
  }
  if (chosen === "table" || chosen === "json" || (chosen === "csv" && !out)) {
    const { columns, rows } = resultRows(result, chosen === "table" ? display : undefined);
    writeRows(context, columns, rows, chosen);
    return;
  }
  const spec = exportFormatOf(chosen);
  const bytes = await exportResult(result, spec.id, { locale: exportLocale(lang) });
  if (!out) {
    if (!spec.text) throw new UsageError(`--format ${chosen} writes a binary file: give --out FILE`);
    context.stdout.write(Buffer.from(bytes).toString("utf8"));
    return;
  }
  await writeFile(path.resolve(context.cwd, out), bytes);
  context.stderr.write(`wrote ${out} (${bytes.length} bytes)\n`);
}
