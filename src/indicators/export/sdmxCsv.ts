import { stringify } from "csv-stringify/sync";
import { parsePeriodParts } from "../../core/index.ts";
import type { PeriodKind } from "../../core/index.ts";
import type { IndicatorResult } from "../result.ts";
import type { ExportOptions } from "./exportLocale.ts";
import { joinNotes, resultRows } from "./resultRows.ts";

/** SDMX frequency codes (CL_FREQ) of our period kinds. */
const frequencyCode: Readonly<Record<PeriodKind, string>> = { year: "A", half: "S", quarter: "Q", month: "M", week: "W", day: "D" };

/** The SDMX structure id under which a result is published: agency MIGMON, the indicator id made an SDMX id. */
export function sdmxStructureId(indicatorId: string): string {
  return `MIGMON:${indicatorId.replace(/[^A-Za-z0-9_@$-]/g, "_")}(1.0)`;
}

/**
 * Writes a result as an SDMX-CSV 2.0 data message (the sdmx-twg field guide; default `labels=id`,
 * `timeFormat=original`, comma separator, CRLF): `STRUCTURE,STRUCTURE_ID,ACTION,freq,geo,<breakdown
 * dimensions>,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS,` then the custom columns `LOWER_BOUND,UPPER_BOUND,
 * COMMENT_OBS,CITATION`. Each row is a `dataflow` of `MIGMON:<indicator>(1.0)` with action `I` (information).
 * Dimension ids are lower case and flags follow Eurostat's own SDMX-CSV: OBS_FLAG holds the flag letters
 * (`bep`) except confidentiality, which is CONF_STATUS `C`. A missing value is an empty OBS_VALUE. TIME_PERIOD is
 * our canonical period, which is SDMX's form (`2019`, `2019-Q1`, `2019-03`, `2019-S1`, `2019-W05`, `2019-01-01`).
 * Numbers are raw (dot decimal, every digit). Throws MigmonError for an inconsistent result.
 */
export function exportSdmxCsv(result: IndicatorResult, options: ExportOptions): string {
  const rows = resultRows(result);
  const structureId = sdmxStructureId(result.indicator.id);
  const citation = options.locale.citation(result);
  const figure = (x: number | null): string => (x === null ? "" : String(x));
  const header = [
    "STRUCTURE", "STRUCTURE_ID", "ACTION", "freq", "geo", ...result.breakdownDimensions, "TIME_PERIOD",
    "OBS_VALUE", "OBS_FLAG", "CONF_STATUS", "LOWER_BOUND", "UPPER_BOUND", "COMMENT_OBS", "CITATION",
  ];
  const records = rows.map((r) => [
    "dataflow", structureId, "I", frequencyCode[parsePeriodParts(r.period).kind], r.geo, ...r.breakdown, r.period,
    figure(r.value), r.flags.replace("c", ""), r.flags.includes("c") ? "C" : "", figure(r.lower), figure(r.upper),
    joinNotes(r.notes), citation,
  ]);
  return stringify([header, ...records], { record_delimiter: "windows" });
}
