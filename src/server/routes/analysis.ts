// GET /api/analysis/{method}: one analysis method run on one series of the store. A series is selected by its
// dataset and its full series key (the dataset's dimension codes in order, joined by "."), with the same period
// range and version parameters as the observations route, plus the method's own options.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { MigmonError, NotFoundError, UsageError, parsePeriod, splitSeriesKey } from "../../core/index.ts";
import type { DatasetId, ReleaseId, SeriesKey } from "../../core/index.ts";
import type { Store } from "../../store/store.ts";
import { apiMethods, methodNames } from "../analysisMethods.ts";
import type { ApiMethod } from "../analysisMethods.ts";
import { layOutSeries } from "../analysisSeries.ts";
import type { LaidOutSeries } from "../analysisSeries.ts";
import { answerFromCache, entityTag } from "../caching.ts";
import type { ServerEffects } from "../effects.ts";
import { asOfSchema, datasetIdSchema, normaliseAsOf, periodSchema, releaseIdSchema } from "../parameters.ts";
import type { ReleaseState } from "../releaseState.ts";
import { addRoute, noParameters } from "../routeTable.ts";
import type { RouteTable } from "../routeTable.ts";

/** The parameters that select the series, shared by every method. */
export const seriesSelection = {
  dataset: datasetIdSchema,
  series: z.string().regex(/^[^.\s]+(\.[^.\s]+)*$/, "must be a full series key: the dataset's dimension codes in order, joined by \".\"")
    .describe("the full series key: every dimension code of the dataset, in its dimension order, joined by \".\" (e.g. A.NR.T.TOTAL.BE)"),
  from: periodSchema.optional().describe("first period used (inclusive)"),
  to: periodSchema.optional().describe("last period used (inclusive)"),
  asOf: asOfSchema.optional(),
  release: releaseIdSchema.optional().describe("as published by this release of the dataset; not with asOf"),
};

type Selection = { dataset: string; series: string; from?: string | undefined; to?: string | undefined; asOf?: string | undefined; release?: string | undefined };

/** Reads one series from the store and lays it out. Throws UsageError for a key of the wrong length, NotFoundError when the series has no observation. */
async function readSeries(store: Store, q: Selection): Promise<LaidOutSeries> {
  if (q.asOf !== undefined && q.release !== undefined) throw new UsageError("query parameters asOf and release exclude each other: give one");
  const id = q.dataset as DatasetId;
  const dataset = await store.getDataset(id);
  const codes = splitSeriesKey(q.series as SeriesKey);
  if (codes.length !== dataset.dimensions.length) {
    throw new UsageError(`query parameter series: ${JSON.stringify(q.series)} has ${codes.length} codes, dataset ${id} has ${dataset.dimensions.length} dimensions (${dataset.dimensions.join(".")})`);
  }
  const observations = await store.query({
    dataset: id,
    where: Object.fromEntries(dataset.dimensions.map((d, i) => [d, [codes[i] as string]])),
    ...(q.from === undefined ? {} : { from: parsePeriod(q.from) }),
    ...(q.to === undefined ? {} : { to: parsePeriod(q.to) }),
    ...(q.asOf === undefined ? {} : { asOf: normaliseAsOf(q.asOf) }),
    ...(q.release === undefined ? {} : { release: Number(q.release) as ReleaseId }),
  });
  if (observations.length === 0) throw new NotFoundError(`series ${q.series} of dataset ${id} has no observations in the range and version asked for`);
  return layOutSeries(`${id} ${q.series}`, observations);
}

function registerMethod(app: FastifyInstance, table: RouteTable, effects: ServerEffects, releases: ReleaseState, method: ApiMethod): void {
  addRoute(app, table, {
    method: "GET", url: `/api/analysis/${method.name}`, tag: "analysis",
    summary: method.summary,
    description: "The series: `dataset` and the full `series` key, optionally cut to `from`..`to` and read as of a date or release. " +
      "Missing values are dropped by the analysis' one rule; a method over lags needs consecutive periods (422 naming the gap). " +
      "Too few observations is a 422; an option the method cannot use on this series (a break too near an end) a 400.",
    params: noParameters,
    query: z.strictObject({ ...seriesSelection, ...method.options }),
    answers: { 200: { description: "{ method, dataset, series, release, periods: {first, last}, n, values: [{period, value, flags}], result, reading }", types: ["application/json"] } },
  }, async ({ query }, request, reply) => {
    const q = query as Selection & Record<string, unknown>;
    const latest = await releases.latestReleaseId(q.dataset as DatasetId);
    if (answerFromCache(request, reply, entityTag(request.url, [latest]))) return reply;
    const series = await readSeries(effects.store, q);
    let answer;
    try {
      answer = method.run(series, query);
    } catch (error) {
      // The methods throw a plain MigmonError (500) for options that do not fit the series, such as a break
      // date with too few observations on one side: for the API that is a bad parameter.
      if (error instanceof MigmonError && error.httpStatus === 500) throw new UsageError(`${method.name}: ${error.message}`);
      throw error;
    }
    return {
      method: method.name, dataset: q.dataset, series: q.series, release: latest,
      periods: { first: series.periods[0] ?? null, last: series.periods[series.periods.length - 1] ?? null },
      n: series.values.filter((v) => v !== null).length,
      values: series.periods.map((period, i) => ({ period, value: series.values[i] ?? null, flags: series.flags[i] ?? "" })),
      result: answer.result, reading: answer.reading,
    };
  });
}

/** Registers GET /api/analysis/{method} for every method of analysisMethods.ts, and a 404 naming them for any other. */
export function registerAnalysisRoutes(app: FastifyInstance, table: RouteTable, effects: ServerEffects, releases: ReleaseState): void {
  for (const method of apiMethods) registerMethod(app, table, effects, releases, method);
  app.get("/api/analysis/:method", async (request) => {
    const name = String((request.params as { method?: unknown }).method ?? "");
    throw new NotFoundError(`no analysis method ${JSON.stringify(name)}; the methods are ${methodNames().join(", ")}`);
  });
}
