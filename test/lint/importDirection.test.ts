// The import-direction rule itself (eslint/import-direction.js), run through ESLint with the project's config on
// planted sources: a back edge, a file in a folder the rule does not list, a package of another layer, web taking
// server code; and the allowed cases beside each, so a rule that reports everything fails too.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { describe, it } from "node:test";
import { ESLint } from "eslint";
import { allowedImports } from "../../eslint/import-direction.js";

const eslint = new ESLint({ cwd: process.cwd() });

/** The import-direction messages for `source` linted as if it were the file `filePath`. */
async function lint(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const probe = 1;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "migmon/import-direction").map((m) => m.message);
}

describe("import-direction rule", () => {
  it("allowedImports lists every folder of src/ and no folder that does not exist", () => {
    const folders = readdirSync("src", { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    const listed = Object.keys(allowedImports).filter((a) => !a.includes("/")).sort();
    assert.deepEqual(listed, folders);
  });

  it("a planted back edge (core importing analysis, analysis importing store) fails; analysis importing core passes", async () => {
    assert.match((await lint("src/core/probe.ts", 'import type {} from "../analysis/ols.ts";'))[0] ?? "", /^core\/ may not import analysis\//);
    assert.match((await lint("src/analysis/probe.ts", 'import { x } from "../store/store.ts";'))[0] ?? "", /^analysis\/ may not import store\//);
    assert.deepEqual(await lint("src/analysis/probe.ts", 'import type {} from "../core/index.ts";'), []);
  });

  it("a file in a folder the rule does not list fails, and so does an import of one", async () => {
    assert.match((await lint("src/newarea/probe.ts", ""))[0] ?? "", /^src\/newarea\/ is not an area of the import-direction rule/);
    assert.match((await lint("src/probe.ts", ""))[0] ?? "", /^src\/probe\.ts is not an area/);
    assert.match((await lint("src/cli/probe.ts", 'import type {} from "../newarea/x.ts";'))[0] ?? "", /^cli\/ imports src\/newarea, which is not an area/);
  });

  it("a storage driver outside store, an HTTP server library outside server and an HTTP client outside ingest's fetch fail", async () => {
    assert.match((await lint("src/analysis/probe.ts", 'import { DuckDBInstance } from "@duckdb/node-api";'))[0] ?? "", /^analysis\/ may not import @duckdb\/node-api, a storage driver/);
    assert.match((await lint("src/indicators/probe.ts", 'import pg from "pg";'))[0] ?? "", /a storage driver/);
    assert.match((await lint("src/cli/probe.ts", 'import Fastify from "fastify";'))[0] ?? "", /^cli\/ may not import fastify, an HTTP server library/);
    assert.match((await lint("src/ingest/pipeline2.ts", 'import { request } from "undici";'))[0] ?? "", /an HTTP client/);
    assert.match((await lint("src/indicators/probe.ts", 'import https from "node:https";'))[0] ?? "", /node's HTTP/);
    assert.deepEqual(await lint("src/store/probe.ts", 'import { DuckDBInstance } from "@duckdb/node-api";'), []);
    assert.deepEqual(await lint("src/server/probe.ts", 'import Fastify from "fastify";'), []);
    assert.deepEqual(await lint("src/ingest/sources/eurostat/fetch.ts", 'import { request } from "undici";'), []);
  });

  it("web takes only `import type` from server", async () => {
    assert.match((await lint("src/web/probe.ts", 'import { buildApp } from "../server/app.ts";'))[0] ?? "", /^web\/ may take only types from server\//);
    assert.match((await lint("src/web/probe.ts", 'import { type RouteSpec, addRoute } from "../server/routeTable.ts";'))[0] ?? "", /only types/);
    assert.deepEqual(await lint("src/web/probe.ts", 'import type { RouteSpec } from "../server/routeTable.ts";'), []);
    assert.deepEqual(await lint("src/web/probe.ts", 'import { type RouteSpec } from "../server/routeTable.ts";'), []);
  });
});
