// The series an assessment reads from the store, as an AssessedSeries: an indicator for one area through the
// indicator engine, or one series of the store by its full key; each with its flags, its links to the register and
// the definition breaks the catalogues declare. `migmon assess` and GET /api/analysis/assess both read through
// here, each passing its catalogues in and naming its own parameters in the messages.
import { layOutSeries } from "../analysis/layOutSeries.ts";
import { NotFoundError, UsageError, comparePeriods, splitSeriesKey } from "../core/index.ts";
import type { DatasetId, Observation, Period, SeriesKey } from "../core/index.ts";
import { findIndicator } from "../indicators/catalogue.ts";
import type { Indicator } from "../indicators/catalogue.ts";
import { computeIndicator } from "../indicators/engine.ts";
import type { Geography } from "../reference/geography.ts";
import type { Store } from "../store/store.ts";
import type { AssessedSeries } from "./assessedSeries.ts";
import { collectDefinitionBreaks } from "./definitionBreaks.ts";
import type { DatasetBreaks } from "./definitionBreaks.ts";

/** What reading a series needs (effects passed in): the store, the indicator catalogue, the datasets' declared
 * breaks (the source catalogue's entries, or their `id` and `breaks`) and the geography the engine aggregates by. */
export interface SeriesSources {
  readonly store: Store;
  readonly indicators: readonly Indicator[];
  readonly datasets: readonly DatasetBreaks[];
  readonly geography: Geography;
}

/** The period range and vintage of an assessment; absent (or undefined) means unbounded and latest. */
export interface SeriesRange {
  readonly from?: Period | undefined;
  readonly to?: Period | undefined;
  readonly asOf?: string | undefined;
}

/**
 * The messages of the caller's usage and not-found errors, so that each names its own parameters (`--series` on the
 * command line, `query parameter series` in the API).
 */
export interface SeriesMessages {
  /** The indicator has a breakdown (several series per area). */
  breakdown(indicator: string, dimensions: readonly string[]): string;
  /** The series key has `codes` codes where the dataset has `dimensions.length` dimensions. */
  keyLength(key: string, codes: number, dataset: DatasetId, dimensions: readonly string[]): string;
  /** The series has no observation in the range and vintage asked for. */
  empty(label: string): string;
}

function rangeOptions(range: SeriesRange): { from?: Period; to?: Period; asOf?: string } {
  return { ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}), ...(range.asOf ? { asOf: range.asOf } : {}) };
}

function breaksOf(datasets: readonly DatasetBreaks[], ids: readonly string[]): DatasetBreaks[] {
  return ids.map((id) => ({ id, breaks: datasets.find((e) => e.id === id)?.breaks }));
}

/**
 * Turns observations (in any order) into the assessment's series laid out on its calendar (layOutSeries), with
 * what links it to the register and the catalogues. Throws NotFoundError with `messages.empty` when there is no
 * observation, InputError when the periods mix kinds.
 */
export function toAssessedSeries(
  label: string,
  observations: readonly Observation[],
  links: Omit<AssessedSeries, "label" | "periods" | "values" | "flags">,
  messages: Pick<SeriesMessages, "empty">,
): AssessedSeries {
  if (observations.length === 0) throw new NotFoundError(messages.empty(label));
  const laid = layOutSeries(label, [...observations].sort((a, b) => comparePeriods(a.period, b.period)));
  return { label, periods: laid.periods, values: laid.values, flags: laid.flags, ...links };
}

/**
 * An indicator of the catalogue for one area, computed by the engine (from `dataset` only when given). Throws
 * UsageError for an indicator with a breakdown, NotFoundError for an unknown indicator or when it has no figure for
 * the area in the range.
 */
export async function readIndicatorSeries(
  sources: SeriesSources,
  choice: SeriesRange & { readonly indicator: string; readonly geo: string; readonly dataset?: string | undefined },
  messages: SeriesMessages,
): Promise<AssessedSeries> {
  const ctx = { store: sources.store, catalogue: sources.indicators, geography: sources.geography };
  const result = await computeIndicator(ctx, choice.indicator, { geos: [choice.geo], ...rangeOptions(choice), ...(choice.dataset ? { dataset: choice.dataset } : {}) });
  if (result.breakdownDimensions.length > 0) throw new UsageError(messages.breakdown(choice.indicator, result.breakdownDimensions));
  const label = `${choice.indicator} ${choice.geo}`;
  const observations = result.values.filter((v) => v.geo === choice.geo).map((v) => ({ series: label as SeriesKey, period: v.period, value: v.value, flags: v.flags }));
  return toAssessedSeries(label, observations, {
    indicator: choice.indicator,
    registerIndicators: findIndicator(sources.indicators, choice.indicator).topics,
    geo: choice.geo,
    definitionBreaks: collectDefinitionBreaks(result.indicator, breaksOf(sources.datasets, result.provenance.map((p) => p.dataset))),
  }, messages);
}

/**
 * One series of the store by its full key, as published (latest or as of a date). The area is `geo` when given,
 * else the key's `geo` code when the dataset has that dimension; `indicator`, when given, links the series to the
 * register's events for it. Throws UsageError for a key of the wrong length, NotFoundError for an unknown dataset
 * or indicator or a series without observations.
 */
export async function readStoredSeries(
  sources: SeriesSources,
  choice: SeriesRange & { readonly dataset: DatasetId; readonly series: string; readonly indicator?: string | undefined; readonly geo?: string | undefined },
  messages: SeriesMessages,
): Promise<AssessedSeries> {
  const id = choice.dataset;
  const dataset = await sources.store.getDataset(id);
  const codes = splitSeriesKey(choice.series as SeriesKey);
  if (codes.length !== dataset.dimensions.length) throw new UsageError(messages.keyLength(choice.series, codes.length, id, dataset.dimensions));
  const where = Object.fromEntries(dataset.dimensions.map((d, i) => [d, [codes[i] as string]]));
  const observations = await sources.store.query({ dataset: id, where, ...rangeOptions(choice) });
  const geoAt = dataset.dimensions.indexOf("geo");
  const meta = choice.indicator === undefined ? null : findIndicator(sources.indicators, choice.indicator);
  return toAssessedSeries(`${id} ${choice.series}`, observations, {
    indicator: choice.indicator ?? null,
    registerIndicators: meta?.topics ?? null,
    geo: choice.geo ?? (geoAt >= 0 ? (codes[geoAt] as string) : null),
    definitionBreaks: collectDefinitionBreaks(meta, breaksOf(sources.datasets, [id])),
  }, messages);
}
