import { UsageError } from "../../core/index.ts";

/** One export format: its id (the `--format` value), file extension, media type and whether it is text. */
export interface ExportFormat {
  readonly id: "csv" | "xlsx" | "jsonstat" | "sdmx-csv" | "parquet";
  readonly extension: string;
  readonly mediaType: string;
  readonly text: boolean;
  readonly description: string;
}

export type ExportFormatId = ExportFormat["id"];

/** Every export format, for the CLI's `--format` choices and the API's content negotiation. */
export const exportFormats: readonly ExportFormat[] = [
  { id: "csv", extension: ".csv", mediaType: "text/csv; charset=utf-8", text: true,
    description: "CSV table with flags, notes and a source column" },
  { id: "xlsx", extension: ".xlsx", mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    text: false, description: "Excel workbook: data, definitions and citation sheets" },
  { id: "jsonstat", extension: ".json", mediaType: "application/json; charset=utf-8", text: true,
    description: "JSON-stat 2.0 dataset" },
  { id: "sdmx-csv", extension: ".csv", mediaType: "application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8", text: true,
    description: "SDMX-CSV 2.0 data message" },
  { id: "parquet", extension: ".parquet", mediaType: "application/vnd.apache.parquet", text: false,
    description: "Apache Parquet file, citation in the key-value metadata" },
];

/** The format with an id; throws UsageError naming the value and the choices. */
export function exportFormatOf(id: string): ExportFormat {
  const format = exportFormats.find((f) => f.id === id);
  if (format === undefined) {
    throw new UsageError(`unknown export format ${JSON.stringify(id)}: expected one of ${exportFormats.map((f) => f.id).join(", ")}`);
  }
  return format;
}
