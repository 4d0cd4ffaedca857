// The indicator catalogue (data/indicators) and indicator data: one indicator computed by the engine for areas or
// a level, a period range and a vintage, as JSON or in any export format (CSV, XLSX, JSON-stat 2.0, SDMX-CSV,
// Parquet) with texts in nl, fr or en.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { MigmonError, UsageError, parsePeriod } from "../../core/index.ts";
import type { DatasetId } from "../../core/index.ts";
import { exportLocale } from "../../i18n/exportLocale.ts";
import { comparisonSets, readComparisonSet } from "../../indicators/comparison.ts";
import { findIndicator, indicatorLevels } from "../../indicators/catalogue.ts";
import type { Indicator } from "../../indicators/catalogue.ts";
import { answerIndicatorRequest } from "../../indicators/answerRequest.ts";
import { datasetsOfIndicator, indicatorHasData } from "../../indicators/indicatorDatasets.ts";
import { decimalsOf } from "../../indicators/precision.ts";
import { municipalityComparisonSet } from "../../indicators/municipalitySet.ts";
import { exportFormatOf, exportFormats, exportResult } from "../../indicators/export/index.ts";
import { answerFromCache, contentHash, entityTag } from "../caching.ts";
import type { ServerEffects } from "../effects.ts";
import { linkNextPage, pageOfList, pagingDescription, pagingParameters } from "../paging.ts";
import { asOfSchema, datasetIdSchema, languageSchema, normaliseAsOf, periodSchema } from "../parameters.ts";
import type { ReleaseState } from "../releaseState.ts";
import { addRoute, noParameters } from "../routeTable.ts";
import type { RouteTable } from "../routeTable.ts";

const indicatorPath = z.strictObject({ id: z.string().regex(/^[a-z][a-z0-9_]*$/, "must be an indicator id (lower case, digits and _)").describe("indicator id, as listed by /api/indicators") });
const formatIds = ["json", ...exportFormats.map((f) => f.id)] as const;

/** The query of GET /api/indicators/{id}/data. */
export const indicatorDataSchema = z.strictObject({
  geo: z.string().regex(/^[\p{L}\p{N}_' .()-]+(,[\p{L}\p{N}_' .()-]+)*$/u, "must be area codes separated by commas, such as 02000,BE1,NL, or names such as Gent")
    .optional().describe("areas, comma-separated: REFNIS (02000, 11002), Belgian NUTS (BE2), countries (NL), EU27_2020, or names in nl/fr/en (Gent)"),
  level: z.enum(indicatorLevels, `must be one of ${indicatorLevels.join(", ")}`).optional().describe("every area of this level (instead of geo)"),
  set: z.string().regex(new RegExp(`^(${Object.keys(comparisonSets).join("|")}|municipality:\\d{5}(:[1-9]\\d?)?)$`), `must be ${Object.keys(comparisonSets).join(", ")} or municipality:<REFNIS>[:k]`)
    .optional().describe(`a comparison set (instead of geo): ${Object.keys(comparisonSets).join(", ")}, or municipality:<REFNIS>[:k], the municipality with its arrondissement, province, region, Belgium and its k (default 5) most similar municipalities by size and share of non-Belgians`),
  from: periodSchema.optional().describe("first period"),
  to: periodSchema.optional().describe("last period"),
  asOf: asOfSchema.optional(),
  boundaries: z.string().regex(/^(19|20)\d{2}$/, "must be a year").optional().describe("municipal figures on the municipalities of 1 January of this year (summable indicators only)"),
  dataset: datasetIdSchema.optional().describe("use only this input dataset of the indicator"),
  lang: languageSchema.optional().describe("language of the texts of an export (default en)"),
  format: z.enum(formatIds, `must be one of ${formatIds.join(", ")}`).optional().describe("json (default: the result with values, flags, intervals, notes and provenance) or an export format"),
});

/** The store datasets an indicator reads, through the indicators its formula names (ids, sorted). */
export function datasetsOf(catalogue: readonly Indicator[], indicator: Indicator): string[] {
  return datasetsOfIndicator(catalogue, indicator).map((d) => d.id);
}

/** Whether the store holds a dataset (it has a release of it); the answer is kept by ReleaseState until a write. */
async function isLoaded(releases: ReleaseState, id: string): Promise<boolean> {
  try {
    return await releases.latestReleaseId(id as DatasetId) > 0;
  } catch (error) {
    if (error instanceof MigmonError && error.httpStatus === 404) return false;
    throw error;
  }
}

/**
 * What the store holds of the datasets an indicator needs: each dataset with `loaded` and whether it can be had
 * offline or only from the publisher's endpoint, and `hasData` (the store can give at least one figure).
 */
export async function indicatorData(catalogue: readonly Indicator[], indicator: Indicator, releases: ReleaseState): Promise<{ datasets: { id: string; availability: string; loaded: boolean }[]; hasData: boolean }> {
  const datasets = await Promise.all(datasetsOfIndicator(catalogue, indicator).map(async (d) => ({ ...d, loaded: await isLoaded(releases, d.id) })));
  const loaded = new Set(datasets.filter((d) => d.loaded).map((d) => d.id));
  return { datasets, hasData: indicatorHasData(catalogue, indicator, loaded) };
}

/** Registers GET /api/indicators, /api/indicators/{id} and /api/indicators/{id}/data. */
export function registerIndicatorRoutes(app: FastifyInstance, table: RouteTable, effects: ServerEffects, releases: ReleaseState): void {
  const catalogueHash = contentHash(JSON.stringify(effects.indicators));

  addRoute(app, table, {
    method: "GET", url: "/api/indicators", tag: "indicators",
    summary: "the indicator catalogue: id, theme, titles and one-sentence descriptions in nl/fr/en, unit, levels, the datasets each needs and whether the store holds them",
    description: `In catalogue order. ${pagingDescription}`,
    params: noParameters, query: z.strictObject({ ...pagingParameters }),
    answers: { 200: { description: "{ indicators: [{id, theme, title, short, unit, decimals, levels, summable, datasets: [{id, availability, loaded}], hasData}], next }", types: ["application/json"] } },
  }, async ({ query }, request, reply) => {
    const data = await Promise.all(effects.indicators.map((i) => indicatorData(effects.indicators, i, releases)));
    const state = data.flatMap((d) => d.datasets.map((x) => `${x.id}=${x.loaded}`));
    if (answerFromCache(request, reply, entityTag(request.url, [catalogueHash, ...state]))) return reply;
    const page = pageOfList(request, effects.indicators.map((indicator, n) => ({ indicator, data: data[n]! })), (x) => x.indicator.id, query);
    return {
      indicators: page.items.map(({ indicator: i, data: d }) => ({
        id: i.id, theme: i.theme, title: i.title, short: i.short, unit: i.unit, decimals: decimalsOf(i), levels: i.levels, summable: i.summable, ...d,
      })),
      next: linkNextPage(request, reply, page.next),
    };
  });

  addRoute(app, table, {
    method: "GET", url: "/api/indicators/:id", tag: "indicators",
    summary: "one indicator's metadata: definition, how it is computed, known breaks, quality notes, the datasets it reads and whether the store holds them",
    params: indicatorPath, query: noParameters,
    answers: { 200: { description: "the indicator as data/indicators declares it, with `decimals`, `datasets: [{id, availability, loaded}]` and `hasData`", types: ["application/json"] } },
  }, async ({ params }, request, reply) => {
    const indicator = findIndicator(effects.indicators, params.id);
    const data = await indicatorData(effects.indicators, indicator, releases);
    if (answerFromCache(request, reply, entityTag(request.url, [catalogueHash, ...data.datasets.map((x) => `${x.id}=${x.loaded}`)]))) return reply;
    return { ...indicator, decimals: decimalsOf(indicator), ...data };
  });

  addRoute(app, table, {
    method: "GET", url: "/api/indicators/:id/data", tag: "indicators",
    summary: "one indicator computed for areas (geo), a whole level or a comparison set, a period range and a vintage, as JSON or an export file",
    description: "Flags travel with every value (a rate from a provisional count is provisional; known breaks are marked b). " +
      "Areas are checked as the CLI checks them (codes or names in nl/fr/en; unknown or ambiguous ones are a 400 naming them). " +
      "`notes` says what the answer leaves out: areas resolved from a name, areas or years without figures and the years that exist. " +
      "A request left with no figure at all is a 404 naming the years that exist; an input dataset that is not in the store is a 404 naming it and how to load it.",
    params: indicatorPath, query: indicatorDataSchema,
    answers: { 200: { description: "JSON IndicatorResult, or the export file", types: ["application/json", ...exportFormats.map((f) => f.mediaType)] } },
  }, async ({ params, query }, request, reply) => {
    const indicator = findIndicator(effects.indicators, params.id);
    const given = [query.geo, query.level, query.set].filter((x) => x !== undefined).length;
    if (given !== 1) throw new UsageError(`give one of the query parameters geo (area codes), level or set${given > 1 ? ", not several" : ""}`);
    const set = query.set === undefined ? undefined : readComparisonSet(query.set);
    // The similar municipalities of a municipality's set are found from the population and the share of non-Belgians.
    const read = set?.kind === "municipality"
      ? ["population", "share_non_belgian"].flatMap((id) => datasetsOf(effects.indicators, findIndicator(effects.indicators, id)))
      : [];
    const state = await Promise.all([...new Set([...datasetsOf(effects.indicators, indicator), ...read])].sort().map(async (id) => {
      try {
        return `${id}=${await releases.latestReleaseId(id as DatasetId)}`;
      } catch (error) {
        if (error instanceof MigmonError && error.httpStatus === 404) return `${id}=none`;
        throw error;
      }
    }));
    if (answerFromCache(request, reply, entityTag(request.url, [catalogueHash, ...state]))) return reply;
    const ctx = { store: effects.store, catalogue: effects.indicators, geography: effects.geography };
    const geos = query.geo !== undefined ? query.geo.split(",")
      : set === undefined ? undefined
      : set.kind === "codes" ? [...set.codes] : await municipalityComparisonSet(ctx, set.code, set.k);
    const result = await answerIndicatorRequest(ctx, indicator.id, {
      ...(geos === undefined ? {} : { geos }),
      ...(query.level === undefined ? {} : { level: query.level }),
      ...(query.from === undefined ? {} : { from: parsePeriod(query.from) }),
      ...(query.to === undefined ? {} : { to: parsePeriod(query.to) }),
      ...(query.asOf === undefined ? {} : { asOf: normaliseAsOf(query.asOf) }),
      ...(query.boundaries === undefined ? {} : { boundaries: Number(query.boundaries) }),
      ...(query.dataset === undefined ? {} : { dataset: query.dataset }),
    });
    const format = query.format ?? "json";
    if (format === "json") return result;
    const spec = exportFormatOf(format);
    const bytes = await exportResult(result, spec.id, { locale: exportLocale(query.lang ?? "en") });
    const suffix = format === "sdmx-csv" ? ".sdmx" : "";
    return reply.type(spec.mediaType).header("content-disposition", `attachment; filename="${indicator.id}${suffix}${spec.extension}"`).send(Buffer.from(bytes));
  });
}
