import type { IndicatorResult } from "../result.ts";
import { exportCsv } from "./csv.ts";
import type { ExportOptions } from "./exportLocale.ts";
import type { ExportFormatId } from "./formats.ts";
import { exportJsonStat } from "./jsonStat.ts";
import { exportParquet } from "./parquet.ts";
import { exportSdmxCsv } from "./sdmxCsv.ts";
import { exportXlsx } from "./xlsx.ts";

/**
 * Writes a result in one export format as the bytes of a file (text formats as UTF-8). Each format's own
 * function says what it writes; `exportFormats` gives the extension and media type. Throws MigmonError for an
 * inconsistent result (a cell given twice, a breakdown code missing, a NaN figure).
 */
export async function exportResult(result: IndicatorResult, format: ExportFormatId, options: ExportOptions): Promise<Uint8Array> {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  switch (format) {
    case "csv": return utf8(exportCsv(result, options));
    case "xlsx": return exportXlsx(result, options);
    case "jsonstat": return utf8(exportJsonStat(result, options));
    case "sdmx-csv": return utf8(exportSdmxCsv(result, options));
    case "parquet": return exportParquet(result, options);
  }
}
