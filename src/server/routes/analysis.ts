// GET /api/analysis/{method}: one method of the analysis registry (src/analysis/methods) run on series of the
// store, one route per method with the method's own zod options, and GET /api/analysis/assess. A series is selected
// by its dataset and its full series key (the dataset's dimension codes in order, joined by "."), with the same
// period range and version parameters as the observations route (analysisInput.ts).
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { MigmonError, NotFoundError, UsageError, parsePeriod } from "../../core/index.ts";
import type { DatasetId } from "../../core/index.ts";
import { assessPolicyEffect } from "../../assess/assessPolicyEffect.ts";
import { eventIdPattern } from "../../events/schema.ts";
import { findEvent } from "../../events/query.ts";
import { findIndicator } from "../../indicators/catalogue.ts";
import { analysisMethods } from "../../analysis/methods/registry.ts";
import type { AnalysisMethod, MethodOptionValues } from "../../analysis/methods/methodTypes.ts";
import { readIndicatorSeries, readStoredSeries } from "../../assess/readSeries.ts";
import { readMethodInput, selectionOf, seriesSelection } from "../analysisInput.ts";
import type { Selection } from "../analysisInput.ts";
import { apiSeriesMessages, apiSeriesSources } from "../assessSeries.ts";
import { registerReader } from "../eventsRegister.ts";
import { datasetsOf } from "./indicators.ts";
import { answerFromCache, entityTag } from "../caching.ts";
import type { ServerEffects } from "../effects.ts";
import { normaliseAsOf } from "../parameters.ts";
import type { ReleaseState } from "../releaseState.ts";
import { addRoute, noParameters } from "../routeTable.ts";
import type { RouteTable } from "../routeTable.ts";

const selectionText: Record<AnalysisMethod["shape"], string> = {
  series: "The series: `dataset` and the full `series` key",
  pair: "The two series: y is `dataset` and the full `series` key, x the full key `x` (of `xDataset`, by default the same dataset); they are aligned on their periods",
  panel: "The panel: `units`, two or more full series keys of `dataset`, each a unit named by its key",
};

/** The query parameter spelling of an option, for the methods' messages. */
const queryParameter = (key: string): string => `query parameter ${key}`;

function registerMethod(app: FastifyInstance, table: RouteTable, effects: ServerEffects, releases: ReleaseState, method: AnalysisMethod): void {
  addRoute(app, table, {
    method: "GET", url: `/api/analysis/${method.name}`, tag: "analysis",
    summary: method.summary,
    description: `${selectionText[method.shape]}, optionally cut to \`from\`..\`to\` and read as of a date or release. ` +
      "Missing values are dropped by the analysis' one rule; a method over lags needs consecutive periods (422 naming the gap). " +
      "Too few observations is a 422; an option the method cannot use on this series (a break too near an end) a 400. " +
      "The method and its options are those of `migmon analyse` (one registry, src/analysis/methods).",
    params: noParameters,
    query: z.strictObject({ ...selectionOf[method.shape], ...method.options }),
    answers: { 200: { description: "{ method, dataset, series | units, release, periods: {first, last}, n, values: [{period, value, flags}] (one series) or {<column or unit>: [...]}, result, reading }", types: ["application/json"] } },
  }, async ({ query }, request, reply) => {
    const q = query as unknown as Selection & MethodOptionValues;
    const latest = await releases.latestReleaseId(q.dataset as DatasetId);
    const xRelease = q.xDataset === undefined ? [] : [await releases.latestReleaseId(q.xDataset as DatasetId)];
    if (answerFromCache(request, reply, entityTag(request.url, [latest, ...xRelease]))) return reply;
    const { input, laid } = await readMethodInput(effects.store, method.shape, q);
    // The methods throw a plain MigmonError (500) for options that do not fit the series, such as a break date
    // with too few observations on one side: for the API that is a bad parameter.
    const answer = runWithParameters(method.name, () => method.run(input, query as MethodOptionValues, queryParameter));
    const valuesOf = (s: (typeof laid)[string]) => s.periods.map((period, i) => ({ period, value: s.values[i] ?? null, flags: s.flags[i] ?? "" }));
    const periods = input.shape === "panel" ? [...new Set(input.panel.rows.map((r) => r.period))].sort() : input.series.periods;
    const values = input.shape === "series" ? valuesOf(laid.value as (typeof laid)[string]) : Object.fromEntries(Object.entries(laid).map(([k, s]) => [k, valuesOf(s)]));
    const n = input.shape === "panel" ? input.panel.rows.filter((r) => r.value !== null).length
      : Object.values(input.series.columns)[0]?.filter((_, i) => Object.values(input.series.columns).every((c) => c[i] !== null && c[i] !== undefined)).length ?? 0;
    return {
      method: method.name, dataset: q.dataset, ...(q.units === undefined ? { series: q.series } : { units: q.units }), ...(q.x === undefined ? {} : { x: q.x, xDataset: q.xDataset ?? q.dataset }),
      release: latest,
      periods: { first: periods[0] ?? null, last: periods[periods.length - 1] ?? null },
      n, values, result: answer.json, reading: answer.reading,
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

/** Registers GET /api/analysis/assess, GET /api/analysis/{method} for every method of the registry, and a 404 naming them for any other. */
export function registerAnalysisRoutes(app: FastifyInstance, table: RouteTable, effects: ServerEffects, releases: ReleaseState): void {
  registerAssess(app, table, effects, releases);
  for (const method of analysisMethods) registerMethod(app, table, effects, releases, method);
  app.get("/api/analysis/:method", async (request) => {
    const name = String((request.params as { method?: unknown }).method ?? "");
    throw new NotFoundError(`no analysis method ${JSON.stringify(name)}; the methods are assess, ${analysisMethods.map((m) => m.name).join(", ")}`);
  });
}
