import { parquetWriteBuffer } from "hyparquet-writer";
import type { ColumnSource } from "hyparquet-writer";
import type { IndicatorResult } from "../result.ts";
import type { ExportOptions } from "./exportLocale.ts";
import { joinNotes, resultRows } from "./resultRows.ts";

/**
 * Writes a result as an Apache Parquet file (hyparquet-writer, pure JavaScript, snappy): one row per value with
 * typed columns `geo`, the breakdown dimensions, `period` (strings), `value`, `lower`, `upper` (nullable DOUBLE:
 * a missing figure is null), `flags` (string, empty when none) and `notes` (string, null when none). The file's
 * key-value metadata holds `migmon.citation` (the citation sentence in the chosen language), `migmon.lang`,
 * `migmon.indicator` (the indicator's id, titles, definition, unit, breaks and notes as JSON), `migmon.provenance`
 * (every dataset and release as JSON) and `migmon.as_of`. Throws MigmonError for an inconsistent result.
 */
export function exportParquet(result: IndicatorResult, options: ExportOptions): Uint8Array {
  const rows = resultRows(result);
  const columnData: ColumnSource[] = [
    { name: "geo", data: rows.map((r) => r.geo), type: "STRING", nullable: false },
    ...result.breakdownDimensions.map((d, i): ColumnSource => ({
      name: d, data: rows.map((r) => r.breakdown[i] as string), type: "STRING", nullable: false,
    })),
    { name: "period", data: rows.map((r) => r.period), type: "STRING", nullable: false },
    { name: "value", data: rows.map((r) => r.value), type: "DOUBLE" },
    { name: "flags", data: rows.map((r) => r.flags), type: "STRING", nullable: false },
    { name: "lower", data: rows.map((r) => r.lower), type: "DOUBLE" },
    { name: "upper", data: rows.map((r) => r.upper), type: "DOUBLE" },
    { name: "notes", data: rows.map((r) => (r.notes.length === 0 ? null : joinNotes(r.notes))), type: "STRING" },
  ];
  const buffer = parquetWriteBuffer({
    columnData,
    kvMetadata: [
      { key: "migmon.citation", value: options.locale.citation(result) },
      { key: "migmon.lang", value: options.locale.lang },
      { key: "migmon.indicator", value: JSON.stringify(result.indicator) },
      { key: "migmon.provenance", value: JSON.stringify(result.provenance) },
      { key: "migmon.as_of", value: result.asOf ?? "" },
    ],
    createdBy: "Migration Monitor (hyparquet-writer)",
  });
  return new Uint8Array(buffer);
}
