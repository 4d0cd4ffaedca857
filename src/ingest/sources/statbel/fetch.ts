import { Unzip, UnzipInflate } from "fflate";
import { DownloadError } from "../../../core/index.ts";
import type { HttpGet, LiveSource, ParseInput } from "../../../core/index.ts";

/** Where Statbel publishes its open-data files (each a ZIP archive holding one text file). */
export const statbelOpenDataBase = "https://statbel.fgov.be/sites/default/files/files/opendata/";

/**
 * The download URL of TF_SOC_POP_STRUCT_<year>.zip (population by place of residence, nationality, civil status,
 * age and sex), in Statbel's open-data folder "bevolking naar woonplaats, nationaliteit burgelijke staat , leeftijd
 * en geslacht" (Statbel's own spelling). `base` replaces Statbel's host and folder root (a mirror or a test server).
 */
export function populationStructureUrl(year: number, base: string = statbelOpenDataBase): string {
  const folder = encodeURIComponent("bevolking naar woonplaats, nationaliteit burgelijke staat , leeftijd en geslacht");
  return new URL(`${folder}/TF_SOC_POP_STRUCT_${year}.zip`, base).toString();
}

/** The download URL of the current REFNIS code list (TU_COM_REFNIS.zip, folder "REFNIS code"). */
export function refnisCodeListUrl(base: string = statbelOpenDataBase): string {
  return new URL(`${encodeURIComponent("REFNIS code")}/TU_COM_REFNIS.zip`, base).toString();
}

/**
 * The entries of a ZIP archive read from a stream, yielding the content of the first entry whose name matches
 * `entry` as it is inflated (memory holds one input chunk's output). Throws DownloadError naming the URL when
 * no entry matches (with the names it has), when the archive ends early or cannot be inflated.
 */
export async function* unzipEntry(body: AsyncIterable<Uint8Array>, entry: RegExp, url: string): AsyncGenerator<Uint8Array> {
  const queue: Uint8Array[] = [];
  const names: string[] = [];
  let chosen: string | null = null;
  let finished = false;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    names.push(file.name);
    if (chosen !== null || !entry.test(file.name)) return;
    chosen = file.name;
    file.ondata = (error, data, final) => {
      if (error) failure = error;
      else if (data.byteLength > 0) queue.push(data);
      if (final) finished = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const broken = (error: Error) => new DownloadError(`cannot unzip ${url}: ${error.message}`, { cause: error });
  try {
    for await (const chunk of body) {
      unzip.push(chunk);
      if (failure !== null) throw broken(failure);
      while (queue.length > 0) yield queue.shift()!;
    }
    unzip.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof DownloadError) throw error;
    throw broken(error as Error);
  }
  if (failure !== null) throw broken(failure);
  while (queue.length > 0) yield queue.shift()!;
  if (chosen === null) {
    throw new DownloadError(`the ZIP archive at ${url} has no entry matching ${entry}; it has ${names.map((n) => JSON.stringify(n)).join(", ") || "no entries"}`);
  }
  if (!finished) throw new DownloadError(`the ZIP archive at ${url} ends inside ${JSON.stringify(chosen)}`);
}

/**
 * Downloads a Statbel open-data ZIP and returns the matching text entry as parser input named by the URL (the
 * parsers read the year from it, e.g. TF_SOC_POP_STRUCT_2015). The entry is unzipped as the body streams in.
 * Throws DownloadError naming the URL for an answer that is not 2xx and for an archive without such an entry.
 */
export async function fetchStatbelZip(get: HttpGet, url: string, entry: RegExp = /\.(txt|csv)$/i): Promise<ParseInput> {
  const response = await get({ url, accept: "application/zip, application/octet-stream, */*" });
  if (response.status < 200 || response.status > 299) {
    throw new DownloadError(`Statbel answered HTTP ${response.status} for ${url}`);
  }
  return { name: url, chunks: unzipEntry(response.body, entry, url) };
}

/** Downloads TF_SOC_POP_STRUCT_<year> from Statbel (or `base`) as parser input for parsePopulationStructure. */
export function fetchPopulationStructure(get: HttpGet, year: number, base?: string): Promise<ParseInput> {
  return fetchStatbelZip(get, populationStructureUrl(year, base), /TF_SOC_POP_STRUCT.*\.txt$/i);
}

const populationStructureCode = /^TF_SOC_POP_STRUCT_(\d{4})$/i;

/**
 * Statbel's live downloads: a dataset whose catalogue entry names its open-data ZIP (`download.url`), or a
 * TF_SOC_POP_STRUCT_<year> file by its code. The ZIP's text entry is the parser input, named by the ZIP's URL so
 * that the parsers read the year from it.
 */
export const statbelLive: LiveSource = {
  base: statbelOpenDataBase,
  unavailable: ({ code, url }) => url !== undefined || populationStructureCode.test(code)
    ? null
    : `Statbel publishes no open-data file named ${code} and the catalogue names no download URL`,
  fetch: (http, request) => {
    const year = populationStructureCode.exec(request.code)?.[1];
    if (request.url !== undefined) return fetchStatbelZip(http, request.url);
    if (year === undefined) throw new DownloadError(`no Statbel open-data URL is known for ${request.code}`);
    return fetchPopulationStructure(http, Number(year), request.base);
  },
};
