// The Belgian geography (the units valid on a date, each with its parent: the tree) and the map boundaries,
// as TopoJSON (one layer of the mirror's topology) or GeoJSON (rings wound as RFC 7946 asks).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { InputError, NotFoundError } from "../../core/index.ts";
import { boundaryFile, loadBoundaries } from "../../reference/boundaries.ts";
import type { BoundaryLayer } from "../../reference/boundaries.ts";
import { geoLevels } from "../../reference/geography.ts";
import { answerFromCache, contentHash, entityTag } from "../caching.ts";
import type { ServerEffects } from "../effects.ts";
import { linkNextPage, pageOfList, pagingDescription, pagingParameters } from "../paging.ts";
import { isoDateSchema } from "../parameters.ts";
import { addRoute } from "../routeTable.ts";
import type { RouteTable } from "../routeTable.ts";

/** The boundary layers served, as src/reference/boundaries.ts names them. */
export const boundaryLayers = ["municipalities", "arrondissements", "provinces", "nuts0", "nuts1", "nuts2", "nuts3"] as const satisfies readonly BoundaryLayer[];

/** Registers GET /api/geography/units and /api/geography/boundaries/{layer}. */
export function registerGeographyRoutes(app: FastifyInstance, table: RouteTable, effects: ServerEffects): void {
  const geographyState = contentHash(JSON.stringify([effects.geography.units, effects.geography.links, effects.geography.nuts]));
  // A layer is read and converted once; the boundary files do not change while the server runs.
  const bodies = new Map<string, { readonly body: string; readonly hash: string }>();

  addRoute(app, table, {
    method: "GET", url: "/api/geography/units", tag: "geography",
    summary: "the Belgian units valid on a date (municipalities, arrondissements, provinces, regions, Belgium), each with its parent and NUTS 2021 code: the geography tree",
    params: z.strictObject({}),
    query: z.strictObject({
      date: isoDateSchema.optional().describe("the date the units are valid on (YYYY-MM-DD); today when absent"),
      level: z.enum(geoLevels, `must be one of ${geoLevels.join(", ")}`).optional().describe("only the units of this level"),
      ...pagingParameters,
    }),
    description: pagingDescription,
    answers: { 200: { description: "{ date, units: [{code, level, name: {nl, fr}, parent, nuts2021, validFrom, validTo}], next }", types: ["application/json"] } },
  }, async ({ query }, request, reply) => {
    const date = query.date ?? effects.now().toISOString().slice(0, 10);
    if (answerFromCache(request, reply, entityTag(`${request.url}|${date}`, [geographyState]))) return reply;
    const units = pageOfList(request, effects.geography.on(date).filter((u) => query.level === undefined || u.level === query.level), (u) => u.code, query);
    return {
      date,
      next: linkNextPage(request, reply, units.next),
      units: units.items.map((u) => ({ code: u.code, level: u.level, name: u.name, parent: u.parent, nuts2021: effects.geography.nutsCodeOf(u.code, "2021"), validFrom: u.validFrom, validTo: u.validTo })),
    };
  });

  addRoute(app, table, {
    method: "GET", url: "/api/geography/boundaries/:layer", tag: "geography",
    summary: "the boundaries of one map layer: Belgian municipalities, arrondissements, provinces (2019 boundaries, keyed by NIS code) or NUTS 2021 levels 0-3",
    params: z.strictObject({ layer: z.enum(boundaryLayers, `must be one of ${boundaryLayers.join(", ")}`).describe("map layer") }),
    query: z.strictObject({ format: z.enum(["topojson", "geojson"], "must be topojson or geojson").optional().describe("topojson (default) or geojson") }),
    answers: { 200: { description: "a TopoJSON topology with the one layer, or a GeoJSON FeatureCollection whose features carry `code`", types: ["application/json", "application/geo+json"] } },
  }, async ({ params, query }, request, reply) => {
    const format = query.format ?? "topojson";
    if (effects.mirrorDir === null) throw new NotFoundError("no boundary files: the server was started without a mirror directory (MIGMON_MIRROR)");
    const mirror = effects.mirrorDir;
    const key = `${params.layer}.${format}`;
    let layer = bodies.get(key);
    if (layer === undefined) {
      const body = format === "geojson" ? geoJsonLayer(mirror, params.layer) : topoJsonLayer(mirror, params.layer);
      layer = { body, hash: contentHash(body) };
      bodies.set(key, layer);
    }
    if (answerFromCache(request, reply, entityTag(request.url, [layer.hash]))) return reply;
    return reply.type(format === "geojson" ? "application/geo+json" : "application/json").send(layer.body);
  });
}

function geoJsonLayer(mirror: string, layer: BoundaryLayer): string {
  const features = [...loadBoundaries(mirror, layer).values()];
  return JSON.stringify({ type: "FeatureCollection", features });
}

/** The mirror's topology reduced to one object (the arcs are shared by the layers of a file and kept whole). */
function topoJsonLayer(mirror: string, layer: BoundaryLayer): string {
  const file = path.join(mirror, boundaryFile(layer));
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new NotFoundError(`boundary layer ${layer}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const topology = JSON.parse(text) as { objects?: Record<string, unknown> };
  const object = topology.objects?.[layer];
  if (object === undefined) throw new InputError(file, undefined, `no TopoJSON object ${JSON.stringify(layer)}`);
  return JSON.stringify({ ...topology, objects: { [layer]: object } });
}
