// Wrong input on every route never makes the server fail: each route of the OpenAPI document is called with one
// parameter at a time replaced by hostile or random text (fast-check, fixed seed), with unknown and repeated
// parameters and malformed URLs. Every answer must be a 2xx, 304 or 4xx; a 4xx carries a one-line error.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import fc from "fast-check";
import { startApi } from "./apiFixture.ts";

type Api = Awaited<ReturnType<typeof startApi>>;
let api: Api;
before(async () => { api = await startApi("fuzz-token"); });
after(async () => { await api.close(); });

interface Parameter { name: string; in: "path" | "query"; required: boolean }
type Operation = { parameters: Parameter[] };

/** A valid value of each parameter name, so that one wrong parameter is tested at a time. */
const validValues: Record<string, string> = {
  id: "eurostat:demo_r_gind3", dataset: "eurostat:demo_r_gind3", series: "CNMIGRAT.BE", event: "2015", at: "2014",
  indicator: "net-migration", geo: "BE2", layer: "nuts0",
  // the two-series and panel methods: x beside y, and units of demo_r_gind3's Belgian regions
  x: "CNMIGRAT.BE1", units: "CNMIGRAT.BE1,CNMIGRAT.BE2,CNMIGRAT.BE3", treated: "CNMIGRAT.BE1",
  scenario: "baseline",
};
const validPathFor = (path: string, name: string) =>
  (path.startsWith("/api/events/") ? "eu-2004-enlargement" : path.startsWith("/api/indicators/") ? "net_migration_adjusted"
    : path.startsWith("/api/publications/") ? "catalogue" : validValues[name] ?? "x");
/**
 * The valid value of a query parameter on one path: the diff's from and to are release ids (demo_r_gind3 has
 * release 1 only); assess takes a register event and a store series, so no indicator or geo.
 */
function validQueryFor(path: string, name: string): string | undefined {
  if (path.endsWith("/diff") && (name === "from" || name === "to")) return "1";
  // the impact model works on Belgian units by REFNIS code (the Flemish Region is 02000)
  if (path.startsWith("/api/impact") && name === "geo") return "02000";
  // the source catalogue takes no area and no group
  if (path.startsWith("/api/publications/") && (name === "geo" || name === "group")) return undefined;
  if (path.endsWith("/assess")) return name === "event" ? "eu-2004-enlargement" : name === "indicator" || name === "geo" ? undefined : validValues[name];
  return validValues[name];
}

const baselineRefusals: Record<string, { status: number; error: RegExp }> = {
  "/api/analysis/stl": { status: 400, error: /monthly, quarterly or half-yearly/ },
  "/api/impact": { status: 404, error: /statbel:pop_by_municipality_nationality_sex_agegroup/ },
};

const hostile = [
  "", " ", "%00", "\u0000", "\uD83D\uDE42", "../../etc/passwd", "1e309", "-1", "0", "NaN", "null", "undefined", "[]", "{}", "__proto__",
  "constructor", "x".repeat(3000), "2019-Q5", "2019-13", "9999-99-99", "geo:", ":BE", "a:b:c", "eurostat:", "'; DROP TABLE observations; --",
  "CNMIGRAT.BE.X", ".", "..", "2019-02-29", "true", "yes", "%", "\\", "\n", "é",
];

function url(path: string, params: Parameter[], replace: { name: string; value: string } | null, extra = ""): string {
  let p = path;
  const query: string[] = [];
  for (const param of params) {
    const value = replace?.name === param.name ? replace.value : param.in === "path" ? validPathFor(path, param.name) : validQueryFor(path, param.name);
    if (param.in === "path") p = p.replace(`{${param.name}}`, encodeURIComponent(value ?? "x"));
    else if (value !== undefined) query.push(`${param.name}=${encodeURIComponent(value)}`);
  }
  const q = [...query, ...(extra === "" ? [] : [extra])].join("&");
  return q === "" ? p : `${p}?${q}`;
}

async function check(target: string, method: "GET" | "POST" = "GET", payload?: string): Promise<number> {
  const r = await api.app.inject({ method, url: target, ...(payload === undefined ? {} : { payload, headers: { "content-type": "application/json", authorization: "Bearer fuzz-token" } }) });
  assert.ok(r.statusCode < 500, `${method} ${target} answered ${r.statusCode}: ${r.body.slice(0, 300)}`);
  if (r.statusCode >= 400) {
    const body = r.json() as { error: unknown };
    assert.equal(typeof body.error, "string", target);
    assert.ok(!String(body.error).includes("\n"), `${target}: error of more than one line`);
  }
  return r.statusCode;
}

test("every GET route of the OpenAPI document answers wrong, unknown and repeated parameters without a 500", async () => {
  const doc = (await api.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as { paths: Record<string, Record<string, Operation>> };
  const routes = Object.entries(doc.paths).flatMap(([path, ops]) => (ops.get === undefined ? [] : [{ path, params: ops.get.parameters }]));
  assert.ok(routes.length >= 15, `only ${routes.length} GET routes documented`);
  const random = fc.sample(fc.string({ unit: "binary", maxLength: 40 }), { numRuns: 6, seed: 20260115 });
  for (const { path, params } of routes) {
    // The baseline request is valid, so each wrong parameter below is the only thing wrong. Two routes need data the
    // fixture store does not hold (STL a seasonal series, the impact model Statbel's municipal population): their
    // baseline is the one-line refusal that says so.
    const refusal = baselineRefusals[path];
    if (refusal !== undefined) {
      const r = await api.app.inject({ method: "GET", url: url(path, params, null) });
      assert.equal(r.statusCode, refusal.status, path);
      assert.match((r.json() as { error: string }).error, refusal.error);
    } else {
      assert.equal(await check(url(path, params, null)), 200, url(path, params, null));
    }
    await check(url(path, params, null, "unknownParameter=1"));
    await check(url(path, params, null, "__proto__=1&constructor=2"));
    for (const param of params) {
      for (const value of [...hostile, ...random]) await check(url(path, params, { name: param.name, value }));
      if (param.in === "query") {
        const valid = validQueryFor(path, param.name) ?? "1";
        await check(url(path, params, null, `${param.name}=${encodeURIComponent(valid)}&${param.name}=${encodeURIComponent(valid)}`));
        await check(url(path, params.filter((p) => p.name !== param.name), null));
      }
    }
  }
});

test("malformed URLs and bodies answer 4xx, never 500", async () => {
  for (const target of [
    "/api/datasets/%E0%A4%A", "/api/events?from=%ZZ", "/api/datasets/eurostat:demo_r_gind3/observations?where=%", `/api/sources?${"a=1&".repeat(2000)}`,
    `/api/datasets/${"x".repeat(500)}`, "/api/analysis/", "/api/analysis/pelt/extra", "/api//datasets", "/api/datasets/eurostat:demo_r_gind3/observations?where[geo]=BE",
  ]) await check(target);
  for (const payload of ["", "null", "[]", "1", "\"text\"", "{\"only\": null}", "{\"only\": [1]}", "{\"__proto__\": {\"x\": 1}}", "{".repeat(1000)]) {
    await check("/api/events", "POST", payload);
    await check("/api/update", "POST", payload);
  }
});
