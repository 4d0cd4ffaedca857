import type { ParsedTable, ParseInput } from "../../../core/index.ts";
import { parseWideTable } from "./wideTable.ts";
import type { WideTableSpec } from "./wideTable.ts";

const rPackage = { year: "Year", asylum: "CountryAsylumCode", origin: "CountryOriginCode" } as const;

/** End-year population by type (R package `end_year_population_totals`): geo.origin.poptype. */
export const populationTotalsSpec: WideTableSpec = {
  datasetCode: "POPULATION",
  ...rPackage,
  keys: [],
  measureDimensions: ["poptype"],
  measures: [["REF", ["REF"]], ["ASY", ["ASY"]], ["OIP", ["OIP"]], ["IDP", ["IDP"]], ["STA", ["STA"]], ["OOC", ["OOC"]], ["HCO", ["HST"]]],
};

/**
 * End-year population by type as the refugee-statistics site downloads it (`Year,"Country of Asylum",...,
 * "Country of Asylum ISO","Country of Origin ISO",Refugees,...`; origin `-` for all origins): the same dataset
 * and codes as the R package's table.
 */
export const populationDownloadSpec: WideTableSpec = {
  datasetCode: "POPULATION",
  year: "Year",
  asylum: "Country of Asylum ISO",
  origin: "Country of Origin ISO",
  keys: [],
  measureDimensions: ["poptype"],
  measures: [
    ["Refugees", ["REF"]],
    ["Returned Refugees", ["RET"]],
    ["Asylum Seekers", ["ASY"]],
    ["IDPs", ["IDP"]],
    ["Returned IDPs", ["RDP"]],
    ["Stateless", ["STA"]],
    ["HST", ["HST"]],
    ["OOC", ["OOC"]],
  ],
};

/** Asylum applications: geo.origin.procedure (G/U/J).apptype (UNHCR's code).unit (C cases, P persons). */
export const asylumApplicationsSpec: WideTableSpec = {
  datasetCode: "ASYLUM_APPLICATIONS",
  ...rPackage,
  keys: [["ProcedureType", "procedure"], ["ApplicationTypeCode", "apptype"], ["ApplicationDataType", "unit"]],
  measureDimensions: [],
  measures: [["NumberApplications", []]],
};

/** Asylum decisions: geo.origin.procedure.dectype.unit.outcome (REC, CPX, CLOSED, REJ, TOTAL). */
export const asylumDecisionsSpec: WideTableSpec = {
  datasetCode: "ASYLUM_DECISIONS",
  ...rPackage,
  keys: [["ProcedureType", "procedure"], ["DecisionTypeCode", "dectype"], ["DecisionDataType", "unit"]],
  measureDimensions: ["outcome"],
  measures: [["Recognized", ["REC"]], ["ComplementaryProtection", ["CPX"]], ["OtherwiseClosed", ["CLOSED"]], ["Rejected", ["REJ"]], ["TotalDecided", ["TOTAL"]]],
};

/** Durable solutions: geo.origin.solution (RST resettlement, NAT naturalisation, RET returns, RDP returned IDPs). */
export const solutionsSpec: WideTableSpec = {
  datasetCode: "SOLUTIONS",
  ...rPackage,
  keys: [],
  measureDimensions: ["solution"],
  measures: [["RST", ["RST"]], ["NAT", ["NAT"]], ["RET", ["RET"]], ["RDP", ["RDP"]]],
};

const ageBands = [["04", "Y0-4"], ["511", "Y5-11"], ["1217", "Y12-17"], ["1859", "Y18-59"], ["60ormore", "Y_GE60"]] as const;
const sexes = [["Female", "F"], ["Male", "M"]] as const;

/**
 * Demographics: geo.origin.poptype.sex.age, summed over location, urban/rural and accommodation type.
 * UNHCR writes 0 where no sex or age breakdown was reported; those cells are null (see MissingBreakdown).
 */
export const demographicsSpec: WideTableSpec = {
  datasetCode: "DEMOGRAPHICS",
  ...rPackage,
  keys: [["Population.type", "poptype"]],
  measureDimensions: ["sex", "age"],
  measures: [
    ...sexes.flatMap(([word, sex]) => [
      ...ageBands.map(([suffix, age]) => [`${word}${suffix}`, [sex, age]] as const),
      [`${word}Unknown`, [sex, "UNK"]] as const,
      [`${word}Total`, [sex, "TOTAL"]] as const,
    ]),
    ["Total", ["T", "TOTAL"]],
  ],
  missingBreakdowns: [
    {
      parts: ["FemaleTotal", "MaleTotal"],
      whole: "Total",
      unknown: sexes.flatMap(([word]) => [...ageBands.map(([s]) => `${word}${s}`), `${word}Unknown`, `${word}Total`]),
    },
    ...sexes.map(([word]) => ({ parts: ageBands.map(([s]) => `${word}${s}`), whole: `${word}Total`, unknown: ageBands.map(([s]) => `${word}${s}`) })),
  ],
};

/** Parses the R package's end-year population totals (see populationTotalsSpec); errors as parseWideTable. */
export async function parseUnhcrPopulationTotals(input: ParseInput): Promise<ParsedTable> {
  return parseWideTable(populationTotalsSpec, input);
}

/** Parses a refugee-statistics CSV download of population figures (see populationDownloadSpec). */
export async function parseUnhcrPopulationDownload(input: ParseInput): Promise<ParsedTable> {
  return parseWideTable(populationDownloadSpec, input);
}

/** Parses the R package's asylum applications (see asylumApplicationsSpec). */
export async function parseUnhcrAsylumApplications(input: ParseInput): Promise<ParsedTable> {
  return parseWideTable(asylumApplicationsSpec, input);
}

/** Parses the R package's asylum decisions (see asylumDecisionsSpec). */
export async function parseUnhcrAsylumDecisions(input: ParseInput): Promise<ParsedTable> {
  return parseWideTable(asylumDecisionsSpec, input);
}

/** Parses the R package's durable solutions (see solutionsSpec). */
export async function parseUnhcrSolutions(input: ParseInput): Promise<ParsedTable> {
  return parseWideTable(solutionsSpec, input);
}

/** Parses the R package's demographics (see demographicsSpec). */
export async function parseUnhcrDemographics(input: ParseInput): Promise<ParsedTable> {
  return parseWideTable(demographicsSpec, input);
}
