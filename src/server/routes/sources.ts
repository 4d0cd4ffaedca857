// GET /api/sources: the source catalogue (data/sources.yaml), each entry with what the store holds of it.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { DatasetSummary } from "../../store/store.ts";
import { answerFromCache, contentHash, entityTag } from "../caching.ts";
import type { ServerEffects } from "../effects.ts";
import { linkNextPage, pageOfList, pagingDescription, pagingParameters } from "../paging.ts";
import { addRoute, noParameters } from "../routeTable.ts";
import type { ReleaseState } from "../releaseState.ts";
import type { RouteTable } from "../routeTable.ts";

/** What the store holds of a catalogue dataset: its newest release and current observation count. */
export function loadedState(summary: DatasetSummary | undefined): { release: number; retrievedAt: string; sourceUpdatedAt: string | null; releases: number; observations: number } | null {
  const latest = summary?.latestRelease;
  if (summary === undefined || latest === null || latest === undefined) return null;
  return { release: latest.id, retrievedAt: latest.retrievedAt, sourceUpdatedAt: latest.sourceUpdatedAt, releases: summary.releases, observations: summary.observations };
}

/** Registers GET /api/sources. */
export function registerSourceRoutes(app: FastifyInstance, table: RouteTable, effects: ServerEffects, releases: ReleaseState): void {
  const catalogueHash = contentHash(JSON.stringify(effects.catalogue));
  addRoute(app, table, {
    method: "GET", url: "/api/sources", tag: "sources",
    summary: "the source catalogue: every dataset the monitor follows, with its publisher, licence, coverage and what the store holds of it",
    description: `In catalogue order. ${pagingDescription}`,
    params: noParameters, query: z.strictObject({ ...pagingParameters }),
    answers: { 200: { description: "{ sources: [catalogue entry + loaded: {release, retrievedAt, releases, observations} | null], next }", types: ["application/json"] } },
  }, async ({ query }, request, reply) => {
    const summaries = new Map((await releases.datasets()).map((s) => [s.dataset.id as string, s]));
    const state = [catalogueHash, ...[...summaries.values()].map((s) => `${s.dataset.id}=${s.latestRelease?.id ?? 0}`)];
    if (answerFromCache(request, reply, entityTag(request.url, state))) return reply;
    const page = pageOfList(request, effects.catalogue, (entry) => entry.id, query);
    return { sources: page.items.map((entry) => ({ ...entry, loaded: loadedState(summaries.get(entry.id)) })), next: linkNextPage(request, reply, page.next) };
  });
}
