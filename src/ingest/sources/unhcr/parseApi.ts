import { z } from "zod";
import { InputError, makeSeriesKey } from "../../../core/index.ts";
import type { Observation, ParsedTable, ParseInput, Period } from "../../../core/index.ts";
import { readNumber, readYear } from "../international/numbers.ts";
import { readLines } from "../input/lines.ts";
import { CodeMapper, throwIfAnyUnknown } from "../international/unknownCodes.ts";
import { mapUnhcrCountry } from "./codes.ts";

const amount = z.union([z.number(), z.string(), z.null()]).optional();

/** One item of `api.unhcr.org/population/v1/population/`: a year, a country pair and a count per population type. */
export const unhcrPopulationItem = z.object({
  year: z.union([z.number(), z.string()]),
  coo: z.string().optional(),
  coa: z.string().optional(),
  coo_iso: z.string().optional(),
  coa_iso: z.string().optional(),
  refugees: amount,
  asylum_seekers: amount,
  returned_refugees: amount,
  idps: amount,
  returned_idps: amount,
  stateless: amount,
  ooc: amount,
  oip: amount,
  hst: amount,
});

/** A page of the population endpoint: `{page, maxPages, total, items}`. */
export const unhcrPopulationPage = z.object({
  page: z.number(),
  maxPages: z.number(),
  items: z.array(unhcrPopulationItem),
});

/** The API's count fields with our population-type codes (codes.ts). */
const typeOfField = [
  ["refugees", "REF"],
  ["asylum_seekers", "ASY"],
  ["returned_refugees", "RET"],
  ["idps", "IDP"],
  ["returned_idps", "RDP"],
  ["stateless", "STA"],
  ["ooc", "OOC"],
  ["oip", "OIP"],
  ["hst", "HST"],
] as const;

/**
 * Parses pages of the UNHCR refugee-statistics API population endpoint, one JSON page per line (as the API
 * sends a page and as fetch.ts joins them), into the POPULATION dataset keyed geo.origin.poptype (`-` is all
 * origins -> TOTAL). Country codes are read from `coa_iso`/`coo_iso` (asked with cf_type=ISO), else `coa`/`coo`.
 * A count given as `-` or null is a missing value; a field the API leaves out gives no observation. Throws
 * InputError (line = page) for a line that is not such a page or a bad count, UnknownCodesError listing every
 * country code that maps nowhere, while the batches are read.
 */
export async function parseUnhcrApiPopulation(input: ParseInput): Promise<ParsedTable> {
  return {
    header: { dimensions: ["geo", "origin", "poptype"], sourceUpdatedAt: null, datasetCode: "POPULATION" },
    batches: apiBatches(input),
  };
}

async function* apiBatches(input: ParseInput): AsyncGenerator<readonly Observation[]> {
  const asylum = new CodeMapper("asylum country", mapUnhcrCountry);
  const origin = new CodeMapper("origin", mapUnhcrCountry);
  for await (const { text, line } of readLines(input)) {
    if (text.trim() === "") continue;
    const page = readPage(input.name, line, text);
    const batch: Observation[] = [];
    for (const item of page.items) {
      const period = readYear(String(item.year), "year", input.name, line) as Period;
      const a = asylum.map(item.coa_iso ?? item.coa ?? "", line);
      const o = origin.map(item.coo_iso ?? item.coo ?? "", line);
      if (a === null || o === null) continue;
      for (const [field, type] of typeOfField) {
        const raw = item[field];
        if (raw === undefined) continue;
        const value = raw === null || raw === "-" ? null : typeof raw === "number" ? raw : readNumber(raw, field, input.name, line);
        batch.push({ series: makeSeriesKey([a, o, type]), period, value, flags: "" });
      }
    }
    if (batch.length > 0) yield batch;
  }
  throwIfAnyUnknown(input.name, [asylum, origin]);
}

function readPage(source: string, line: number, text: string): z.infer<typeof unhcrPopulationPage> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError(source, line, "not a JSON page");
  }
  const page = unhcrPopulationPage.safeParse(json);
  if (!page.success) {
    const issue = page.error.issues[0];
    throw new InputError(source, line, `not a UNHCR population page (${issue?.path.join(".") ?? ""}: ${issue?.message ?? "wrong shape"})`);
  }
  return page.data;
}
