// The fastify instance of the API, built from the effects it is given (effects.ts): route groups under
// routes/, errors as errors.ts maps them, the OpenAPI document at /api/openapi.json, and a log line for every
// write attempt, accepted or not.
import Fastify from "fastify";
import type { FastifyInstance } from "fastify";
import { bearerCheck, tokenId } from "./auth.ts";
import { answerFromCache, contentHash, entityTag } from "./caching.ts";
import type { ServerEffects } from "./effects.ts";
import { clientErrorHandler, frameworkErrors, installErrorHandlers, maxBodyBytes } from "./errors.ts";
import { buildOpenApi } from "./openapi.ts";
import { WriteRateLimiter } from "./rateLimit.ts";
import { ReleaseState } from "./releaseState.ts";
import { RouteTable, addRoute, noParameters } from "./routeTable.ts";
import { registerAnalysisRoutes } from "./routes/analysis.ts";
import { registerDatasetRoutes } from "./routes/datasets.ts";
import { registerEventRoutes } from "./routes/events.ts";
import { registerEventsForAreasRoute } from "./routes/eventsForAreas.ts";
import { registerGeographyRoutes } from "./routes/geography.ts";
import { registerIndicatorRoutes } from "./routes/indicators.ts";
import { registerImpactRoutes } from "./routes/impact.ts";
import { registerObservationRoutes } from "./routes/observations.ts";
import { registerPublicationRoutes } from "./routes/publications.ts";
import { registerSourceRoutes } from "./routes/sources.ts";
import { registerUpdateRoutes } from "./routes/update.ts";
import { registerWebRoutes } from "./routes/web.ts";
import { securityHeaders } from "./securityHeaders.ts";
import { installCompression, readApiCorsHeaders } from "./responseCompression.ts";
import { ResponseCache, installResponseCache, installResponseKeeping } from "./responseCache.ts";

/** The API version stated in the OpenAPI document. */
export const apiVersion = "0.1.0";

/**
 * Builds the API server on the given effects (not yet listening: call `listen`, or `inject` in tests). Every
 * route validates its parameters (400 naming the parameter), answers 404 for an unknown id, carries ETag and
 * Cache-Control and answers 304 to a current If-None-Match; writes need the admin token (auth.ts).
 */
export function buildApp(effects: ServerEffects): FastifyInstance {
  // Every error, including those fastify's router and Node's HTTP parser answer before a route runs, in the API's
  // one shape (errors.ts); bodies above 1 MB are refused (413) before they are read whole.
  const app = Fastify({ logger: false, bodyLimit: maxBodyBytes, routerOptions: { maxParamLength: 200 }, frameworkErrors, clientErrorHandler });
  const bearer = bearerCheck(effects.adminToken);
  const writes = new WriteRateLimiter(effects.writeRateLimit);
  // The rate limit comes before the token check, so guessing tokens is as slow as writing.
  const table = new RouteTable((request) => { writes.take(request.ip); return bearer(request); });
  installErrorHandlers(app, effects.logger);
  app.addHook("onRequest", async (request, reply) => { void reply.headers({ ...securityHeaders(request.url), ...readApiCorsHeaders(request.method, request.url) }); });
  // Whole answers of the store's routes are kept until the next write (responseCache.ts): served before compression
  // runs, streamed answers made bytes before it, and kept as compressed after it.
  const responses = new ResponseCache(effects.responseCacheBytes);
  installResponseCache(app, responses);
  installCompression(app);
  installResponseKeeping(app, responses);

  app.addHook("onResponse", async (request, reply) => {
    if (request.method === "GET" || request.method === "HEAD") return;
    const match = /^Bearer (\S+)$/i.exec(request.headers.authorization?.trim() ?? "");
    const who = match?.[1] === undefined ? "anonymous" : tokenId(match[1]);
    effects.logger.info(`${effects.now().toISOString()} ${who} ${request.method} ${request.url.split("?")[0] ?? ""} -> ${reply.statusCode}`);
  });

  const releases = new ReleaseState(effects.store, () => responses.invalidate());
  registerSourceRoutes(app, table, effects, releases);
  registerDatasetRoutes(app, table, effects, releases);
  registerObservationRoutes(app, table, effects, releases);
  registerIndicatorRoutes(app, table, effects, releases);
  registerEventRoutes(app, table, effects);
  registerEventsForAreasRoute(app, table, effects);
  registerGeographyRoutes(app, table, effects);
  registerAnalysisRoutes(app, table, effects, releases);
  registerImpactRoutes(app, table, effects);
  registerPublicationRoutes(app, table, effects, releases);
  registerUpdateRoutes(app, table, effects, releases);
  registerWebRoutes(app, effects);

  let document: { body: string; hash: string } | null = null;
  addRoute(app, table, {
    method: "GET", url: "/api/openapi.json", tag: "meta",
    summary: "this document: the OpenAPI 3.1 description of the API, generated from the zod schemas that validate each parameter",
    params: noParameters, query: noParameters,
    answers: { 200: { description: "the OpenAPI document", types: ["application/json"] } },
  }, async (_input, request, reply) => {
    if (document === null) {
      const body = JSON.stringify(buildOpenApi(table.specs, apiVersion));
      document = { body, hash: contentHash(body) };
    }
    if (answerFromCache(request, reply, entityTag(request.url, [document.hash]))) return reply;
    return reply.type("application/json; charset=utf-8").send(document.body);
  });
  return app;
}
