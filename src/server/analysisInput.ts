// The input of GET /api/analysis/{method} read from the store, by the method's shape: one series (`dataset`,
// `series`), two series (`series` is y, `x` the key of x, in `xDataset` or the same dataset) or a panel (`units`:
// several series keys of `dataset`, each a unit). The same period range and version apply to every series.
import { z } from "zod";
import { NotFoundError, UsageError, parsePeriod, splitSeriesKey } from "../core/index.ts";
import type { DatasetId, ReleaseId, SeriesKey } from "../core/index.ts";
import { layOutSeries } from "../analysis/layOutSeries.ts";
import type { LaidOutSeries } from "../analysis/layOutSeries.ts";
import { seriesOfColumns } from "../analysis/methods/methodSeries.ts";
import type { InputShape, MethodInput } from "../analysis/methods/methodTypes.ts";
import type { Store } from "../store/store.ts";
import { asOfSchema, datasetIdSchema, normaliseAsOf, periodSchema, releaseIdSchema } from "./parameters.ts";

const seriesKeySchema = z.string().regex(/^[^.\s,]+(\.[^.\s,]+)*$/, "must be a full series key: the dataset's dimension codes in order, joined by \".\"");

/** The range and version parameters shared by every shape. */
const rangeAndVersion = {
  from: periodSchema.optional().describe("first period used (inclusive)"),
  to: periodSchema.optional().describe("last period used (inclusive)"),
  asOf: asOfSchema.optional(),
  release: releaseIdSchema.optional().describe("as published by this release of the dataset; not with asOf"),
};

/** The parameters that select one series, shared by every one-series method and by assess. */
export const seriesSelection = {
  dataset: datasetIdSchema,
  series: seriesKeySchema.describe("the full series key: every dimension code of the dataset, in its dimension order, joined by \".\" (e.g. A.NR.T.TOTAL.BE)"),
  ...rangeAndVersion,
};

/** The selection parameters of each input shape. */
export const selectionOf: Record<InputShape, z.ZodRawShape> = {
  series: seriesSelection,
  pair: {
    dataset: datasetIdSchema,
    series: seriesKeySchema.describe("the full series key of y (e.g. A.NR.T.TOTAL.BE)"),
    x: seriesKeySchema.describe("the full series key of x"),
    xDataset: datasetIdSchema.optional().describe("the dataset of x; default the dataset of y"),
    ...rangeAndVersion,
  },
  panel: {
    dataset: datasetIdSchema,
    units: z.string().regex(/^[^.\s,]+(\.[^.\s,]+)*(,[^.\s,]+(\.[^.\s,]+)*)+$/, "must be two or more full series keys joined by \",\"")
      .describe("the units: two or more full series keys of the dataset joined by \",\"; treated names some of them"),
    ...rangeAndVersion,
  },
};

/** The selection as validated (every shape's parameters; absent ones undefined). */
export interface Selection {
  readonly dataset: string;
  readonly series?: string | undefined;
  readonly x?: string | undefined;
  readonly xDataset?: string | undefined;
  readonly units?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly asOf?: string | undefined;
  readonly release?: string | undefined;
}

/** Reads one series and lays it out. Throws UsageError for a key of the wrong length, NotFoundError when the series has no observation. */
export async function readLaidOutSeries(store: Store, q: Selection, datasetId: string, key: string, parameter: string): Promise<LaidOutSeries> {
  if (q.asOf !== undefined && q.release !== undefined) throw new UsageError("query parameters asOf and release exclude each other: give one");
  const id = datasetId as DatasetId;
  const dataset = await store.getDataset(id);
  const codes = splitSeriesKey(key as SeriesKey);
  if (codes.length !== dataset.dimensions.length) {
    throw new UsageError(`query parameter ${parameter}: ${JSON.stringify(key)} has ${codes.length} codes, dataset ${id} has ${dataset.dimensions.length} dimensions (${dataset.dimensions.join(".")})`);
  }
  const observations = await store.query({
    dataset: id,
    where: Object.fromEntries(dataset.dimensions.map((d, i) => [d, [codes[i] as string]])),
    ...(q.from === undefined ? {} : { from: parsePeriod(q.from) }),
    ...(q.to === undefined ? {} : { to: parsePeriod(q.to) }),
    ...(q.asOf === undefined ? {} : { asOf: normaliseAsOf(q.asOf) }),
    ...(q.release === undefined ? {} : { release: Number(q.release) as ReleaseId }),
  });
  if (observations.length === 0) throw new NotFoundError(`series ${key} of dataset ${id} has no observations in the range and version asked for`);
  return layOutSeries(`${id} ${key}`, observations);
}

/** The method input of a shape, read from the store, with the laid-out series it was made of (answered as `values`). */
export async function readMethodInput(store: Store, shape: InputShape, q: Selection): Promise<{ input: MethodInput; laid: Record<string, LaidOutSeries> }> {
  if (shape === "series") {
    const s = await readLaidOutSeries(store, q, q.dataset, q.series as string, "series");
    return { input: { shape, series: seriesOfColumns(s.label, { value: s }) }, laid: { value: s } };
  }
  if (shape === "pair") {
    const y = await readLaidOutSeries(store, q, q.dataset, q.series as string, "series");
    const x = await readLaidOutSeries(store, q, q.xDataset ?? q.dataset, q.x as string, "x");
    return { input: { shape, series: seriesOfColumns(`${y.label} and ${x.label}`, { y, x }) }, laid: { y, x } };
  }
  const keys = (q.units as string).split(",");
  const laid: Record<string, LaidOutSeries> = {};
  for (const key of keys) laid[key] = await readLaidOutSeries(store, q, q.dataset, key, "units");
  const rows = Object.entries(laid).flatMap(([unit, s]) => s.periods.map((period, i) => ({ unit, period, value: s.values[i] ?? null })));
  return { input: { shape, panel: { label: `${q.dataset} ${keys.join(",")}`, rows } }, laid };
}
