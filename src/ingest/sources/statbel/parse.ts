import { UsageError } from "../../../core/index.ts";
import type { Parser } from "../../../core/index.ts";
import { parseCensusHypercube } from "./parse-census.ts";
import { parseMunicipalTotalsByName } from "./parse-municipal-totals.ts";
import { parseMunicipalPopulation } from "./parse-pop-municipality.ts";
import { parsePopulationStructure } from "./parse-pop-struct.ts";

export { parseCensusHypercube, census2011Period } from "./parse-census.ts";
export { municipalTotalsParser, parseMunicipalTotalsByName } from "./parse-municipal-totals.ts";
export { parseMunicipalPopulation } from "./parse-pop-municipality.ts";
export { parsePopulationStructure, populationStructureDimensions } from "./parse-pop-struct.ts";
export type { CodeEntry, CodeLists, StatbelTable } from "./code-lists.ts";

/** The kinds of Statbel file this connector reads, each with its parser. */
export const statbelParsers = {
  "population-structure": parsePopulationStructure,
  "census-hypercube": parseCensusHypercube,
  "municipal-population": parseMunicipalPopulation,
  "municipal-totals": parseMunicipalTotalsByName,
} as const satisfies Record<string, Parser>;

export type StatbelFileKind = keyof typeof statbelParsers;

const patterns: ReadonlyArray<[RegExp, StatbelFileKind]> = [
  [/TF_SOC_POP_STRUCT_\d{4}/i, "population-structure"],
  [/TF_CENSUS_2011_HC\d+_L/i, "census-hypercube"],
  [/pop_by_municipality_nationality_sex/i, "municipal-population"],
  [/bevolking_per_gemeente/i, "municipal-totals"],
];

/** The kind of a Statbel file from its name (or URL). Throws UsageError naming the file when it is none we read. */
export function statbelFileKind(name: string): StatbelFileKind {
  const base = name.split(/[\\/]/).at(-1) ?? name;
  for (const [re, kind] of patterns) if (re.test(base)) return kind;
  throw new UsageError(`not a Statbel file this connector reads: ${JSON.stringify(base)} (known: ${Object.keys(statbelParsers).join(", ")})`);
}
