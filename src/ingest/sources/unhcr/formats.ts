import { UsageError } from "../../../core/index.ts";
import type { Parser } from "../../../core/index.ts";
import { firstLineOf } from "../international/headText.ts";
import {
  parseUnhcrAsylumApplications,
  parseUnhcrAsylumDecisions,
  parseUnhcrDemographics,
  parseUnhcrPopulationDownload,
  parseUnhcrPopulationTotals,
  parseUnhcrSolutions,
} from "./parse.ts";
import { parseUnhcrApiPopulation } from "./parseApi.ts";
import { parseUnhcrPopStatsMonthly } from "./parsePopStats.ts";

/** The UNHCR formats by name (for data/sources.yaml and `migmon ingest --format`). */
export const unhcrParsers: Readonly<Record<string, Parser>> = {
  "population-totals": parseUnhcrPopulationTotals,
  "population-download": parseUnhcrPopulationDownload,
  "population-api": parseUnhcrApiPopulation,
  "asylum-applications": parseUnhcrAsylumApplications,
  "asylum-decisions": parseUnhcrAsylumDecisions,
  solutions: parseUnhcrSolutions,
  demographics: parseUnhcrDemographics,
  "popstats-monthly": parseUnhcrPopStatsMonthly,
};

/**
 * The UNHCR format of a file from its first line: a JSON page is the API; the R package tables and the site
 * download are told apart by their columns; a headerless line of five fields ending in a month name and a count
 * is the PopStats export. Throws UsageError naming the formats when it cannot tell.
 */
export function detectUnhcrFormat(firstBytes: Uint8Array, fileName: string): string {
  const line = firstLineOf(firstBytes) ?? "";
  if (line.startsWith("{")) return "population-api";
  if (line.includes("Country of Asylum ISO")) return "population-download";
  if (line.includes("NumberApplications")) return "asylum-applications";
  if (line.includes("TotalDecided")) return "asylum-decisions";
  if (line.includes("Female04")) return "demographics";
  if (/"?RST"?,"?NAT"?,"?RET"?,"?RDP"?/.test(line)) return "solutions";
  if (/"?REF"?,"?ASY"?,"?OIP"?,"?IDP"?/.test(line)) return "population-totals";
  if (/,\d{4},(January|February|March|April|May|June|July|August|September|October|November|December),(\d+|\*)$/.test(line)) return "popstats-monthly";
  throw new UsageError(`cannot tell the UNHCR format of ${fileName} from its content; name it with --format (${Object.keys(unhcrParsers).join(", ")})`);
}
