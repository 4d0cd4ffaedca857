import { DownloadError, readBody } from "../../../core/index.ts";
import type { HttpGet, ParseInput } from "../../../core/index.ts";
import { getOk } from "./httpAnswers.ts";

/** How a paged JSON API is walked: the URL of page n (from 1) and the number of pages a page says there are. */
export interface JsonPaging {
  /** What is downloaded, for error messages (e.g. `World Bank indicator SL.UEM.TOTL.ZS`). */
  readonly what: string;
  readonly pageUrl: (page: number) => string;
  /** The page count stated in a parsed page, or a DownloadError message when the page is an error answer. */
  readonly pagesOf: (page: unknown) => number | { error: string };
}

/**
 * Downloads every page of a paged JSON API as one input: one page per line, each page's JSON written compactly,
 * in page order, so the parser reads the pages line by line. Page 1 is fetched before returning (its count of
 * pages decides the rest); the others are fetched as the input is read. Throws DownloadError (also while the
 * input is read) for an error status, an answer that is not JSON or an error message in the JSON.
 */
export async function fetchJsonPages(get: HttpGet, paging: JsonPaging): Promise<ParseInput> {
  const first = await fetchPage(get, paging, 1);
  const encoder = new TextEncoder();
  async function* pages(): AsyncGenerator<Uint8Array> {
    yield encoder.encode(`${JSON.stringify(first.json)}\n`);
    for (let n = 2; n <= first.pages; n++) {
      const page = await fetchPage(get, paging, n);
      yield encoder.encode(`${JSON.stringify(page.json)}\n`);
    }
  }
  return { name: paging.pageUrl(1), chunks: pages() };
}

async function fetchPage(get: HttpGet, paging: JsonPaging, n: number): Promise<{ json: unknown; pages: number }> {
  const url = paging.pageUrl(n);
  const response = await getOk(get, { url, accept: "application/json" }, paging.what);
  const text = new TextDecoder().decode(await readBody(response.body));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DownloadError(`${paging.what}: the answer from ${url} is not JSON: ${JSON.stringify(text.slice(0, 80))}`);
  }
  const pages = paging.pagesOf(json);
  if (typeof pages !== "number") throw new DownloadError(`${paging.what}: ${pages.error} (from ${url})`);
  return { json, pages };
}
