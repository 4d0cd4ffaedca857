// The OpenAPI document against the routes fastify serves and the zod schemas that validate them, and
// `migmon serve` listening on 127.0.0.1.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { after, before, describe, test } from "node:test";
import { z } from "zod";
import { buildProgram } from "../../src/cli/main.ts";
import { parsePort, startServer } from "../../src/cli/commands/serve.ts";
import { analysisMethods } from "../../src/analysis/methods/registry.ts";
import { observationQuerySchema } from "../../src/server/routes/observations.ts";
import { buildStore, startApi } from "./apiFixture.ts";
import { sharedDataDir } from "../shared-data.ts";

type Api = Awaited<ReturnType<typeof startApi>>;

describe("GET /api/openapi.json", () => {
  let api: Api;
  before(async () => { api = await startApi(); });
  after(async () => { await api.close(); });

  test("GET /api/openapi.json documents every route fastify serves under /api, and only those", async () => {
    const doc = (await api.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    assert.equal(doc.openapi, "3.1.0");
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)).sort();
    const expected = [
      "GET /api/sources", "GET /api/datasets", "GET /api/datasets/{id}", "GET /api/datasets/{id}/releases", "GET /api/datasets/{id}/diff",
      "GET /api/datasets/{id}/observations", "GET /api/events", "GET /api/events/for", "GET /api/events/for-areas", "GET /api/events/{id}", "POST /api/events",
      "GET /api/indicators", "GET /api/indicators/{id}", "GET /api/indicators/{id}/data",
      "GET /api/geography/units", "GET /api/geography/boundaries/{layer}",
      ...["assess", ...analysisMethods.map((m) => m.name)].map((m) => `GET /api/analysis/${m}`),
      "GET /api/publications", "GET /api/publications/{kind}",
      "GET /api/impact", "POST /api/impact", "GET /api/impact/rules", "GET /api/impact/scenarios",
      "POST /api/update", "GET /api/openapi.json",
    ].sort();
    assert.deepEqual(documented, expected);
    for (const route of expected) {
      const [method, p] = route.split(" ") as [string, string];
      assert.ok(api.app.hasRoute({ method, url: p.replace(/\{(\w+)\}/g, ":$1") }), route);
    }
  });

  test("the observations parameters in the document are the JSON Schema of the zod schema that validates them", async () => {
    const doc = (await api.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as { paths: Record<string, { get: { parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown>; description?: string; explode?: boolean }[] } }> };
    const parameters = doc.paths["/api/datasets/{id}/observations"]?.get.parameters ?? [];
    const zodJson = z.toJSONSchema(observationQuerySchema, { io: "input" }) as { properties: Record<string, Record<string, unknown>> };
    for (const [name, property] of Object.entries(zodJson.properties)) {
      const { description, ...schema } = property;
      const documented = parameters.find((p) => p.name === name && p.in === "query");
      assert.deepEqual(documented?.schema, schema, name);
      assert.equal(documented?.description, description, name);
      assert.equal(documented?.required, false, name);
    }
    assert.deepEqual(parameters.find((p) => p.name === "format")?.schema, { type: "string", enum: ["json", "csv"] });
    assert.equal(parameters.find((p) => p.name === "where")?.explode, true);
    assert.deepEqual(parameters.find((p) => p.in === "path"), { name: "id", in: "path", required: true, description: "dataset id <publisher>:<code>, as listed by /api/datasets", schema: { type: "string", pattern: "^[a-z]+:[a-z0-9_]+$" } });
  });

  test("writes are documented with the bearer scheme and their request body", async () => {
    const doc = (await api.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as { paths: Record<string, { post?: { security?: unknown; requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> }; responses: Record<string, unknown> } }>; components: { securitySchemes: Record<string, { scheme: string }> } };
    const post = doc.paths["/api/events"]?.post;
    assert.deepEqual(post?.security, [{ adminToken: [] }]);
    assert.ok(Object.keys(post?.requestBody?.content["application/json"]?.schema.properties ?? {}).includes("inForce"));
    assert.deepEqual(Object.keys(post?.responses ?? {}).sort(), ["201", "400", "401", "403", "413", "415", "422", "429"]);
    assert.equal(doc.components.securitySchemes.adminToken?.scheme, "bearer");
  });
});

describe("migmon serve", () => {
  test("startServer(context, {port: 0, host: 127.0.0.1}) serves the store over HTTP with ETag and closes", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "migmon-serve-"));
    try {
      const { store } = await buildStore(dir);
      await store.close();
      const stderr = new PassThrough();
      const context = { stdout: new PassThrough(), stderr, env: { MIGMON_DB: path.join(dir, "api.duckdb"), MIGMON_OFFLINE_DIR: sharedDataDir }, cwd: dir };
      const server = await startServer(context, { port: 0, host: "127.0.0.1" });
      try {
        assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
        assert.equal(server.readOnly, true);
        const r = await fetch(`${server.url}/api/datasets/eurostat:teina200/observations?where=geo:BE&where=unit:PC_GDP&from=2014`);
        assert.equal(r.status, 200);
        assert.ok(r.headers.get("etag"));
        const body = await r.json() as { observations: { series: string; period: string; value: number }[] };
        // teina200.tsv, row PC_GDP,BE, column 2014: -3.1.
        assert.deepEqual(body.observations.map((o) => [o.series, o.period, o.value]), [["PC_GDP.BE", "2014", -3.1]]);
        const write = await fetch(`${server.url}/api/update`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
        assert.equal(write.status, 403);
      } finally {
        await server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("startServer on an empty store first loads the offline copies the offline folder holds, so it serves real data", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "migmon-serve-fresh-"));
    try {
      // An offline folder laid out like the mirror holding two of the catalogue's files (links to the real ones).
      mkdirSync(path.join(dir, "offline", "eurostat", "bulk-tsv"), { recursive: true });
      for (const name of ["teina200.tsv", "tsdde410.tsv"]) symlinkSync(path.join(sharedDataDir, "eurostat", "bulk-tsv", name), path.join(dir, "offline", "eurostat", "bulk-tsv", name));
      const stderr = new PassThrough();
      const lines: string[] = [];
      stderr.on("data", (chunk: Buffer) => lines.push(chunk.toString()));
      const context = { stdout: new PassThrough(), stderr, env: { MIGMON_DB: path.join(dir, "fresh.duckdb"), MIGMON_OFFLINE_DIR: path.join(dir, "offline"), MIGMON_ADMIN_TOKEN: "t0ken" }, cwd: dir };
      const server = await startServer(context, { port: 0, host: "127.0.0.1" });
      try {
        assert.equal(server.readOnly, false);
        const body = await (await fetch(`${server.url}/api/datasets`)).json() as { datasets: { id: string }[] };
        assert.deepEqual(body.datasets.map((d) => d.id), ["eurostat:teina200", "eurostat:tsdde410"]);
        assert.match(lines.join(""), /is empty: loading the offline copies/);
        const update = await fetch(`${server.url}/api/update`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer t0ken" }, body: JSON.stringify({ only: ["eurostat:teina200"] }) });
        assert.equal(update.status, 200);
        assert.deepEqual(((await update.json()) as { outcomes: { status: string }[] }).outcomes.map((o) => o.status), ["unchanged"]);
      } finally {
        await server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("parsePort(text) accepts 0 to 65535 and refuses anything else with a usage error", () => {
    assert.equal(parsePort("0"), 0);
    assert.equal(parsePort("8080"), 8080);
    for (const bad of ["65536", "-1", "80a", ""]) assert.throws(() => parsePort(bad), /--port must be a whole number from 0 to 65535/);
  });

  test("migmon --help lists serve with --port and --host", async () => {
    const context = { stdout: new PassThrough(), stderr: new PassThrough(), env: {}, cwd: process.cwd() };
    const serve = (await buildProgram(context)).commands.find((c) => c.name() === "serve");
    assert.ok(serve);
    assert.deepEqual(serve.options.map((o) => o.long), ["--port", "--host", "--workers"]);
  });
});
