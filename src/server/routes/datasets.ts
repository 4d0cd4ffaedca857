// The datasets of the store: the list, one dataset, its releases and the changes between two of its releases.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { UsageError } from "../../core/index.ts";
import type { DatasetId, Period, ReleaseId, SeriesKey } from "../../core/index.ts";
import { answerFromCache, entityTag } from "../caching.ts";
import type { ServerEffects } from "../effects.ts";
import { decodeCursor, encodeCursor, linkNextPage, pageLimit, pageOfList, pagingDescription, pagingParameters } from "../paging.ts";
import { asOfSchema, datasetIdSchema, normaliseAsOf, releaseIdSchema } from "../parameters.ts";
import type { ReleaseState } from "../releaseState.ts";
import { addRoute, noParameters } from "../routeTable.ts";
import type { RouteTable } from "../routeTable.ts";
import { jsonRowStream } from "../rowStream.ts";
import { checkDiffReleases } from "../../store/diff.ts";
import { loadedState } from "./sources.ts";

const json = ["application/json"];
/** What a diff cursor holds: the last change sent. */
const changeCursor = z.object({ series: z.string(), period: z.string() });

/** The path parameters of the routes under /api/datasets/{id}. */
export const datasetPath = z.strictObject({ id: datasetIdSchema });

/** Registers GET /api/datasets, /api/datasets/{id}, /api/datasets/{id}/releases and /api/datasets/{id}/diff. */
export function registerDatasetRoutes(app: FastifyInstance, table: RouteTable, effects: ServerEffects, releases: ReleaseState): void {
  const { store } = effects;

  addRoute(app, table, {
    method: "GET", url: "/api/datasets", tag: "datasets",
    summary: "every dataset in the store with its dimensions, titles, unit, number of releases, newest release and current observation count",
    description: `By id. ${pagingDescription}`,
    params: noParameters, query: z.strictObject({ ...pagingParameters }),
    answers: { 200: { description: "{ datasets: [...], next }", types: json } },
  }, async ({ query }, request, reply) => {
    const summaries = await releases.datasets();
    if (answerFromCache(request, reply, entityTag(request.url, summaries.map((s) => `${s.dataset.id}=${s.latestRelease?.id ?? 0}`)))) return reply;
    const page = pageOfList(request, summaries, (s) => s.dataset.id, query);
    return { datasets: page.items.map((s) => ({ ...s.dataset, ...{ loaded: loadedState(s) } })), next: linkNextPage(request, reply, page.next) };
  });

  addRoute(app, table, {
    method: "GET", url: "/api/datasets/:id", tag: "datasets",
    summary: "one dataset: its metadata, its catalogue entry and its newest release",
    description: "The titles, unit, frequency and licence are those of the newest release, or with `release` or `asOf` those of the " +
      "release that state was published by (each release records the metadata it brought).",
    params: datasetPath,
    query: z.strictObject({
      release: releaseIdSchema.optional().describe("the metadata of this release of the dataset; not with asOf"),
      asOf: asOfSchema.optional().describe("the metadata as published on this date or instant; not with release"),
    }),
    answers: { 200: { description: "{ dataset, catalogue, releases, latestRelease }", types: json } },
  }, async ({ params, query }, request, reply) => {
    const id = params.id as DatasetId;
    if (query.asOf !== undefined && query.release !== undefined) throw new UsageError("query parameters asOf and release exclude each other: give one");
    const releases = await store.listReleases(id);
    const latest = releases[releases.length - 1] ?? null;
    if (answerFromCache(request, reply, entityTag(request.url, [latest?.id ?? 0]))) return reply;
    const dataset = await store.getDataset(id, {
      ...(query.release === undefined ? {} : { release: Number(query.release) as ReleaseId }),
      ...(query.asOf === undefined ? {} : { asOf: normaliseAsOf(query.asOf) as string }),
    });
    return { dataset, catalogue: effects.catalogue.find((e) => e.id === id) ?? null, releases: releases.length, latestRelease: latest };
  });

  addRoute(app, table, {
    method: "GET", url: "/api/datasets/:id/releases", tag: "datasets",
    summary: "the releases (vintages) of one dataset, oldest first: when retrieved, the publisher's update date, checksum, counts",
    description: pagingDescription,
    params: datasetPath, query: z.strictObject({ ...pagingParameters }),
    answers: { 200: { description: "{ dataset, releases: [...], next }", types: json } },
  }, async ({ params, query }, request, reply) => {
    const releases = await store.listReleases(params.id as DatasetId);
    if (answerFromCache(request, reply, entityTag(request.url, [releases[releases.length - 1]?.id ?? 0]))) return reply;
    const page = pageOfList(request, releases, (r) => String(r.id), query);
    return { dataset: params.id, releases: page.items, next: linkNextPage(request, reply, page.next) };
  });

  addRoute(app, table, {
    method: "GET", url: "/api/datasets/:id/diff", tag: "datasets",
    summary: "what changed between two releases of a dataset: observations added, removed, or with another value or flags",
    description: "Both releases must belong to the dataset (404 otherwise). The answer depends only on the two releases, so it never changes. " +
      `Sorted by series key, then period. ${pagingDescription} Cut in the store and streamed.`,
    params: datasetPath,
    query: z.strictObject({
      from: releaseIdSchema.describe("the earlier release id"),
      to: releaseIdSchema.describe("the later release id"),
      ...pagingParameters,
    }),
    answers: { 200: { description: "{ dataset, from, to, limit, next, changes: [{series, period, change, before, after}] }", types: json } },
  }, async ({ params, query }, request, reply) => {
    const id = params.id as DatasetId;
    const from = Number(query.from) as ReleaseId;
    const to = Number(query.to) as ReleaseId;
    checkDiffReleases(from, to, { from: "query parameter from", to: "to" });
    await releases.latestReleaseId(id);
    if (answerFromCache(request, reply, entityTag(request.url, [from, to]))) return reply;
    const cursor = query.cursor === undefined ? null : decodeCursor(request, query.cursor, changeCursor);
    const limit = pageLimit(query.limit);
    const page = await store.diffPage(id, from, to, { limit, ...(cursor === null ? {} : { after: { series: cursor.series as SeriesKey, period: cursor.period as Period } }) });
    const next = linkNextPage(request, reply, page.next === null ? null : encodeCursor(request, { series: page.next.series, period: page.next.period }));
    return reply.type("application/json; charset=utf-8").send(jsonRowStream({ dataset: id, from, to, limit, next }, "changes", page.changes));
  });
}
