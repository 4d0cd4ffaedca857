import type { HttpGet, LiveSource, ParseInput } from "../../../core/index.ts";
import { answerAsInput, getOk } from "../international/httpAnswers.ts";
import { fetchJsonPages } from "../international/pagedJson.ts";
import { wdiTableIndicators } from "./codes.ts";
import { worldBankErrorPage, worldBankPageMeta } from "./parseApi.ts";

/** The World Bank API. */
export const worldBankApiBase = "https://api.worldbank.org/";

/** One indicator for some economies (ISO alpha-3 or alpha-2 codes; none = all) and years (one given = that year). */
export interface WorldBankQuery {
  readonly indicator: string;
  readonly economies: readonly string[];
  readonly firstYear?: number;
  readonly lastYear?: number;
  /** Rows per page (the API's per_page); 1000 by default. */
  readonly perPage?: number;
}

/** The API v2 URL of one page of a query: `v2/country/BEL;NLD/indicator/SL.UEM.TOTL.ZS?format=json&...`. */
export function worldBankPageUrl(query: WorldBankQuery, page: number, base: string = worldBankApiBase): string {
  const economies = query.economies.length === 0 ? "all" : query.economies.map(encodeURIComponent).join(";");
  const url = new URL(`v2/country/${economies}/indicator/${encodeURIComponent(query.indicator)}`, base);
  url.searchParams.set("format", "json");
  url.searchParams.set("per_page", String(query.perPage ?? 1000));
  url.searchParams.set("page", String(page));
  const first = query.firstYear ?? query.lastYear;
  const last = query.lastYear ?? query.firstYear;
  if (first !== undefined && last !== undefined) url.searchParams.set("date", `${first}:${last}`);
  return url.toString();
}

/**
 * Downloads every page of a World Bank API v2 indicator query as one input, one page per line (parse with
 * parseWorldBankApi). The API answers a bad indicator or economy with status 200 and a JSON message: that
 * becomes a DownloadError with the message, as does an error status, on any page.
 */
export async function fetchWorldBankIndicator(get: HttpGet, query: WorldBankQuery, base: string = worldBankApiBase): Promise<ParseInput> {
  return fetchJsonPages(get, {
    what: `World Bank indicator ${query.indicator}`,
    pageUrl: (n) => worldBankPageUrl(query, n, base),
    pagesOf: (json) => {
      const error = worldBankErrorPage.safeParse(json);
      if (error.success) return { error: `World Bank API error: ${error.data[0].message.map((m) => `${m.key}: ${m.value}`).join("; ")}` };
      const meta = Array.isArray(json) ? worldBankPageMeta.safeParse(json[0]) : null;
      if (meta === null || !meta.success) return { error: "not a World Bank API page" };
      return meta.data.pages;
    },
  });
}

/** The long WDI table (`geo,var,t,v`) by its path in a mirror laid out like ../shared/data. */
export const wdiTablePath = "international/iom_gdidata/worldbank_wdi_selected_indicators_1950-2023.csv.gz";

/** Downloads the long WDI table from a mirror base URL (parse with parseWdiTable); DownloadError on an error answer. */
export async function fetchWdiTable(get: HttpGet, base: string): Promise<ParseInput> {
  const url = new URL(wdiTablePath, base).toString();
  return answerAsInput(await getOk(get, { url, accept: "text/csv, application/gzip, */*" }, "World Bank WDI table"));
}

/**
 * The WDI series of the catalogue's dataset that the API serves: those of the long table (codes.ts) but the UN WPP
 * population and the governance estimate, which are not WDI series and come only with the offline table.
 */
export const wdiApiIndicators: readonly string[] = [...wdiTableIndicators.values()].filter((id) => !/^(UN|WGI)\./.test(id));

/**
 * The World Bank's live download: the WDI series above for every economy (`all`: the aggregates we do not keep are
 * skipped by the reader, see codes.ts), each indicator's pages one after the other in one input (parse with
 * parseWorldBankApi, which reads a page per line whatever its indicator).
 */
export const worldBankLive: LiveSource = {
  base: worldBankApiBase,
  unavailable: ({ code }) => code.toUpperCase() === "WDI" ? null : `the World Bank connector downloads WDI only, not ${code}`,
  fetch: async (http, request) => {
    const inputs = wdiApiIndicators.map((indicator) => () => fetchWorldBankIndicator(http, { indicator, economies: [] }, request.base));
    const first = await inputs[0]!();
    async function* all(): AsyncGenerator<Uint8Array> {
      yield* first.chunks;
      for (const next of inputs.slice(1)) yield* (await next()).chunks;
    }
    return { name: first.name, chunks: all() };
  },
};
