import { constants, gunzipSync } from "node:zlib";
import { UsageError, type Parser } from "../../../core/index.ts";
import type { EurostatLabels } from "./codes.ts";
import { parseJsonStat } from "./parse-jsonstat.ts";
import { makeDerivedLongParser } from "./parse-derived-long.ts";
import { parseIomLong } from "./parse-iom-long.ts";
import { makeLegacyCsvParser } from "./parse-legacy-csv.ts";
import { makeSdmxCsvParser } from "./parse-sdmx-csv.ts";
import { parseSdmxMl } from "./parse-sdmx-ml.ts";
import { parseEurostatTsv } from "./parse-tsv.ts";

/** The Eurostat file formats this connector reads. */
export type EurostatFormat = "tsv" | "sdmx-csv" | "jsonstat" | "legacy-csv" | "sdmx-ml" | "derived-long" | "iom-long";

export const eurostatFormats: readonly EurostatFormat[] = ["tsv", "sdmx-csv", "jsonstat", "legacy-csv", "sdmx-ml", "derived-long", "iom-long"];

/**
 * Recognises the format of an Eurostat input from its first bytes (a few hundred are enough; gzip must be
 * undone by the caller, but gzip bytes are answered from the file name without `.gz`), looking at the content
 * first and at the extension only when the content says nothing: `<` -> sdmx-ml, `{` -> jsonstat, a first
 * cell with `\time`/`\TIME_PERIOD` and tabs -> tsv, `STRUCTURE,`/`DATAFLOW,` -> sdmx-csv, `"TIME"`/`TIME,` with
 * `Value` -> legacy-csv, `citizen,geo,year,` -> derived-long, `geo,t,nat,sex,n` -> iom-long (third-party long tables). Throws UsageError naming the file when nothing matches.
 */
export function detectEurostatFormat(firstBytes: Uint8Array, fileName: string): EurostatFormat {
  const plainName = fileName.replace(/\.gz$/i, "");
  const bytes = inflatePrefix(firstBytes);
  if (bytes !== undefined) {
    const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 4096))
      .replace(/^\uFEFF/, "").trimStart();
    const firstLine = head.split(/\r?\n/, 1)[0] ?? "";
    if (head.startsWith("<")) return "sdmx-ml";
    if (head.startsWith("{")) return "jsonstat";
    if (/^[^\t]*\\(time|TIME_PERIOD)\b/i.test(firstLine) && (firstLine.includes("\t") || !firstLine.includes(","))) return "tsv";
    if (/^"?(STRUCTURE|DATAFLOW)"?,/.test(firstLine)) return "sdmx-csv";
    if (/^"?TIME"?,/.test(firstLine) && /"?Value"?/.test(firstLine)) return "legacy-csv";
    if (/^(Country of citizenship|citizen),geo,year,/.test(firstLine)) return "derived-long";
    if (/^"?geo"?,"?t"?,"?nat"?,"?sex"?,"?n"?$/.test(firstLine)) return "iom-long";
  }
  if (/\.tsv$/i.test(plainName)) return "tsv";
  if (/\.json$/i.test(plainName)) return "jsonstat";
  if (/\.xml$/i.test(plainName)) return "sdmx-ml";
  throw new UsageError(`cannot tell the Eurostat format of ${fileName} from its content; name it with --format (${eurostatFormats.join(", ")})`);
}

/** The start of the text: the bytes, or for gzip as much as the given bytes inflate to (undefined if corrupt). */
function inflatePrefix(firstBytes: Uint8Array): Uint8Array | undefined {
  if (!(firstBytes[0] === 0x1f && firstBytes[1] === 0x8b)) return firstBytes;
  try {
    return gunzipSync(firstBytes, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    return undefined;
  }
}

/** The parser of each Eurostat format, with the label-variant parsers mapping labels through `labels`. */
export function makeEurostatParsers(labels: EurostatLabels): Readonly<Record<EurostatFormat, Parser>> {
  return {
    "tsv": parseEurostatTsv,
    "sdmx-csv": makeSdmxCsvParser(labels),
    "jsonstat": parseJsonStat,
    "legacy-csv": makeLegacyCsvParser(labels),
    "sdmx-ml": parseSdmxMl,
    "derived-long": makeDerivedLongParser(labels),
    "iom-long": parseIomLong,
  };
}

