// The register and geography routes: events filtered as the CLI filters them, one event, the events of a series,
// the units valid on a date and the boundary layers, checked against the YAML, REFNIS and TopoJSON files read directly.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { parse as parseYaml } from "yaml";
import { startApi } from "./apiFixture.ts";
import { sharedData } from "../shared-data.ts";

type Api = Awaited<ReturnType<typeof startApi>>;
let api: Api;
before(async () => { api = await startApi(); });
after(async () => { await api.close(); });

const get = (url: string) => api.app.inject({ method: "GET", url });

interface YamlEvent { id: string; inForce: string; level: string; kind: string; indicators: string[]; geography: string[] }
const eventsDir = fileURLToPath(new URL("../../data/events/", import.meta.url));
const yamlEvents = (): YamlEvent[] => readdirSync(eventsDir).filter((n) => n.endsWith(".yaml"))
  .flatMap((n) => (parseYaml(readFileSync(path.join(eventsDir, n), "utf8")) ?? []) as YamlEvent[]);

describe("events routes", () => {
  test("GET /api/events?level=federal&from=2010 gives the federal events in force from 2010 on, as the YAML lists them", async () => {
    const body = (await get("/api/events?level=federal&from=2010")).json() as { events: YamlEvent[] };
    const expected = yamlEvents().filter((e) => e.level === "federal" && e.inForce.slice(0, 4) >= "2010").map((e) => e.id).sort();
    assert.ok(expected.length > 0);
    assert.deepEqual(body.events.map((e) => e.id).sort(), expected);
  });

  test("GET /api/events without filters gives every event of the register", async () => {
    const body = (await get("/api/events")).json() as { events: YamlEvent[] };
    assert.equal(body.events.length, yamlEvents().length);
  });

  test("GET /api/events/{id} gives one event; 404 for an unknown id, 400 for a malformed one", async () => {
    const first = yamlEvents()[0] as YamlEvent;
    const r = await get(`/api/events/${first.id}`);
    assert.equal(r.statusCode, 200);
    assert.equal((r.json() as YamlEvent).inForce, first.inForce);
    const missing = await get("/api/events/federal-1999-no-such-event");
    assert.equal(missing.statusCode, 404);
    assert.match(missing.json().error, /no event "federal-1999-no-such-event" in the register/);
    const bad = await get("/api/events/Not_An_Id");
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error, /^path parameter id: must be an event id/);
  });

  test("GET /api/events/for?indicator=net-migration&geo=BE2 gives the events naming the indicator for the EU, Belgium or Flanders, by date", async () => {
    const body = (await get("/api/events/for?indicator=net-migration&geo=BE2&lang=nl")).json() as { marks: { id: string; date: string; label: string }[]; events: YamlEvent[] };
    const expected = yamlEvents().filter((e) => e.indicators.includes("net-migration") && e.geography.some((g) => g === "EU" || g === "BE" || g === "BE2"));
    assert.ok(expected.length > 0);
    assert.deepEqual(body.marks.map((m) => m.id).sort(), expected.map((e) => e.id).sort());
    const dates = body.marks.map((m) => m.date);
    assert.deepEqual(dates, [...dates].sort());
    const one = (parseYaml(readFileSync(path.join(eventsDir, "eu.yaml"), "utf8")) as (YamlEvent & { title: { nl: string } })[]).find((e) => e.id === body.marks[0]?.id);
    if (one !== undefined) assert.equal(body.marks[0]?.label, one.title.nl);
  });

  test("events routes answer 400 naming the parameter for a bad filter", async () => {
    const cases: [string, RegExp][] = [
      ["/api/events?level=city", /^query parameter level: must be one of EU, federal/],
      ["/api/events?area=food", /^query parameter area: must be one of /],
      ["/api/events?kind=rumour", /^query parameter kind: must be one of policy, context, statistical/],
      ["/api/events?from=2010-13", /^query parameter from: must be a date YYYY, YYYY-MM or YYYY-MM-DD/],
      ["/api/events?from=2015&to=2010", /^query parameter from \(2015\) must not be after to \(2010\)$/],
      ["/api/events/for?geo=BE2", /^query parameter indicator is required$/],
      ["/api/events/for?indicator=Net_Migration&geo=BE2", /^query parameter indicator: must be an indicator id/],
      ["/api/events/for?indicator=net-migration&geo=B%20E", /^query parameter geo: must be a geography code/],
      ["/api/events/for?indicator=net-migration&geo=BE2&lang=de", /^query parameter lang: must be nl, fr or en/],
    ];
    for (const [url, message] of cases) {
      const r = await get(url);
      assert.equal(r.statusCode, 400, url);
      assert.match(r.json().error, message, url);
    }
  });
});

describe("geography routes", () => {
  test("GET /api/geography/units?date=2019-01-01 gives the 581 municipalities of REFNIS 2019, 43 arrondissements, 10 provinces, 3 regions", async () => {
    const body = (await get("/api/geography/units?date=2019-01-01")).json() as { units: { code: string; level: string; parent: string | null; nuts2021: string | null }[] };
    const count = (level: string) => body.units.filter((u) => u.level === level).length;
    // REFNIS 2019: five-digit codes not ending in 000 are municipalities, except the two Brabant provinces (20001, 20002).
    const refnis = readFileSync(sharedData("statbel/REFNIS_2019.csv"), "utf8").split("\n").slice(1).map((l) => l.split(";"));
    const municipalities = refnis.filter((r) => /^\d{5}$/.test(r[0] ?? "") && !(r[0] ?? "").endsWith("000") && !(r[1] ?? "").startsWith("Province")).map((r) => r[0] as string);
    assert.equal(municipalities.length, 581);
    assert.deepEqual(body.units.filter((u) => u.level === "municipality").map((u) => u.code).sort(), municipalities.sort());
    assert.deepEqual([count("arrondissement"), count("province"), count("region"), count("country")], [43, 10, 3, 1]);
    const antwerp = body.units.find((u) => u.code === "11002");
    assert.deepEqual([antwerp?.parent, antwerp?.nuts2021], ["11000", "BE211"]);
  });

  test("GET /api/geography/units?date=2015-06-30&level=municipality gives the 589 municipalities before the 2019 mergers; bad date or level is a 400", async () => {
    const body = (await get("/api/geography/units?date=2015-06-30&level=municipality")).json() as { units: unknown[] };
    assert.equal(body.units.length, 589);
    for (const [url, message] of [["/api/geography/units?date=2019-02-30", /^query parameter date: must be a date YYYY-MM-DD/], ["/api/geography/units?level=city", /^query parameter level: must be one of country, region/]] as const) {
      const r = await get(url);
      assert.equal(r.statusCode, 400, url);
      assert.match(r.json().error, message);
    }
  });

  test("GET /api/geography/boundaries/provinces is the TopoJSON topology with the provinces object only, as in the mirror file", async () => {
    const r = await get("/api/geography/boundaries/provinces");
    assert.equal(r.statusCode, 200);
    const topology = r.json() as { type: string; objects: Record<string, { geometries: unknown[] }>; arcs: unknown[] };
    const original = JSON.parse(readFileSync(sharedData("geo/belgium_municipalities_2019_581.topojson"), "utf8")) as typeof topology;
    assert.equal(topology.type, "Topology");
    assert.deepEqual(Object.keys(topology.objects), ["provinces"]);
    assert.deepEqual(topology.objects.provinces, original.objects.provinces);
    assert.equal(topology.arcs.length, original.arcs.length);
  });

  test("GET /api/geography/boundaries/nuts2?format=geojson gives 334 features keyed by NUTS id; an unknown layer or format is a 400", async () => {
    const r = await get("/api/geography/boundaries/nuts2?format=geojson");
    assert.match(String(r.headers["content-type"]), /^application\/geo\+json/);
    const collection = r.json() as { type: string; features: { properties: { code: string } }[] };
    assert.equal(collection.type, "FeatureCollection");
    assert.equal(collection.features.length, 334);
    assert.ok(collection.features.some((f) => f.properties.code === "BE31"));
    const layer = await get("/api/geography/boundaries/communes");
    assert.equal(layer.statusCode, 400);
    assert.match(layer.json().error, /^path parameter layer: must be one of municipalities, arrondissements, provinces, nuts0/);
    const format = await get("/api/geography/boundaries/nuts2?format=shp");
    assert.equal(format.statusCode, 400);
    assert.match(format.json().error, /^query parameter format: must be topojson or geojson/);
  });
});
