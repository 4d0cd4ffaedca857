// The policy and context register: the events with the CLI's filters, one event, the events of one series (the
// marks a chart draws) and, with the admin token, adding an event.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { UsageError } from "../../core/index.ts";
import { eventDatePattern, eventIdPattern, eventKinds, eventLevels, eventSchema, policyAreas } from "../../events/schema.ts";
import { dateStart } from "../../events/dates.ts";
import { eventsFor, filterEvents, findEvent, toMarks } from "../../events/query.ts";
import { topicsOf } from "../../indicators/catalogue.ts";
import { addEvent } from "../../events/write.ts";
import { answerFromCache, entityTag } from "../caching.ts";
import type { ServerEffects } from "../effects.ts";
import { registerReader } from "../eventsRegister.ts";
import { linkNextPage, pageOfList, pagingDescription, pagingParameters } from "../paging.ts";
import { languageSchema } from "../parameters.ts";
import { addRoute, noParameters } from "../routeTable.ts";
import type { RouteTable } from "../routeTable.ts";

const json = ["application/json"];
const eventDate = (what: string) => z.string().regex(eventDatePattern, "must be a date YYYY, YYYY-MM or YYYY-MM-DD").describe(what);

/** The filters of GET /api/events: those of `migmon events`. */
export const eventFilterSchema = z.strictObject({
  level: z.enum(eventLevels, `must be one of ${eventLevels.join(", ")}`).optional().describe("government level"),
  area: z.enum(policyAreas, `must be one of ${policyAreas.join(", ")}`).optional().describe("policy area"),
  kind: z.enum(eventKinds, `must be one of ${eventKinds.join(", ")}`).optional().describe("policy, context or statistical"),
  from: eventDate("in force on or after (YYYY, YYYY-MM or YYYY-MM-DD)").optional(),
  to: eventDate("in force on or before (YYYY, YYYY-MM or YYYY-MM-DD)").optional(),
});

/** Registers GET /api/events, /api/events/for, /api/events/{id} and POST /api/events. */
export function registerEventRoutes(app: FastifyInstance, table: RouteTable, effects: ServerEffects): void {
  const read = registerReader(effects.eventsDir);

  addRoute(app, table, {
    method: "GET", url: "/api/events", tag: "events",
    summary: "the register's events (dated, coded, sourced laws, context and statistical breaks), filtered as `migmon events` filters",
    description: `In register order. ${pagingDescription}`,
    params: noParameters, query: z.strictObject({ ...eventFilterSchema.shape, ...pagingParameters }),
    answers: { 200: { description: "{ events: [event], next } in register order", types: json } },
  }, async ({ query }, request, reply) => {
    if (query.from !== undefined && query.to !== undefined && dateStart(query.from) > dateStart(query.to)) {
      throw new UsageError(`query parameter from (${query.from}) must not be after to (${query.to})`);
    }
    const { events, state } = read();
    if (answerFromCache(request, reply, entityTag(request.url, [state]))) return reply;
    const { limit, cursor, ...filters } = query;
    const page = pageOfList(request, filterEvents(events, filters), (event) => event.id, { limit, cursor });
    return { events: page.items, next: linkNextPage(request, reply, page.next) };
  });

  addRoute(app, table, {
    method: "GET", url: "/api/events/for", tag: "events",
    summary: "the events that apply to one series (an indicator in one geography), with the marks a chart draws",
    params: noParameters,
    query: z.strictObject({
      // An indicator id of the catalogue (its declared topics are matched) or a topic of the register itself.
      indicator: z.string().regex(/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/, "must be an indicator id: lower-case words joined by - or _").describe("an indicator id of the catalogue, or a topic of the register"),
      geo: z.string().regex(/^[A-Za-z0-9_]{1,16}$/, "must be a geography code: EU, an ISO2 country, a Belgian NUTS or REFNIS code").describe("geography of the series"),
      lang: languageSchema.optional().describe("language of the mark labels (default en)"),
    }),
    answers: { 200: { description: "{ indicator, geo, marks: [{id, date, label, kind, direction, level, checked}], events: [event] }", types: json } },
  }, async ({ query }, request, reply) => {
    const { events, state } = read();
    if (answerFromCache(request, reply, entityTag(request.url, [state]))) return reply;
    const found = eventsFor(events, topicsOf(effects.indicators, query.indicator), query.geo);
    return { indicator: query.indicator, geo: query.geo, marks: toMarks(found, query.lang ?? "en"), events: found };
  });

  addRoute(app, table, {
    method: "GET", url: "/api/events/:id", tag: "events",
    summary: "one event in full",
    params: z.strictObject({ id: z.string().regex(eventIdPattern, "must be an event id <level>-<year>-<words>, lowercase").describe("event id") }),
    query: noParameters,
    answers: { 200: { description: "the event", types: json } },
  }, async ({ params }, request, reply) => {
    const { events, state } = read();
    const event = findEvent(events, params.id);
    if (answerFromCache(request, reply, entityTag(request.url, [state]))) return reply;
    return event;
  });

  addRoute(app, table, {
    method: "POST", url: "/api/events", tag: "events", admin: true,
    summary: "adds one event to the register (admin token needed); validated against the schema and the whole register before it is written",
    description: "A body that does not fit the schema is a 400 naming the field; an event the register refuses (an id used twice, dates out of order, an unknown geography) a 422.",
    params: noParameters, query: noParameters, body: eventSchema,
    answers: { 201: { description: "{ added: id, file }", types: json } },
  }, async ({ body, who }, _request, reply) => {
    const file = addEvent(effects.eventsDir, body);
    effects.logger.info(`${effects.now().toISOString()} ${who} POST /api/events: added ${body.id} to ${file}`);
    return reply.code(201).header("cache-control", "no-store").send({ added: body.id, file: file.split(/[\\/]/).pop() });
  });
}
