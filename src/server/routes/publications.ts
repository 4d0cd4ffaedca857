// The publications through the API: GET /api/publications lists what can be generated (kinds, groups, fact sheets,
// languages); GET /api/publications/{kind} generates one document from the store (the same code as `migmon report`)
// and answers its HTML, with every figure linked to the query that returns it. A municipal profile is one document
// (`geo`); all 589 are a batch for `migmon report profile --all`.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { UsageError } from "../../core/index.ts";
import { loadRegister } from "../../events/register.ts";
import { AreaNames } from "../../publications/areaNames.ts";
import { FigureReader } from "../../publications/figureSource.ts";
import { generateReports, plannedDocuments } from "../../publications/generateReports.ts";
import type { ReportEnvironment } from "../../publications/generateReports.ts";
import { loadPublicationData } from "../../publications/publicationFiles.ts";
import type { LatestRelease } from "../../publications/sourceCatalogue.ts";
import { publicationKinds } from "../../publications/templateSchema.ts";
import { loadBoundaries } from "../../reference/boundaries.ts";
import { answerFromCache, entityTag } from "../caching.ts";
import type { ServerEffects } from "../effects.ts";
import { asOfSchema, languageSchema, normaliseAsOf } from "../parameters.ts";
import type { ReleaseState } from "../releaseState.ts";
import { addRoute, noParameters } from "../routeTable.ts";
import type { RouteTable } from "../routeTable.ts";

const kindPath = z.strictObject({ kind: z.enum(publicationKinds, `must be one of ${publicationKinds.join(", ")}`).describe("the publication kind") });
const documentQuery = z.strictObject({
  lang: languageSchema.optional(),
  geo: z.string().regex(/^\d{5}$/, "must be a municipality's REFNIS code such as 11002").optional().describe("profile: the municipality"),
  group: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be a group id such as southern-europe").optional().describe("group: a group of data/publications/groups.yaml"),
  factsheet: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be a template id such as women").optional().describe("factsheet: its template (default women)"),
  asOf: asOfSchema.optional(),
});

/** Registers GET /api/publications and GET /api/publications/{kind}. */
export function registerPublicationRoutes(app: FastifyInstance, table: RouteTable, effects: ServerEffects, releases: ReleaseState): void {
  const data = loadPublicationData();

  addRoute(app, table, {
    method: "GET", url: "/api/publications", tag: "publications",
    summary: "the publications that can be generated: kinds, fact sheets, country groups and languages, with the path of each",
    params: noParameters, query: noParameters,
    answers: { 200: { description: "{ kinds, factsheets, groups, languages, paths }", types: ["application/json"] } },
  }, async () => ({
    kinds: publicationKinds, factsheets: ["women"], groups: data.groups.map((g) => ({ id: g.id, title: g.title, members: g.members })), languages: ["nl", "fr", "en"],
    paths: ["/api/publications/monitor?lang=nl", "/api/publications/factsheet?factsheet=women&lang=nl", "/api/publications/profile?geo=11002&lang=nl", "/api/publications/group?group=southern-europe&lang=nl", "/api/publications/catalogue?lang=nl"],
  }));

  addRoute(app, table, {
    method: "GET", url: "/api/publications/:kind", tag: "publications",
    summary: "one publication generated from the store as HTML: the monitor report, a fact sheet, a municipal profile (geo), a group profile (group) or the source catalogue",
    description: "Every sentence, table and figure links to the indicator query that returns its figures, at the releases named in the annex.",
    params: kindPath, query: documentQuery,
    answers: { 200: { description: "the publication as one HTML document", types: ["text/html"] } },
  }, async ({ params, query }, request, reply) => {
    const summaries = await releases.datasets();
    const asOf = normaliseAsOf(query.asOf) ?? null;
    if (answerFromCache(request, reply, entityTag(request.url, summaries.map((s) => `${s.dataset.id}=${s.latestRelease?.id ?? 0}`)))) return reply;
    const latest = new Map<string, LatestRelease>(summaries.flatMap((s) => (s.latestRelease === null ? [] : [[s.dataset.id as string, { release: Number(s.latestRelease.id), retrievedAt: s.latestRelease.retrievedAt, sourceUpdatedAt: s.latestRelease.sourceUpdatedAt }] as const])));
    const ctx = { store: effects.store, catalogue: effects.indicators, geography: effects.geography };
    const base = `${request.protocol}://${request.host}`;
    const env: ReportEnvironment = {
      reader: new FigureReader(ctx, asOf), register: loadRegister(effects.eventsDir),
      series: { store: effects.store, indicators: effects.indicators, datasets: effects.catalogue, geography: effects.geography },
      commentary: data.commentary,
      shapes: (layer) => (effects.mirrorDir === null ? [] : [...loadBoundaries(effects.mirrorDir, layer).values()]),
      data, names: new AreaNames(data.areas, effects.geography), indicators: effects.indicators, sources: effects.catalogue, latest, apiBase: base,
    };
    const request2 = { kind: params.kind, lang: query.lang ?? "en", ...(query.geo === undefined ? {} : { geo: query.geo }), ...(query.group === undefined ? {} : { group: query.group }), ...(query.factsheet === undefined ? {} : { factsheet: query.factsheet }) };
    if (params.kind === "profile" && query.geo === undefined) throw new UsageError("query parameter geo: a profile needs the municipality's REFNIS code (all profiles: `migmon report profile --all`)");
    const names = await plannedDocuments(request2, env);
    for await (const doc of generateReports(request2, env, names)) return reply.type("text/html; charset=utf-8").send(doc.html);
    throw new UsageError(`no ${params.kind} publication for these parameters`);
  });
}
