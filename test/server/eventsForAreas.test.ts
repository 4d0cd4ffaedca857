// GET /api/events/for-areas: the events of one indicator in any of several areas in one request, equal to the
// union of GET /api/events/for over the areas (the explorer's chart of a comparison set asks it once).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startApi } from "./apiFixture.ts";

type Api = Awaited<ReturnType<typeof startApi>>;
let api: Api;
before(async () => { api = await startApi(); });
after(async () => { await api.close(); });

const get = (url: string) => api.app.inject({ method: "GET", url });
interface Answer { marks: { id: string; date: string }[]; events: { id: string; inForce: string }[]; geo: string[] }

test("GET /api/events/for-areas?indicator=first_permits&geo=BE2,BE,NL,EU27_2020 is the union of /api/events/for per area, each event once, by date", async () => {
  const geos = ["BE2", "BE", "NL", "EU27_2020"];
  const union = new Set<string>();
  for (const geo of geos) {
    const one = (await get(`/api/events/for?indicator=first_permits&geo=${geo}`)).json() as Answer;
    for (const e of one.events) union.add(e.id);
  }
  assert.ok(union.size > 1, "the register has events for first permits");
  const r = await get(`/api/events/for-areas?indicator=first_permits&geo=${geos.join(",")}&lang=fr`);
  assert.equal(r.statusCode, 200);
  const body = r.json() as Answer;
  assert.deepEqual(body.geo, geos);
  assert.deepEqual(body.events.map((e) => e.id).sort(), [...union].sort());
  assert.equal(new Set(body.events.map((e) => e.id)).size, body.events.length, "each event once");
  const dates = body.events.map((e) => e.inForce);
  assert.deepEqual(dates, [...dates].sort());
  assert.deepEqual(body.marks.map((m) => m.id), body.events.map((e) => e.id));
});

test("GET /api/events/for-areas refuses a bad geography list with a 400 naming the parameter", async () => {
  for (const geo of ["BE2,,NL", "BE2;NL", Array.from({ length: 51 }, (_, i) => `A${i}`).join(",")]) {
    const r = await get(`/api/events/for-areas?indicator=first_permits&geo=${encodeURIComponent(geo)}`);
    assert.equal(r.statusCode, 400, geo);
    assert.match(r.json().error, /^query parameter geo: must be 1 to 50 geography codes/);
  }
});
