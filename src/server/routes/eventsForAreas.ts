// The events that apply to one indicator in any of several areas, in one request: what an explorer chart of a
// comparison set draws (nine areas were nine requests to /api/events/for before the first chart). The same rule
// as /api/events/for per area (the indicator's topics, the event's geography), deduplicated, in date order.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { dateStart } from "../../events/dates.ts";
import { eventsFor, toMarks } from "../../events/query.ts";
import type { PolicyEvent } from "../../events/schema.ts";
import { topicsOf } from "../../indicators/catalogue.ts";
import { answerFromCache, entityTag } from "../caching.ts";
import type { ServerEffects } from "../effects.ts";
import { registerReader } from "../eventsRegister.ts";
import { languageSchema } from "../parameters.ts";
import { addRoute, noParameters } from "../routeTable.ts";
import type { RouteTable } from "../routeTable.ts";

/** At most this many areas in one request (a municipality's comparison set has about ten). */
export const maxAreasPerRequest = 50;

/** The query of GET /api/events/for-areas. */
export const eventsForAreasSchema = z.strictObject({
  indicator: z.string().regex(/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/, "must be an indicator id: lower-case words joined by - or _").describe("an indicator id of the catalogue, or a topic of the register"),
  geo: z.string().regex(new RegExp(`^[A-Za-z0-9_]{1,16}(,[A-Za-z0-9_]{1,16}){0,${maxAreasPerRequest - 1}}$`), `must be 1 to ${maxAreasPerRequest} geography codes separated by commas (EU, ISO2 countries, Belgian NUTS or REFNIS codes)`)
    .describe("geographies of the series, comma-separated"),
  lang: languageSchema.optional().describe("language of the mark labels (default en)"),
});

/** The events applying to the indicator's topics in any of `geos`, each once, by date in force then id. */
export function eventsForAreas(events: readonly PolicyEvent[], topics: readonly string[], geos: readonly string[]): PolicyEvent[] {
  const byId = new Map<string, PolicyEvent>();
  for (const geo of geos) for (const e of eventsFor(events, topics, geo)) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => (dateStart(a.inForce) < dateStart(b.inForce) ? -1 : dateStart(a.inForce) > dateStart(b.inForce) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Registers GET /api/events/for-areas. */
export function registerEventsForAreasRoute(app: FastifyInstance, table: RouteTable, effects: ServerEffects): void {
  const read = registerReader(effects.eventsDir);
  addRoute(app, table, {
    method: "GET", url: "/api/events/for-areas", tag: "events",
    summary: "the events that apply to one indicator in any of several areas (a chart of a comparison set), each once, in date order",
    params: noParameters, query: eventsForAreasSchema,
    answers: { 200: { description: "{ indicator, geo: [codes], marks: [{id, date, label, kind, direction, level, checked}], events: [event] }", types: ["application/json"] } },
  }, async ({ query }, request, reply) => {
    const { events, state } = read();
    if (answerFromCache(request, reply, entityTag(request.url, [state]))) return reply;
    const geos = query.geo.split(",");
    const found = eventsForAreas(events, topicsOf(effects.indicators, query.indicator), geos);
    return { indicator: query.indicator, geo: geos, marks: toMarks(found, query.lang ?? "en"), events: found };
  });
}
