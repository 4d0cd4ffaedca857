import type { HttpGet, LiveSource, ParseInput } from "../../../core/index.ts";
import { answerAsInput, getOk } from "../international/httpAnswers.ts";

/** The OECD Data Explorer's SDMX REST endpoint. */
export const oecdSdmxBase = "https://sdmx.oecd.org/public/rest/";

/** The International Migration Database dataflow, as agency,id,version. */
export const oecdMigrationFlow = "OECD.ELS.IMD,DSD_MIG@DF_MIG,1.0";

/**
 * The dimensions of DF_MIG in key order (the order of the code columns in the Data Explorer's SDMX-CSV, which
 * follows the data structure definition).
 */
export const oecdMigrationDimensions = ["REF_AREA", "CITIZENSHIP", "FREQ", "MEASURE", "SEX", "BIRTH_PLACE", "EDUCATION_LEV", "UNIT_MEASURE"] as const;

/** One DF_MIG dimension id. */
export type OecdMigrationDimension = (typeof oecdMigrationDimensions)[number];

/** What to download: codes per dimension (none = all), and the first and last period. */
export interface OecdMigrationQuery {
  readonly filter?: Partial<Record<OecdMigrationDimension, readonly string[]>>;
  readonly startPeriod?: string;
  readonly endPeriod?: string;
}

/**
 * The SDMX REST data URL of a DF_MIG query: the key joins the dimensions with `.`, several codes with `+`, an
 * empty position for all; SDMX-CSV with labels, one observation per row. `base` defaults to the OECD endpoint.
 */
export function oecdMigrationUrl(query: OecdMigrationQuery, base: string = oecdSdmxBase): string {
  const key = oecdMigrationDimensions.map((d) => (query.filter?.[d] ?? []).join("+")).join(".");
  const url = new URL(`data/${oecdMigrationFlow}/${/^\.*$/.test(key) ? "all" : key}`, base);
  if (query.startPeriod !== undefined) url.searchParams.set("startPeriod", query.startPeriod);
  if (query.endPeriod !== undefined) url.searchParams.set("endPeriod", query.endPeriod);
  url.searchParams.set("dimensionAtObservation", "AllDimensions");
  url.searchParams.set("format", "csvfilewithlabels");
  return url.toString();
}

/**
 * Downloads a DF_MIG query from the OECD Data Explorer as SDMX-CSV with labels (parse with parseOecdSdmxCsv).
 * The Data Explorer answers 404 `NoRecordsFound` for a query without data and 413/422 for one too large; every
 * error answer becomes a DownloadError naming the status, the URL and the OECD's message.
 */
export async function fetchOecdMigration(get: HttpGet, query: OecdMigrationQuery, base: string = oecdSdmxBase): Promise<ParseInput> {
  const url = oecdMigrationUrl(query, base);
  const response = await getOk(get, { url, accept: "application/vnd.sdmx.data+csv; version=2.0.0; labels=both" }, "OECD International Migration Database");
  return answerAsInput(response);
}

/**
 * The OECD's live download: DF_MIG (the International Migration Database) from the Data Explorer's SDMX API,
 * measure B11 (inflows of foreign population, the catalogue's dataset) for every country, citizenship and year.
 */
export const oecdLive: LiveSource = {
  base: oecdSdmxBase,
  unavailable: ({ code }) => code.toUpperCase() === "DF_MIG" ? null : `the OECD connector downloads DF_MIG only, not ${code}`,
  fetch: (http, request) => fetchOecdMigration(http, { filter: { MEASURE: ["B11"] } }, request.base),
};
