// POST /api/update: with the admin token, an offline update of the catalogue datasets (all, or those named).
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { UsageError } from "../../core/index.ts";
import type { ServerEffects } from "../effects.ts";
import type { ReleaseState } from "../releaseState.ts";
import { addRoute, noParameters } from "../routeTable.ts";
import type { RouteTable } from "../routeTable.ts";

/** The body of POST /api/update. */
export const updateBodySchema = z.strictObject({
  only: z.array(z.string().regex(/^[a-z]+:[a-z0-9_]+$/, "must be a dataset id <publisher>:<code>")).min(1, "must name at least one dataset").optional()
    .describe("the catalogue dataset ids to update; every dataset when absent"),
  allowShrink: z.boolean().optional()
    .describe("true loads releases that hold no observations or remove more of a dataset's latest observations than its max_shrink allows " +
      "(default half); without it such a dataset fails with the counts (status failed, note) and keeps its data, as `migmon update --allow-shrink`"),
});

/** Registers POST /api/update; the kept release state is forgotten when an update ends, whatever its outcome. */
export function registerUpdateRoutes(app: FastifyInstance, table: RouteTable, effects: ServerEffects, releases: ReleaseState): void {
  addRoute(app, table, {
    method: "POST", url: "/api/update", tag: "admin", admin: true,
    summary: "runs an offline update (admin token needed): each catalogue dataset is ingested from the mirror's publisher files as a new release when it changed",
    description: "One dataset failing does not stop the others; the answer lists each dataset's outcome. A release that would empty a dataset " +
      "or remove more than its max_shrink of the latest observations fails (refused, the store unchanged, logged) unless allowShrink is true.",
    params: noParameters, query: noParameters, body: updateBodySchema,
    answers: { 200: { description: "{ outcomes: [{dataset, status, release, note}] }", types: ["application/json"] } },
  }, async ({ body, who }, _request, reply) => {
    const known = new Set(effects.catalogue.map((e) => e.id));
    const unknown = (body.only ?? []).filter((id) => !known.has(id));
    if (unknown.length > 0) throw new UsageError(`body field only: ${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not in the source catalogue`);
    const started = effects.now().toISOString();
    let outcomes;
    try {
      outcomes = await effects.update(body.only, body.allowShrink === true ? { allowShrink: true } : {});
    } finally {
      releases.forget();
    }
    const summary = outcomes.map((o) => `${o.dataset}=${o.status}${o.release === null ? "" : `:${o.release}`}`).join(" ");
    effects.logger.info(`${started} ${who} POST /api/update${body.allowShrink === true ? " (allowShrink)" : ""}: ${summary}`);
    // A refused shrink (or any other failure) is logged with its reason, so the server log says why data did not load.
    for (const o of outcomes) if (o.status === "failed") effects.logger.error(`${started} ${who} POST /api/update: ${o.dataset}: ${o.note ?? "failed"}`);
    return reply.header("cache-control", "no-store").send({ outcomes });
  });
}
