import type { HttpGet, LiveSource, ParseInput } from "../../../core/index.ts";
import { answerAsInput, getOk } from "../international/httpAnswers.ts";
import { fetchJsonPages } from "../international/pagedJson.ts";

/** The UNHCR refugee-statistics API. */
export const unhcrApiBase = "https://api.unhcr.org/population/v1/";

/** A query of the population endpoint: years, countries of asylum and origin (ISO alpha-3), or all. */
export interface UnhcrPopulationQuery {
  readonly yearFrom: number;
  readonly yearTo: number;
  /** Countries of asylum; empty = not broken down by asylum country. */
  readonly asylum?: readonly string[];
  /** Countries of origin; empty = not broken down by origin (`-`). */
  readonly origin?: readonly string[];
  /** Break down by every asylum country / every origin (the API's coa_all / coo_all). */
  readonly allAsylum?: boolean;
  readonly allOrigins?: boolean;
  /** Items per page (the API's limit); 1000 by default. */
  readonly limit?: number;
}

/** The URL of one page of a population query, with ISO codes asked for (cf_type=ISO). */
export function unhcrPopulationUrl(query: UnhcrPopulationQuery, page: number, base: string = unhcrApiBase): string {
  const url = new URL("population/", base);
  url.searchParams.set("limit", String(query.limit ?? 1000));
  url.searchParams.set("page", String(page));
  url.searchParams.set("yearFrom", String(query.yearFrom));
  url.searchParams.set("yearTo", String(query.yearTo));
  if (query.asylum !== undefined && query.asylum.length > 0) url.searchParams.set("coa", query.asylum.join(","));
  if (query.origin !== undefined && query.origin.length > 0) url.searchParams.set("coo", query.origin.join(","));
  if (query.allAsylum === true) url.searchParams.set("coa_all", "true");
  if (query.allOrigins === true) url.searchParams.set("coo_all", "true");
  url.searchParams.set("cf_type", "ISO");
  return url.toString();
}

/**
 * Downloads every page of a population query (the answer's `maxPages`) as one input, one page per line (parse
 * with parseUnhcrApiPopulation). Throws DownloadError for an error status or an answer that is not a page.
 */
export async function fetchUnhcrPopulation(get: HttpGet, query: UnhcrPopulationQuery, base: string = unhcrApiBase): Promise<ParseInput> {
  return fetchJsonPages(get, {
    what: "UNHCR population statistics",
    pageUrl: (n) => unhcrPopulationUrl(query, n, base),
    pagesOf: (json) => {
      const maxPages = typeof json === "object" && json !== null ? (json as { maxPages?: unknown }).maxPages : undefined;
      return typeof maxPages === "number" ? maxPages : { error: "the answer has no maxPages: not a population page" };
    },
  });
}

/** The UNHCR tables read from a mirror laid out like ../shared/data (R package tables and site downloads). */
export const unhcrFiles = {
  populationTotals: "unhcr/unhcr_end_year_population_totals_1951-2022.csv.gz",
  asylumApplications: "unhcr/unhcr_asylum_applications_2000-2022.csv.gz",
  asylumDecisions: "unhcr/unhcr_asylum_decisions_2000-2022.csv.gz",
  solutions: "unhcr/unhcr_solutions_1959-2022.csv.gz",
  demographics: "unhcr/unhcr_demographics_2001-2021.csv.gz",
  refugeesInEurope: "unhcr/refugees_in_EU_plus_UK.csv",
  ukraineRefugees: "unhcr/ukraine_refugees_in_EU.csv",
  popStatsMonthly: "unhcr/unhcr_popstats_asylum_seekers_monthly_2012-2017_noheader.csv.gz",
} as const;

/** The name of one of the UNHCR tables above. */
export type UnhcrFile = keyof typeof unhcrFiles;

/** Downloads one UNHCR table from a mirror base URL; DownloadError naming status and URL on an error answer. */
export async function fetchUnhcrFile(get: HttpGet, base: string, file: UnhcrFile): Promise<ParseInput> {
  const url = new URL(unhcrFiles[file], base).toString();
  return answerAsInput(await getOk(get, { url, accept: "text/csv, application/gzip, */*" }, `UNHCR table ${file}`));
}

/** The first year of UNHCR's population statistics. */
const firstPopulationYear = 1951;

/**
 * UNHCR's live download: POPULATION from the refugee-statistics API, every country of asylum by every origin,
 * from 1951 to the current year. The API's other tables (asylum applications and decisions, solutions,
 * demographics) answer in layouts this connector has no recorded answer of, so no reader: they are not live.
 */
export const unhcrLive: LiveSource = {
  base: unhcrApiBase,
  unavailable: ({ code }) => code.toUpperCase() === "POPULATION"
    ? null
    : `no reader of UNHCR's API answer for ${code} (no recorded answer to build and test one against); load the offline table`,
  fetch: (http, request) => fetchUnhcrPopulation(http, {
    yearFrom: firstPopulationYear, yearTo: request.now.getUTCFullYear(), allAsylum: true, allOrigins: true,
  }, request.base),
};
