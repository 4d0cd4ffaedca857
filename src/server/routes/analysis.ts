// GET /api/analysis/{method}: one analysis method run on one series of the store. A series is selected by its
// dataset and its full series key (the dataset's dimension codes in order, joined by "."), with the same period
// range and version parameters as the observations route, plus the method's own options.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { MigmonError, NotFoundError, UsageError, parsePeriod, splitSeriesKey } from "../../core/index.ts";
import type { DatasetId, ReleaseId, SeriesKey } from "../../core/index.ts";
import type { Store } from "../../store/store.ts";
import { assessPolicyEffect } from "../../assess/assessPolicyEffect.ts";
import { eventIdPattern } from "../../events/schema.ts";
import { findEvent } from "../../events/query.ts";
import { findIndicator } from "../../indicators/catalogue.ts";
import { apiMethods, methodNames } from "../analysisMethods.ts";
import { readIndicatorSeries, readStoredSeries } from "../../assess/readSeries.ts";
import { apiSeriesMessages, apiSeriesSources } from "../assessSeries.ts";
import { registerReader } from "../eventsRegister.ts";
import { datasetsOf } from "./indicators.ts";
import type { ApiMethod } from "../analysisMethods.ts";
import { layOutSeries } from "../../analysis/layOutSeries.ts";
import type { LaidOutSeries } from "../../analysis/layOutSeries.ts";
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
    // The methods throw a plain MigmonError (500) for options that do not fit the series, such as a break date
    // with too few observations on one side: for the API that is a bad parameter.
    const answer = runWithParameters(method.name, () => method.run(series, query));
    return {
      method: method.name, dataset: q.dataset, series: q.series, release: latest,
      periods: { first: series.periods[0] ?? null, last: series.periods[series.periods.length - 1] ?? null },
      n: series.values.filter((v) => v !== null).length,
      values: series.periods.map((period, i) => ({ period, value: series.values[i] ?? null, flags: series.flags[i] ?? "" })),
      result: answer.result, reading: answer.reading,
    };
  });
}

/** Runs an analysis function; its own MigmonError (500) comes from the parameters and answers 400. */
function runWithParameters<T>(name: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof MigmonError && error.httpStatus === 500) throw new UsageError(`${name}: ${error.message}`);
    throw error;
  }
}

const yesNo = (what: string) => z.enum(["true", "false"], "must be true or false").optional().describe(what);
const small = (what: string) => z.string().regex(/^\d{1,2}$/, "must be a whole number from 0 to 99").optional().describe(what);

/** The query of GET /api/analysis/assess. */
export const assessQuerySchema = z.strictObject({
  event: z.string().regex(eventIdPattern, "must be an event id <level>-<year>-<words>, lowercase").describe("the register event (see /api/events)"),
  indicator: z.string().regex(/^[a-z][a-z0-9_]*$/, "must be an indicator id (lower case, digits and _)").optional()
    .describe("an indicator of the catalogue: with geo, the series assessed; with dataset and series, links the series to the register's events for it"),
  geo: z.string().regex(/^[A-Za-z0-9_]{1,16}$/, "must be an area code").optional().describe("the area of the indicator (REFNIS, Belgian NUTS, country)"),
  dataset: seriesSelection.dataset.optional(),
  series: seriesSelection.series.optional(),
  from: seriesSelection.from, to: seriesSelection.to, asOf: seriesSelection.asOf,
  window: small("periods either side searched for artefacts and concurrent events; default max(2, periods per year)"),
  lag: small("Newey-West lag of the ITS; default floor(4 (n/100)^(2/9))"),
  seasonal: yesNo("seasonal terms in the ITS (quarterly or monthly series); default false"),
  trend: yesNo("break tests on level and trend (true, default) or on the mean (false)"),
});

function registerAssess(app: FastifyInstance, table: RouteTable, effects: ServerEffects, releases: ReleaseState): void {
  const read = registerReader(effects.eventsDir);
  addRoute(app, table, {
    method: "GET", url: "/api/analysis/assess", tag: "analysis",
    summary: "did a series change when a register event came into force? artefact check, interrupted time series, break tests, concurrent events and placebo dates, with the reading in nl, fr and en",
    description: "The series: `indicator` and `geo` (computed by the indicator engine), or `dataset` and the full `series` key (straight from the store). " +
      "The answer has the fields of `migmon assess --json` (see its --help), the reading in three languages, and the values assessed.",
    params: noParameters, query: assessQuerySchema,
    answers: { 200: { description: "{ ...assessment (series, event, interventionPeriod, artefact, its, breakTest, concurrent, placebo, reading {nl, fr, en}), values: [{period, value, flags}] }", types: ["application/json"] } },
  }, async ({ query }, request, reply) => {
    const byStore = query.dataset !== undefined || query.series !== undefined;
    if (byStore && (query.dataset === undefined || query.series === undefined)) throw new UsageError("query parameters dataset and series go together");
    if (byStore && query.geo !== undefined) throw new UsageError("query parameter geo goes with indicator, not with dataset and series (the key holds the area)");
    if (!byStore && (query.indicator === undefined || query.geo === undefined)) throw new UsageError("give indicator and geo, or dataset and series");
    const range = { from: query.from === undefined ? undefined : parsePeriod(query.from), to: query.to === undefined ? undefined : parsePeriod(query.to), asOf: normaliseAsOf(query.asOf) };
    const { events, state } = read();
    const event = findEvent(events, query.event);
    const datasets = byStore ? [query.dataset as string] : datasetsOf(effects.indicators, findIndicator(effects.indicators, query.indicator as string));
    const releaseState = await Promise.all(datasets.map(async (id) => `${id}=${await releases.latestReleaseId(id as DatasetId)}`));
    if (answerFromCache(request, reply, entityTag(request.url, [state, ...releaseState]))) return reply;
    const series = byStore
      ? await readStoredSeries(apiSeriesSources(effects), { ...range, dataset: query.dataset as DatasetId, series: query.series as string, indicator: query.indicator }, apiSeriesMessages)
      : await readIndicatorSeries(apiSeriesSources(effects), { ...range, indicator: query.indicator as string, geo: query.geo as string }, apiSeriesMessages);
    const assessment = runWithParameters("assess", () => assessPolicyEffect(series, event, events, {
      ...(query.window === undefined ? {} : { window: Number(query.window) }),
      ...(query.lag === undefined ? {} : { lag: Number(query.lag) }),
      seasonal: query.seasonal === "true",
      trend: query.trend !== "false",
    }));
    return { ...assessment, values: series.periods.map((period, i) => ({ period, value: series.values[i] ?? null, flags: series.flags[i] ?? "" })) };
  });
}

/** Registers GET /api/analysis/assess, GET /api/analysis/{method} for every method of analysisMethods.ts, and a 404 naming them for any other. */
export function registerAnalysisRoutes(app: FastifyInstance, table: RouteTable, effects: ServerEffects, releases: ReleaseState): void {
  registerAssess(app, table, effects, releases);
  for (const method of apiMethods) registerMethod(app, table, effects, releases, method);
  app.get("/api/analysis/:method", async (request) => {
    const name = String((request.params as { method?: unknown }).method ?? "");
    throw new NotFoundError(`no analysis method ${JSON.stringify(name)}; the methods are assess, ${methodNames().join(", ")}`);
  });
}
