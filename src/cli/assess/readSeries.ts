// The three ways `migmon assess` reads its series: an indicator through the indicator engine, a series straight
// from the store (--dataset --series), or a CSV (--input); each becomes an AssessedSeries with its flags and the
// definition breaks the catalogues declare.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { collectDefinitionBreaks } from "../../assess/definitionBreaks.ts";
import type { AssessedSeries } from "../../assess/assessedSeries.ts";
import { InputError, NotFoundError, UsageError, parseFlags, comparePeriods, makeDatasetId, parsePeriod, splitSeriesKey } from "../../core/index.ts";
import type { Observation, Period, SeriesKey } from "../../core/index.ts";
import { computeIndicator } from "../../indicators/engine.ts";
import { findIndicator, loadIndicatorCatalogue } from "../../indicators/catalogue.ts";
import { findEntry, loadCatalogue } from "../../ingest/catalogue.ts";
import type { CatalogueEntry } from "../../ingest/catalogue.ts";
import { layOutSeries } from "../../server/analysisSeries.ts";
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

function datasetBreaks(sources: readonly CatalogueEntry[], ids: readonly string[]): { id: string; breaks?: CatalogueEntry["breaks"] }[] {
  return ids.map((id) => ({ id, breaks: sources.find((e) => e.id === id)?.breaks }));
}

function inRange(period: Period, choice: SeriesChoice): boolean {
  return (choice.from === undefined || comparePeriods(period, choice.from) >= 0) && (choice.to === undefined || comparePeriods(period, choice.to) <= 0);
}

/** Turns observations in period order into the assessment's series. */
function toSeries(label: string, observations: readonly Observation[], rest: Omit<AssessedSeries, "label" | "periods" | "values" | "flags">): AssessedSeries {
  if (observations.length === 0) throw new NotFoundError(`no observations for ${label}`);
  const laid = layOutSeries(label, [...observations].sort((a, b) => comparePeriods(a.period, b.period)));
  return { label, periods: laid.periods, values: laid.values, flags: laid.flags, ...rest };
}

/** An indicator for one area, computed by the indicator engine from the store. */
export async function readIndicatorSeries(store: Store, choice: SeriesChoice & { indicator: string; geo: string }): Promise<AssessedSeries> {
  const ctx = await engineContext(store);
  const result = await computeIndicator(ctx, choice.indicator, {
    geos: [choice.geo],
    ...(choice.from ? { from: choice.from } : {}),
    ...(choice.to ? { to: choice.to } : {}),
    ...(choice.asOf ? { asOf: choice.asOf } : {}),
    ...(choice.dataset ? { dataset: choice.dataset } : {}),
  });
  if (result.breakdownDimensions.length > 0) {
    throw new UsageError(`indicator ${choice.indicator} has a breakdown (${result.breakdownDimensions.join(", ")}): assess one series with --dataset ID --series KEY`);
  }
  const label = `${choice.indicator} ${choice.geo}`;
  const observations = result.values.filter((v) => v.geo === choice.geo).map((v) => ({ series: label as SeriesKey, period: v.period, value: v.value, flags: v.flags }));
  const sources = await loadCatalogue();
  return toSeries(label, observations, {
    indicator: choice.indicator,
    registerIndicators: findIndicator(await loadIndicatorCatalogue(), choice.indicator).topics,
    geo: choice.geo,
    definitionBreaks: collectDefinitionBreaks(result.indicator, datasetBreaks(sources, result.provenance.map((p) => p.dataset))),
  });
}

/** One series of the store, as published (latest or as of a date). The area is the key's `geo` code unless given. */
export async function readStoredSeries(store: Store, choice: SeriesChoice & { dataset: string; series: string }): Promise<AssessedSeries> {
  const sources = await loadCatalogue();
  const entry = findEntry(sources, choice.dataset);
  const id = makeDatasetId(entry.publisher, entry.code);
  const dataset = await store.getDataset(id);
  const codes = splitSeriesKey(choice.series as SeriesKey);
  if (codes.length !== dataset.dimensions.length) {
    throw new UsageError(`--series ${choice.series} has ${codes.length} codes; ${id} keys have ${dataset.dimensions.length} (${dataset.dimensions.join(".")})`);
  }
  const where = Object.fromEntries(dataset.dimensions.map((d, i) => [d, [codes[i] as string]]));
  const observations = await store.query({ dataset: id, where, ...(choice.from ? { from: choice.from } : {}), ...(choice.to ? { to: choice.to } : {}), ...(choice.asOf ? { asOf: choice.asOf } : {}) });
  const geoAt = dataset.dimensions.indexOf("geo");
  const geo = choice.geo ?? (geoAt >= 0 ? (codes[geoAt] as string) : null);
  const indicator = choice.indicator ?? null;
  const meta = indicator === null ? null : findIndicator(await loadIndicatorCatalogue(), indicator);
  return toSeries(`${id} ${choice.series}`, observations, {
    indicator,
    registerIndicators: meta?.topics ?? null,
    geo,
    definitionBreaks: collectDefinitionBreaks(meta, datasetBreaks(sources, [id])),
  });
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
  return toSeries(file, observations, {
    indicator,
    registerIndicators: meta?.topics ?? null,
    geo: choice.geo ?? null,
    definitionBreaks: collectDefinitionBreaks(meta, []),
  });
}
