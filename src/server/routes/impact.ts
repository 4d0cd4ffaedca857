// The impact model (src/impact) over HTTP: the documented scenarios, the eligibility rules, and a scenario run for
// chosen areas, either a documented scenario by name (GET) or a scenario sent as JSON in the body (POST; it writes
// nothing, so it needs no token). The answer is the same object as `migmon impact --format json`.
import { readdirSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { UsageError } from "../../core/index.ts";
import { computeImpact } from "../../impact/impactAnswer.ts";
import { loadRules } from "../../impact/rules.ts";
import { curatedScenariosDir, readScenarioFile } from "../../impact/scenario.ts";
import { scenarioSchema } from "../../impact/scenarioSchema.ts";
import type { Scenario } from "../../impact/scenarioSchema.ts";
import { geoLevels } from "../../reference/geography.ts";
import type { GeoLevel } from "../../reference/geography.ts";
import type { ServerEffects } from "../effects.ts";
import { registerReader } from "../eventsRegister.ts";
import { addRoute, noParameters } from "../routeTable.ts";
import type { RouteTable } from "../routeTable.ts";

const json = ["application/json"];

/** The areas, level and horizon of a run: those of `migmon impact`. */
export const impactChoiceSchema = z.strictObject({
  geo: z.string().regex(/^[0-9A-Z]{2,5}(,[0-9A-Z]{2,5})*$/, "must be REFNIS codes joined by commas, e.g. 02000,44021").optional().describe("areas: REFNIS codes of any level, comma-separated"),
  level: z.enum(geoLevels as unknown as [GeoLevel, ...GeoLevel[]], `must be one of ${geoLevels.join(", ")}`).optional().describe("every area of one level (default region)"),
  horizon: z.string().regex(/^([1-9]|10)$/, "must be a whole number of years from 1 to 10").optional().describe("years projected (default: the scenario's)"),
});

const scenarioNames = (): string[] => readdirSync(curatedScenariosDir).filter((f) => f.endsWith(".yaml")).map((f) => f.slice(0, -5)).sort();

/** Registers GET /api/impact/scenarios, GET /api/impact/rules, GET /api/impact and POST /api/impact. */
export function registerImpactRoutes(app: FastifyInstance, table: RouteTable, effects: ServerEffects): void {
  const read = registerReader(effects.eventsDir);
  const rules = () => loadRules(undefined, new Set(read().events.map((e) => e.id)));
  const run = async (scenario: Scenario, query: z.output<typeof impactChoiceSchema>) => {
    if (query.geo !== undefined && query.level !== undefined) throw new UsageError("give query parameter geo or level, not both");
    return computeImpact(effects.store, scenario, rules(), {
      ...(query.geo === undefined ? {} : { geos: query.geo.split(",") }),
      ...(query.level === undefined ? {} : { level: query.level }),
      ...(query.horizon === undefined ? {} : { horizon: Number(query.horizon) }),
    });
  };

  addRoute(app, table, {
    method: "GET", url: "/api/impact/scenarios", tag: "impact",
    summary: "the documented scenarios of data/impact/scenarios, in full (parameters with their sources and assumption flags)",
    params: noParameters, query: noParameters,
    answers: { 200: { description: "{ scenarios: [scenario] }", types: json } },
  }, async () => ({ scenarios: scenarioNames().map((name) => readScenarioFile(name, curatedScenariosDir)) }));

  addRoute(app, table, {
    method: "GET", url: "/api/impact/rules", tag: "impact",
    summary: "the eligibility rules (civic integration by region, OKAN), each with its legal source and register event",
    params: noParameters, query: noParameters,
    answers: { 200: { description: "{ rules: [rule] }", types: json } },
  }, async () => ({ rules: rules() }));

  addRoute(app, table, {
    method: "GET", url: "/api/impact", tag: "impact",
    summary: "a documented scenario run for areas: new arrivals, obliged and entitled to civic integration, trajectories, language courses, OKAN pupils and classes, reception places, each with unit, source, interval and assumption flag",
    params: noParameters,
    query: impactChoiceSchema.extend({
      scenario: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be the name of a documented scenario (GET /api/impact/scenarios)").describe("a documented scenario: baseline, tp-wave-2026"),
    }),
    answers: { 200: { description: "the fields of `migmon impact --format json`", types: json } },
  }, async ({ query }) => run(readScenarioFile(query.scenario, curatedScenariosDir), query));

  addRoute(app, table, {
    method: "POST", url: "/api/impact", tag: "impact",
    summary: "a scenario sent as JSON (the schema of data/impact/scenarios) run for areas; nothing is written",
    params: noParameters, query: impactChoiceSchema, body: scenarioSchema,
    answers: { 200: { description: "the fields of `migmon impact --format json`", types: json } },
  }, async ({ query, body }) => run(body, query));
}
