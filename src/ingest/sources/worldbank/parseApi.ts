import { z } from "zod";
import { FlagError, InputError, makeSeriesKey, parseFlags, parsePeriod, PeriodError, excerpt } from "../../../core/index.ts";
import type { Observation, ParsedTable, ParseInput } from "../../../core/index.ts";
import { readLines } from "../input/lines.ts";
import type { InputLine } from "../input/lines.ts";
import { CodeMapper, throwIfAnyUnknown } from "../international/unknownCodes.ts";
import { indicatorCode, mapWorldBankEconomy, worldBankAggregatesNotKept } from "./codes.ts";
import { worldBankDimensions } from "./parse.ts";

const count = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

/** The first element of a World Bank API v2 JSON page: where the page is in the answer. */
export const worldBankPageMeta = z.object({
  page: count,
  pages: count,
  per_page: count,
  total: count,
  sourceid: z.string().nullable().optional(),
  lastupdated: z.string().nullable().optional(),
});

/** One row of the second element of a page: one economy, indicator and period. */
export const worldBankRow = z.object({
  indicator: z.object({ id: z.string(), value: z.string() }),
  country: z.object({ id: z.string(), value: z.string() }),
  countryiso3code: z.string(),
  date: z.string(),
  value: z.number().nullable(),
  unit: z.string().optional(),
  obs_status: z.string().nullable().optional(),
  decimal: z.number().nullable().optional(),
});

/** A page of `api.worldbank.org/v2/country/{economies}/indicator/{id}?format=json`: [meta, rows or null]. */
export const worldBankPage = z.tuple([worldBankPageMeta, z.array(worldBankRow).nullable()]);

/** The API's error answer (sent with status 200): [{message: [{id, key, value}]}]. */
export const worldBankErrorPage = z.tuple([z.object({ message: z.array(z.object({ id: z.string(), key: z.string(), value: z.string() })) })]);

/**
 * Parses World Bank API v2 JSON pages, one page per line (as the API sends a page, and as fetch.ts joins the
 * pages of an answer), into observations keyed geo.indicator (indicator id with `_` for `.`). The header's
 * sourceUpdatedAt is the first page's `lastupdated`. Throws InputError (line = page) for a line that is not a
 * page of that shape, an error message from the API, a bad date or status; UnknownCodesError listing every
 * economy that maps nowhere, while the batches are read.
 */
export async function parseWorldBankApi(input: ParseInput): Promise<ParsedTable> {
  const lines = readLines(input);
  const first = await nextPageLine(lines);
  if (first === null) throw new InputError(input.name, undefined, "no page in the answer");
  const page = readPage(input.name, first);
  const lastUpdated = page[0].lastupdated ?? null;
  return {
    header: { dimensions: worldBankDimensions, sourceUpdatedAt: lastUpdated === "" ? null : lastUpdated, datasetCode: "WDI" },
    batches: apiBatches(input.name, first, page, lines),
  };
}

async function nextPageLine(lines: AsyncGenerator<InputLine>): Promise<InputLine | null> {
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    if (next.value.text.trim() !== "") return next.value;
  }
  return null;
}

function readPage(source: string, line: InputLine): z.infer<typeof worldBankPage> {
  let json: unknown;
  try {
    json = JSON.parse(line.text);
  } catch {
    throw new InputError(source, line.line, "not a JSON page");
  }
  const error = worldBankErrorPage.safeParse(json);
  if (error.success) {
    const said = error.data[0].message.map((m) => `${m.key}: ${m.value}`).join("; ");
    throw new InputError(source, line.line, `World Bank API error (${said})`);
  }
  const page = worldBankPage.safeParse(json);
  if (!page.success) {
    const issue = page.error.issues[0];
    throw new InputError(source, line.line, `not a World Bank API page (${issue?.path.join(".") ?? ""}: ${issue?.message ?? "wrong shape"})`);
  }
  return page.data;
}

async function* apiBatches(
  source: string,
  firstLine: InputLine,
  firstPage: z.infer<typeof worldBankPage>,
  rest: AsyncGenerator<InputLine>,
): AsyncGenerator<readonly Observation[]> {
  const geo = new CodeMapper("economy", mapWorldBankEconomy);
  const indicator = new CodeMapper("indicator", indicatorCode);
  let line: InputLine | null = firstLine;
  let page = firstPage;
  while (line !== null) {
    const batch: Observation[] = [];
    for (const row of page[1] ?? []) {
      const period = readPeriod(source, line.line, row.date);
      const flags = readStatus(source, line.line, row.obs_status ?? "");
      const economy = row.countryiso3code !== "" ? row.countryiso3code : row.country.id;
      if (worldBankAggregatesNotKept.has(economy)) continue;
      const g = geo.map(economy, line.line);
      const i = indicator.map(row.indicator.id, line.line);
      if (g === null || i === null) continue;
      batch.push({ series: makeSeriesKey([g, i]), period, value: row.value, flags });
    }
    if (batch.length > 0) yield batch;
    line = await nextPageLine(rest);
    if (line !== null) page = readPage(source, line);
  }
  throwIfAnyUnknown(source, [geo, indicator]);
}

function readPeriod(source: string, line: number, date: string) {
  try {
    return parsePeriod(date);
  } catch (error) {
    if (error instanceof PeriodError) throw new InputError(source, line, `bad date ${excerpt(date)}`);
    throw error;
  }
}

function readStatus(source: string, line: number, status: string): string {
  try {
    return parseFlags(status.trim());
  } catch (error) {
    if (error instanceof FlagError) throw new InputError(source, line, `unknown obs_status ${excerpt(status)}`);
    throw error;
  }
}
