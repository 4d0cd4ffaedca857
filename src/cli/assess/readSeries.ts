// The three ways `migmon assess` reads its series: an indicator through the indicator engine or a series straight
// from the store (--dataset --series), both read by src/assess/readSeries.ts with the sources and messages given
// here, or a CSV (--input); each becomes an AssessedSeries with its flags and the definition breaks the catalogues
// declare.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { collectDefinitionBreaks } from "../../assess/definitionBreaks.ts";
import type { AssessedSeries } from "../../assess/assessedSeries.ts";
import { toAssessedSeries } from "../../assess/readSeries.ts";
import type { SeriesMessages, SeriesSources } from "../../assess/readSeries.ts";
import { InputError, UsageError, parseFlags, comparePeriods, parsePeriod } from "../../core/index.ts";
import type { Observation, Period, SeriesKey } from "../../core/index.ts";
import { findIndicator, loadIndicatorCatalogue } from "../../indicators/catalogue.ts";
import { loadCatalogue } from "../../ingest/catalogue.ts";
import type { CatalogueEntry } from "../../ingest/catalogue.ts";
import type { Store } from "../../store/store.ts";
import type { CliContext } from "../context.ts";
import { engineContext } from "../indicator/engineContext.ts";

/** What selects the series: the indicator and area, a stored series, or a file; with an optional period range. */
export interface SeriesChoice {
  readonly indicator?: string | undefined;
  readonly geo?: string | undefined;
  readonly dataset?: string | undefined;
  readonly series?: string | undefined;
  readonly input?: string | undefined;
  readonly from?: Period | undefined;
  readonly to?: Period | undefined;
  readonly asOf?: string | undefined;
}

/** The command's messages for a series it cannot read, naming its options. */
export const commandSeriesMessages: SeriesMessages = {
  breakdown: (indicator, dimensions) => `indicator ${indicator} has a breakdown (${dimensions.join(", ")}): assess one series with --dataset ID --series KEY`,
  keyLength: (key, codes, dataset, dimensions) => `--series ${key} has ${codes} codes; ${dataset} keys have ${dimensions.length} (${dimensions.join(".")})`,
  empty: (label) => `no observations for ${label}`,
};

/** The open store with the shipped indicator and source catalogues and the curated geography, for src/assess/readSeries.ts. */
export async function commandSeriesSources(store: Store): Promise<SeriesSources & { readonly datasets: readonly CatalogueEntry[] }> {
  const ctx = await engineContext(store);
  return { store, indicators: ctx.catalogue, datasets: await loadCatalogue(), geography: ctx.geography };
}

function inRange(period: Period, choice: SeriesChoice): boolean {
  return (choice.from === undefined || comparePeriods(period, choice.from) >= 0) && (choice.to === undefined || comparePeriods(period, choice.to) <= 0);
}

/**
 * A CSV with a header holding `period` and `value` and optionally `flags` (and `geo`, whose rows are then filtered
 * to --geo), as written by `migmon indicator --format csv` or by hand; an empty value is missing (null).
 */
export async function readCsvSeries(context: CliContext, choice: SeriesChoice & { input: string }): Promise<AssessedSeries> {
  const file = choice.input;
  let text: string;
  try {
    text = readFileSync(path.resolve(context.cwd, file), "utf8");
  } catch (error) {
    throw new InputError(file, undefined, (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : `cannot read the file (${(error as Error).message})`);
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, skip_empty_lines: true, trim: true, bom: true }) as unknown as typeof records;
  } catch (error) {
    throw new InputError(file, (error as { lines?: number }).lines, `not a readable CSV (${(error as Error).message.split("\n")[0] ?? "parse error"})`);
  }
  const header = (records[0]?.record ?? []).map((h) => h.toLowerCase());
  const at = (name: string) => header.indexOf(name);
  if (at("period") < 0 || at("value") < 0) throw new InputError(file, 1, `the header must name the columns period and value (and optionally flags, geo), found ${header.join(",")}`);
  if (at("geo") >= 0 && choice.geo === undefined) throw new UsageError(`${file} has a geo column: choose the area with --geo`);
  const seen = new Set<string>();
  const observations: Observation[] = [];
  for (const { record, info } of records.slice(1)) {
    if (at("geo") >= 0 && record[at("geo")] !== choice.geo) continue;
    let period: Period;
    try {
      period = parsePeriod(record[at("period")] ?? "");
    } catch {
      throw new InputError(file, info.lines, `period ${JSON.stringify(record[at("period")])} is not a period such as 2019, 2019-Q1 or 2019-03`);
    }
    if (seen.has(period)) throw new InputError(file, info.lines, `period ${period} repeats`);
    seen.add(period);
    const cell = record[at("value")] ?? "";
    const value = cell === "" ? null : Number(cell);
    if (value !== null && !(Number.isFinite(value) && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cell))) {
      throw new InputError(file, info.lines, `value ${JSON.stringify(cell)} is not a number (leave it empty when missing)`);
    }
    let flags = "";
    try {
      flags = at("flags") >= 0 ? parseFlags(record[at("flags")] ?? "") : "";
    } catch {
      throw new InputError(file, info.lines, `flags ${JSON.stringify(record[at("flags")])} are not flag codes`);
    }
    if (inRange(period, choice)) observations.push({ series: file as SeriesKey, period, value, flags });
  }
  const indicator = choice.indicator ?? null;
  const meta = indicator === null ? null : findIndicator(await loadIndicatorCatalogue(), indicator);
  return toAssessedSeries(file, observations, {
    indicator,
    registerIndicators: meta?.topics ?? null,
    geo: choice.geo ?? null,
    definitionBreaks: collectDefinitionBreaks(meta, []),
  }, commandSeriesMessages);
}
