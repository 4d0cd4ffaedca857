// GET /api/datasets/{id}/observations: the figures of one dataset, filtered by dimension codes and period range,
// as of the latest state, a release or a date, in JSON or CSV (one column per dimension, then period, value, flags).
// Paged in the store (Store.queryPage: keyset on series key and period) and written row by row (rowStream.ts), so
// an answer holds one page of at most 100,000 rows whatever the dataset's size. The cursor carries the release the
// first page read, so a walk through the pages sees one state even when a release is loaded meanwhile.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { UsageError, comparePeriods, parsePeriod, splitSeriesKey } from "../../core/index.ts";
import type { DatasetId, Period, ReleaseId, SeriesKey } from "../../core/index.ts";
import { explainEmptyQuery } from "../../indicators/observationRequest.ts";
import type { ObservationQuery } from "../../store/store.ts";
import { answerFromCache, entityTag } from "../caching.ts";
import type { ServerEffects } from "../effects.ts";
import { decodeCursor, encodeCursor, linkNextPage, pageLimit, pagingDescription, pagingParameters } from "../paging.ts";
import { asOfSchema, normaliseAsOf, periodSchema, releaseIdSchema } from "../parameters.ts";
import type { ReleaseState } from "../releaseState.ts";
import { addRoute } from "../routeTable.ts";
import type { RouteTable } from "../routeTable.ts";
import { csvRowStream, jsonRowStream } from "../rowStream.ts";
import { datasetPath } from "./datasets.ts";

/** The query of the observations route; `where` repeats, one dimension per value. */
export const observationQuerySchema = z.strictObject({
  where: z.array(z.string().regex(/^[A-Za-z0-9_]+:[^,]+(,[^,]+)*$/, "must be dimension:code[,code...], such as geo:BE,NL"))
    .optional().describe("a filter on one dimension, dimension:code[,code...]; repeat for more dimensions (they combine with AND, the codes of one dimension with OR)"),
  from: periodSchema.optional().describe("first period (inclusive)"),
  to: periodSchema.optional().describe("last period (inclusive)"),
  asOf: asOfSchema.optional().describe("as loaded into this store by this date (YYYY-MM-DD, a UTC day) or ISO instant: the newest release retrieved by then; latest when absent"),
  publishedAsOf: asOfSchema.optional().describe("as the publisher had published it by this date or instant: the release with the newest publisher's last-update stamp on or before it (releases without a stamp do not count); not with asOf or release"),
  release: releaseIdSchema.optional().describe("as published by this release of the dataset (and those before it); not with asOf"),
  format: z.enum(["json", "csv"], "must be json or csv").optional().describe("json (default) or csv"),
  ...pagingParameters,
});

/** What an observations cursor holds: the release the walk reads and the last row sent. */
const observationCursor = z.object({
  release: z.number().int().positive(), series: z.string(), period: z.string(),
  // The codes an empty first answer was corrected to (explainEmptyQuery), which the following pages must keep.
  where: z.record(z.string(), z.array(z.string())).optional(),
});

/**
 * Reads `where` values (`geo:BE,NL`) into the store's filter, checking each dimension against the dataset's.
 * Throws UsageError naming the parameter for an unknown dimension.
 */
export function parseWhere(values: readonly string[], dimensions: readonly string[]): Record<string, string[]> {
  const where: Record<string, string[]> = {};
  for (const value of values) {
    const colon = value.indexOf(":");
    const dimension = value.slice(0, colon);
    if (!dimensions.includes(dimension)) {
      throw new UsageError(`query parameter where: the dataset has no dimension ${JSON.stringify(dimension)}; it has ${dimensions.join(", ")}`);
    }
    where[dimension] = [...(where[dimension] ?? []), ...value.slice(colon + 1).split(",")];
  }
  return where;
}

/** Registers GET /api/datasets/{id}/observations. */
export function registerObservationRoutes(app: FastifyInstance, table: RouteTable, effects: ServerEffects, releases: ReleaseState): void {
  const { store } = effects;
  // A dataset's dimensions are fixed by its first release (the store refuses others), so they can be kept.
  const dimensionsOf = new Map<string, readonly string[]>();

  addRoute(app, table, {
    method: "GET", url: "/api/datasets/:id/observations", tag: "observations",
    summary: "the observations of one dataset: value (null when missing) and flags per series and period, latest or as published then",
    description: "Sorted by series key, then period. `release` gives the state as published by that release, `asOf` the state as loaded " +
      "into this store by a date, `publishedAsOf` the state as the publisher had published it by a date (its last-update stamp); without any, the latest. Each observation names the release that first published its value and flags. " +
      `${pagingDescription} Every page of one walk shows the state of the release the first page read (\`state\`), even when a release is loaded meanwhile. ` +
      "The answer is streamed. An empty latest answer is explained as `migmon query` explains it: a code written another way is " +
      "corrected and said in `notes` (World Bank SM.POP.NETM is stored SM_POP_NETM; Eurostat's EL is GR), a code the dimension does not have " +
      "is a 400 naming the codes it has, a period range outside the data a 404 naming the periods there are.",
    params: datasetPath, query: observationQuerySchema,
    answers: { 200: { description: "JSON { dataset, dimensions, release (the newest), state (the release whose state is shown, null before the first), limit, next (URL or null), observations: [{series, period, value, flags, release}] } or CSV (next page in the Link header)", types: ["application/json", "text/csv"] } },
  }, async ({ params, query }, request, reply) => {
    const id = params.id as DatasetId;
    const cursor = query.cursor === undefined ? null : decodeCursor(request, query.cursor, observationCursor);
    const versions = (["asOf", "publishedAsOf", "release"] as const).filter((k) => query[k] !== undefined);
    if (versions.length > 1) throw new UsageError(`query parameters ${versions.join(" and ")} exclude each other: give one`);
    if (query.from !== undefined && query.to !== undefined && comparePeriods(parsePeriod(query.from), parsePeriod(query.to)) > 0) {
      throw new UsageError(`query parameter from (${query.from}) must not be after to (${query.to})`);
    }
    const latest = await releases.latestReleaseId(id);
    if (answerFromCache(request, reply, entityTag(request.url, [latest]))) return reply;
    let dimensions = dimensionsOf.get(id);
    if (dimensions === undefined) {
      dimensions = (await store.getDataset(id)).dimensions;
      dimensionsOf.set(id, dimensions);
    }
    let q: ObservationQuery = {
      dataset: id,
      ...(cursor?.where !== undefined ? { where: cursor.where } : query.where === undefined ? {} : { where: parseWhere(query.where, dimensions) }),
      ...(query.from === undefined ? {} : { from: parsePeriod(query.from) }),
      ...(query.to === undefined ? {} : { to: parsePeriod(query.to) }),
      // A cursor pins the state its first page read; asOf and release then only made the first page.
      ...(cursor === null
        ? {
          ...(query.asOf === undefined ? {} : { asOf: normaliseAsOf(query.asOf) }),
          ...(query.publishedAsOf === undefined ? {} : { publishedAsOf: normaliseAsOf(query.publishedAsOf) }),
          ...(query.release === undefined ? {} : { release: Number(query.release) as ReleaseId }),
        }
        : { release: cursor.release as ReleaseId }),
    };
    const limit = pageLimit(query.limit);
    let page = await store.queryPage(q, { limit, ...(cursor === null ? {} : { after: { series: cursor.series as SeriesKey, period: cursor.period as Period } }) });
    // An empty latest answer is explained as `migmon query` explains it (src/indicators/observationRequest.ts): codes
    // written another way corrected (in `notes`), unknown codes 400, periods outside the data 404 naming them.
    let notes: readonly string[] = [];
    if (page.observations.length === 0 && cursor === null && versions.length === 0) {
      const corrected = await explainEmptyQuery(store, q);
      notes = corrected.notes;
      q = { ...q, where: corrected.where };
      page = await store.queryPage(q, { limit });
    }
    const corrected = (notes.length > 0 || cursor?.where !== undefined) && q.where !== undefined ? { where: q.where } : {};
    const nextCursor = page.next === null || page.release === null ? null : encodeCursor(request, { release: page.release, ...page.next, ...corrected });
    const next = linkNextPage(request, reply, nextCursor);
    if (query.format === "csv") {
      const columns = [...dimensions, "period", "value", "flags"];
      return reply.type("text/csv; charset=utf-8").send(csvRowStream(columns, page.observations,
        (o) => [...splitSeriesKey(o.series), o.period, o.value === null ? "" : String(o.value), o.flags]));
    }
    return reply.type("application/json; charset=utf-8").send(jsonRowStream(
      { dataset: id, dimensions, release: latest, state: page.release, limit, next, ...(notes.length > 0 ? { notes } : {}) }, "observations", page.observations));
  });
}
