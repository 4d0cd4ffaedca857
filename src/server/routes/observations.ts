// GET /api/datasets/{id}/observations: the figures of one dataset, filtered by dimension codes and period range,
// as of the latest state, a release or a date, in JSON or CSV (one column per dimension, then period, value, flags).
import { stringify } from "csv-stringify/sync";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { UsageError, comparePeriods, parsePeriod, splitSeriesKey } from "../../core/index.ts";
import type { DatasetId, ReleaseId } from "../../core/index.ts";
import type { ObservationQuery, StoredObservation } from "../../store/store.ts";
import { answerFromCache, entityTag } from "../caching.ts";
import type { ServerEffects } from "../effects.ts";
import { asOfSchema, normaliseAsOf, periodSchema, releaseIdSchema } from "../parameters.ts";
import type { ReleaseState } from "../releaseState.ts";
import { addRoute } from "../routeTable.ts";
import type { RouteTable } from "../routeTable.ts";
import { datasetPath } from "./datasets.ts";

/** The query of the observations route; `where` repeats, one dimension per value. */
export const observationQuerySchema = z.strictObject({
  where: z.array(z.string().regex(/^[A-Za-z0-9_]+:[^,]+(,[^,]+)*$/, "must be dimension:code[,code...], such as geo:BE,NL"))
    .optional().describe("a filter on one dimension, dimension:code[,code...]; repeat for more dimensions (they combine with AND, the codes of one dimension with OR)"),
  from: periodSchema.optional().describe("first period (inclusive)"),
  to: periodSchema.optional().describe("last period (inclusive)"),
  asOf: asOfSchema.optional(),
  release: releaseIdSchema.optional().describe("as published by this release of the dataset (and those before it); not with asOf"),
  format: z.enum(["json", "csv"], "must be json or csv").optional().describe("json (default) or csv"),
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

/** Observations as CSV: one column per dimension code, then period, value (empty when missing) and flags. */
export function observationsCsv(dimensions: readonly string[], rows: readonly StoredObservation[]): string {
  const records = rows.map((o) => [...splitSeriesKey(o.series), o.period, o.value === null ? "" : String(o.value), o.flags]);
  return stringify(records, { header: true, columns: [...dimensions, "period", "value", "flags"] });
}

/** Registers GET /api/datasets/{id}/observations. */
export function registerObservationRoutes(app: FastifyInstance, table: RouteTable, effects: ServerEffects, releases: ReleaseState): void {
  const { store } = effects;
  // A dataset's dimensions are fixed by its first release (the store refuses others), so they can be kept.
  const dimensionsOf = new Map<string, readonly string[]>();

  addRoute(app, table, {
    method: "GET", url: "/api/datasets/:id/observations", tag: "observations",
    summary: "the observations of one dataset: value (null when missing) and flags per series and period, latest or as published then",
    description: "Sorted by series key, then period. `release` gives the state as published by that release, `asOf` the state on a date; " +
      "without either, the latest. Each observation names the release that first published its value and flags.",
    params: datasetPath, query: observationQuerySchema,
    answers: { 200: { description: "JSON { dataset, dimensions, release, observations: [{series, period, value, flags, release}] } or CSV", types: ["application/json", "text/csv"] } },
  }, async ({ params, query }, request, reply) => {
    const id = params.id as DatasetId;
    if (query.asOf !== undefined && query.release !== undefined) throw new UsageError("query parameters asOf and release exclude each other: give one");
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
    const q: ObservationQuery = {
      dataset: id,
      ...(query.where === undefined ? {} : { where: parseWhere(query.where, dimensions) }),
      ...(query.from === undefined ? {} : { from: parsePeriod(query.from) }),
      ...(query.to === undefined ? {} : { to: parsePeriod(query.to) }),
      ...(query.asOf === undefined ? {} : { asOf: normaliseAsOf(query.asOf) }),
      ...(query.release === undefined ? {} : { release: Number(query.release) as ReleaseId }),
    };
    const rows = await store.query(q);
    if (query.format === "csv") {
      return reply.type("text/csv; charset=utf-8").send(observationsCsv(dimensions, rows));
    }
    return { dataset: id, dimensions, release: latest, observations: rows };
  });
}
