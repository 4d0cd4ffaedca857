import { writeFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../../core/index.ts";
import { exportLocale } from "../../i18n/exportLocale.ts";
import { exportFormatOf, exportResult } from "../../indicators/export/index.ts";
import type { IndicatorResult } from "../../indicators/result.ts";
import type { CliContext } from "../context.ts";
import type { Language } from "../options.ts";
import { writeRows } from "../output.ts";
import type { Row } from "../output.ts";

/** The `--format` values of `migmon indicator` and `migmon compare`. */
export const indicatorFormats = ["table", "csv", "xlsx", "json", "jsonstat", "sdmx-csv", "parquet"] as const;

/** An indicator result as rows: area, period, breakdown codes, value, flags, interval bounds and notes. */
export function resultRows(result: IndicatorResult): { columns: string[]; rows: Row[] } {
  const hasInterval = result.values.some((v) => v.lower !== undefined);
  const columns = ["geo", "period", ...result.breakdownDimensions, "value", "flags", ...(hasInterval ? ["lower", "upper"] : []), "notes"];
  const rows = result.values.map((v) => {
    const row: Record<string, string | number | null> = { geo: v.geo, period: v.period };
    for (const d of result.breakdownDimensions) row[d] = v.breakdown?.[d] ?? null;
    row.value = v.value;
    row.flags = v.flags;
    if (hasInterval) {
      row.lower = v.lower ?? null;
      row.upper = v.upper ?? null;
    }
    row.notes = (v.notes ?? []).join("; ");
    return row;
  });
  return { columns, rows };
}

/**
 * Writes a result: table, csv and json to stdout (or `out`) through the CLI's own output; xlsx, jsonstat,
 * sdmx-csv and parquet (and csv with `--out`, with flags, notes and citation) through the exports. Binary formats
 * need `--out`. Throws UsageError for an unknown format.
 */
export async function writeResult(context: CliContext, result: IndicatorResult, format: string | undefined, lang: Language, out: string | undefined): Promise<void> {
  const chosen = format ?? (out ? "csv" : context.stdout.isTTY ? "table" : "csv");
  if (!(indicatorFormats as readonly string[]).includes(chosen)) {
    throw new UsageError(`--format must be one of ${indicatorFormats.join(", ")}, not ${JSON.stringify(chosen)}`);
  }
  if (chosen === "table" || chosen === "json" || (chosen === "csv" && !out)) {
    const { columns, rows } = resultRows(result);
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
