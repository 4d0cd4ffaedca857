import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { parse as parseYaml } from "yaml";
import type { FastifyInstance } from "fastify";
import { fileURLToPath } from "node:url";
import { belgianGeography } from "../../src/reference/geography.ts";
import { buildApp } from "../../src/server/app.ts";
import type { Store } from "../../src/store/store.ts";
import { makeImpactStore } from "./impactStore.ts";

interface Answer { years: number[]; areas: { code: string; year: number; quantities: { name: string; value: number; lower: number; upper: number; assumption: boolean }[] }[]; reception: unknown[]; parameters: unknown[] }
const step = (a: Answer, code: string, year: number, name: string) => a.areas.find((x) => x.code === code && x.year === year)!.quantities.find((q) => q.name === name)!;

describe("GET/POST /api/impact over the real files", () => {
  let api: { app: FastifyInstance };
  let impactStore: { store: Store; remove: () => Promise<void> };
  before(async () => {
    impactStore = await makeImpactStore();
    // Only what the impact routes read: the store, the register and the geography (no catalogues, read-only).
    const app = buildApp({
      store: impactStore.store, catalogue: [], indicators: [],
      eventsDir: fileURLToPath(new URL("../../data/events/", import.meta.url)),
      geography: belgianGeography(), mirrorDir: null,
      logger: { info: () => undefined, error: () => undefined },
      now: () => new Date("2026-12-07T00:00:00Z"), adminToken: undefined,
      update: async () => { throw new Error("no update in this test"); },
    });
    await app.ready();
    api = { app };
  });
  after(async () => {
    await api.app.close();
    await impactStore.remove();
  });

  it("GET /api/impact?scenario=tp-wave-2026&geo=02000,44021 answers every step for both areas and three years, with reception places", async () => {
    const res = await api.app.inject({ method: "GET", url: "/api/impact?scenario=tp-wave-2026&geo=02000,44021" });
    assert.equal(res.statusCode, 200, res.body);
    const a = res.json() as Answer;
    assert.deepEqual(a.years, [2026, 2027, 2028]);
    assert.equal(a.areas.length, 6);
    assert.equal(a.areas[0]!.quantities.length, 8);
    assert.equal(a.reception.length, 3);
    const ghent = step(a, "44021", 2026, "inflow");
    assert.ok(ghent.value > 0 && ghent.lower <= ghent.value && ghent.value <= ghent.upper);
  });

  it("POST /api/impact with the baseline scenario times 2 for third-country nationals doubles the obliged and leaves EU arrivals as they are (their entitled part)", async () => {
    const baseline = parseYaml(readFileSync(new URL("../../data/impact/scenarios/baseline.yaml", import.meta.url), "utf8")) as Record<string, unknown>;
    const doubled = { ...baseline, id: "baseline-doubled", multipliers: [{ group: "third-country", from: 2026, to: 2028, factor: 2, note: "test" }] };
    const get = (await api.app.inject({ method: "GET", url: "/api/impact?scenario=baseline&geo=02000&horizon=1" })).json() as Answer;
    const res = await api.app.inject({ method: "POST", url: "/api/impact?geo=02000&horizon=1", payload: doubled });
    assert.equal(res.statusCode, 200, res.body);
    const post = res.json() as Answer;
    const obliged = (x: Answer) => step(x, "02000", 2026, "obliged").value;
    assert.ok(Math.abs(obliged(post) - 2 * obliged(get)) < 1e-6 * obliged(get), `${obliged(post)} vs 2 x ${obliged(get)}`);
    // The EU part is not multiplied: the entitled EU citizens stay, so the entitled grow by less than double.
    const entitled = (x: Answer) => step(x, "02000", 2026, "entitled").value;
    assert.ok(entitled(post) > entitled(get) && entitled(post) < 2 * entitled(get));
  });

  it("POST /api/impact with a share above 1 or GET with geo and level is a 400 naming the problem", async () => {
    const baseline = parseYaml(readFileSync(new URL("../../data/impact/scenarios/baseline.yaml", import.meta.url), "utf8")) as { parameters: Record<string, Record<string, unknown>> };
    baseline.parameters.takeUpObliged!.value = 1.2;
    const bad = await api.app.inject({ method: "POST", url: "/api/impact", payload: baseline });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /takeUpObliged/);
    const both = await api.app.inject({ method: "GET", url: "/api/impact?scenario=baseline&geo=02000&level=region" });
    assert.equal(both.statusCode, 400);
  });

  it("GET /api/impact/rules and /api/impact/scenarios list the curated rules and scenarios; the OpenAPI document has the routes", async () => {
    const rules = (await api.app.inject({ method: "GET", url: "/api/impact/rules" })).json() as { rules: { id: string; event: string }[] };
    assert.ok(rules.rules.some((r) => r.id === "flanders-civic-integration-2022" && r.event === "flemish-2022-civic-integration-reform"));
    const scenarios = (await api.app.inject({ method: "GET", url: "/api/impact/scenarios" })).json() as { scenarios: { id: string }[] };
    assert.deepEqual(scenarios.scenarios.map((s) => s.id), ["baseline", "tp-wave-2026", "tp-wave-2026-obliged"]);
    const doc = (await api.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as { paths: Record<string, unknown> };
    for (const p of ["/api/impact", "/api/impact/rules", "/api/impact/scenarios"]) assert.ok(p in doc.paths, p);
  });
});
