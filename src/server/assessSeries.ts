// The series GET /api/analysis/assess reads, as src/assess's AssessedSeries: an indicator for one area through the
// indicator engine, or one series of the store; each with its flags and the definition breaks the catalogues declare.
// `migmon assess` assembles the same from its options (src/cli/assess/readSeries.ts).
import type { AssessedSeries } from "../assess/assessedSeries.ts";
import { collectDefinitionBreaks } from "../assess/definitionBreaks.ts";
import { NotFoundError, UsageError, comparePeriods, splitSeriesKey } from "../core/index.ts";
import type { DatasetId, Observation, Period, SeriesKey } from "../core/index.ts";
import { findIndicator } from "../indicators/catalogue.ts";
import { computeIndicator } from "../indicators/engine.ts";
import { layOutSeries } from "./analysisSeries.ts";
import type { ServerEffects } from "./effects.ts";

/** The period range and vintage of an assessment. */
export interface AssessRange {
  readonly from?: Period | undefined;
  readonly to?: Period | undefined;
  readonly asOf?: string | undefined;
}

function breaksOf(effects: ServerEffects, ids: readonly string[]) {
  return ids.map((id) => ({ id, breaks: effects.catalogue.find((e) => e.id === id)?.breaks }));
}

function toSeries(label: string, observations: readonly Observation[], rest: Omit<AssessedSeries, "label" | "periods" | "values" | "flags">): AssessedSeries {
  if (observations.length === 0) throw new NotFoundError(`${label} has no observations in the range and version asked for`);
  const laid = layOutSeries(label, [...observations].sort((a, b) => comparePeriods(a.period, b.period)));
  return { label, periods: laid.periods, values: laid.values, flags: laid.flags, ...rest };
}

/**
 * An indicator of the catalogue for one area, computed by the engine. Throws UsageError for an indicator with a
 * breakdown (several series per area), NotFoundError when it has no figure for the area.
 */
export async function readIndicatorSeries(effects: ServerEffects, indicator: string, geo: string, range: AssessRange): Promise<AssessedSeries> {
  const ctx = { store: effects.store, catalogue: effects.indicators, geography: effects.geography };
  const result = await computeIndicator(ctx, indicator, { geos: [geo], ...range });
  if (result.breakdownDimensions.length > 0) {
    throw new UsageError(`query parameter indicator: ${indicator} has a breakdown (${result.breakdownDimensions.join(", ")}); assess one series with dataset and series`);
  }
  const label = `${indicator} ${geo}`;
  const observations = result.values.filter((v) => v.geo === geo).map((v) => ({ series: label as SeriesKey, period: v.period, value: v.value, flags: v.flags }));
  return toSeries(label, observations, {
    indicator, registerIndicators: findIndicator(effects.indicators, indicator).topics, geo,
    definitionBreaks: collectDefinitionBreaks(result.indicator, breaksOf(effects, result.provenance.map((p) => p.dataset))),
  });
}

/**
 * One series of the store by its full key. The area is the key's `geo` code when the dataset has that dimension;
 * `indicator`, when given, links the series to the register's events for it. Throws UsageError for a key of the
 * wrong length, NotFoundError for an unknown dataset or a series without observations.
 */
export async function readStoredSeries(effects: ServerEffects, id: DatasetId, key: string, indicator: string | undefined, range: AssessRange): Promise<AssessedSeries> {
  const dataset = await effects.store.getDataset(id);
  const codes = splitSeriesKey(key as SeriesKey);
  if (codes.length !== dataset.dimensions.length) {
    throw new UsageError(`query parameter series: ${JSON.stringify(key)} has ${codes.length} codes, dataset ${id} has ${dataset.dimensions.length} dimensions (${dataset.dimensions.join(".")})`);
  }
  const where = Object.fromEntries(dataset.dimensions.map((d, i) => [d, [codes[i] as string]]));
  const observations = await effects.store.query({ dataset: id, where, ...range });
  const geoAt = dataset.dimensions.indexOf("geo");
  const meta = indicator === undefined ? null : findIndicator(effects.indicators, indicator);
  return toSeries(`${id} ${key}`, observations, {
    indicator: indicator ?? null,
    registerIndicators: meta?.topics ?? null,
    geo: geoAt >= 0 ? (codes[geoAt] as string) : null,
    definitionBreaks: collectDefinitionBreaks(meta, breaksOf(effects, [id])),
  });
}
