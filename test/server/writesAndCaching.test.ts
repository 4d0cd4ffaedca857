// The token rule of the writes (POST /api/events, POST /api/update), their validation and log lines, and the
// cache headers of the reads: ETag from the release ids, 304 on If-None-Match, a new tag after a new release.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { parse as parseYaml } from "yaml";
import { startApi } from "./apiFixture.ts";

type Api = Awaited<ReturnType<typeof startApi>>;

const newEvent = {
  id: "flemish-2026-test-integration-decree",
  kind: "policy",
  inForce: "2026-01-01",
  level: "flemish",
  area: "integration",
  targetGroup: "all-migrants",
  direction: 1,
  directionReason: "An obligation added for newcomers.",
  title: { nl: "Testdecreet inburgering", fr: "Décret test intégration", en: "Test integration decree" },
  summary: { nl: "Een testgebeurtenis.", fr: "Un événement de test.", en: "A test event." },
  sources: ["https://example.org/decree"],
  checked: false,
  indicators: ["net-migration"],
  geography: ["BE2"],
};

describe("writes without MIGMON_ADMIN_TOKEN", () => {
  let api: Api;
  before(async () => { api = await startApi(undefined); });
  after(async () => { await api.close(); });

  test("POST /api/events and POST /api/update are 403 on a read-only server, even with a token, and are logged", async () => {
    for (const [url, payload] of [["/api/events", newEvent], ["/api/update", {}]] as const) {
      const r = await api.app.inject({ method: "POST", url, payload, headers: { authorization: "Bearer anything" } });
      assert.equal(r.statusCode, 403, url);
      assert.match(r.json().error, /^the server is read-only: writes need MIGMON_ADMIN_TOKEN/);
    }
    assert.deepEqual(api.updates, []);
    assert.ok(api.log.some((l) => /^2026-01-15T10:00:00.000Z token:[0-9a-f]{8} POST \/api\/events -> 403$/.test(l)), api.log.join("\n"));
  });
});

describe("writes with MIGMON_ADMIN_TOKEN", () => {
  let api: Api;
  before(async () => { api = await startApi("s3cret-token"); });
  after(async () => { await api.close(); });
  const post = (url: string, payload: unknown, token?: string) =>
    api.app.inject({ method: "POST", url, payload: payload as Record<string, unknown>, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

  test("POST /api/events without a token is 401 with a Bearer challenge; with a wrong token 403; nothing is written", async () => {
    const none = await post("/api/events", newEvent);
    assert.equal(none.statusCode, 401);
    assert.equal(none.headers["www-authenticate"], 'Bearer realm="migmon"');
    const wrong = await post("/api/events", newEvent, "guess");
    assert.equal(wrong.statusCode, 403);
    assert.match(wrong.json().error, /^the admin token token:[0-9a-f]{8} is not accepted$/);
    const flemish = readFileSync(path.join(api.eventsDir, "flemish.yaml"), "utf8");
    assert.ok(!flemish.includes(newEvent.id));
  });

  test("POST /api/events with the token adds the event to the level's file, logs who and when, and the register serves it", async () => {
    const r = await post("/api/events", newEvent, "s3cret-token");
    assert.equal(r.statusCode, 201, r.body);
    assert.deepEqual(r.json(), { added: newEvent.id, file: "flemish.yaml" });
    const written = parseYaml(readFileSync(path.join(api.eventsDir, "flemish.yaml"), "utf8")) as { id: string }[];
    assert.ok(written.some((e) => e.id === newEvent.id));
    const who = api.log.find((l) => l.includes(`added ${newEvent.id}`));
    assert.match(who ?? "", /^2026-01-15T10:00:00.000Z token:[0-9a-f]{8} POST \/api\/events: added flemish-2026-test-integration-decree to /);
    const served = await api.app.inject({ method: "GET", url: `/api/events/${newEvent.id}` });
    assert.equal(served.statusCode, 200);
    const again = await post("/api/events", newEvent, "s3cret-token");
    assert.equal(again.statusCode, 422);
    assert.match(again.json().error, /flemish-2026-test-integration-decree/);
  });

  test("POST /api/events with a body that breaks the schema is a 400 naming the field; a non-JSON body a 4xx", async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...newEvent, id: "Bad Id" }, /^body field id: an id <level>-<year>-<words>, lowercase$/],
      [{ ...newEvent, inForce: "2026-02-30" }, /^body field inForce: not a calendar date$/],
      [{ ...newEvent, title: { nl: "x", fr: "y" } }, /^body field title.en: /],
      [{ ...newEvent, extra: 1 }, /^body: Unrecognized key: "extra"$/],
    ];
    for (const [payload, message] of cases) {
      const r = await post("/api/events", payload, "s3cret-token");
      assert.equal(r.statusCode, 400, r.body);
      assert.match(r.json().error, message);
    }
    const text = await api.app.inject({ method: "POST", url: "/api/events", payload: "{not json", headers: { authorization: "Bearer s3cret-token", "content-type": "application/json" } });
    assert.equal(text.statusCode, 400);
    const xml = await api.app.inject({ method: "POST", url: "/api/events", payload: "<event/>", headers: { authorization: "Bearer s3cret-token", "content-type": "application/xml" } });
    assert.equal(xml.statusCode, 415);
  });

  test("POST /api/update with the token runs the update for the datasets named, logs the outcome; an unknown id is a 400", async () => {
    const bad = await post("/api/update", { only: ["eurostat:nothing"] }, "s3cret-token");
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error, /^body field only: eurostat:nothing is not in the source catalogue$/);
    const malformed = await post("/api/update", { only: "eurostat:teina200" }, "s3cret-token");
    assert.equal(malformed.statusCode, 400);
    assert.match(malformed.json().error, /^body field only: /);
    const r = await post("/api/update", { only: ["eurostat:teina200"] }, "s3cret-token");
    assert.equal(r.statusCode, 200, r.body);
    const outcome = (r.json() as { outcomes: { dataset: string; status: string; release: number }[] }).outcomes[0];
    // The full file differs from release 2 (Austria's row is back): a third release.
    assert.deepEqual([outcome?.dataset, outcome?.status], ["eurostat:teina200", "loaded"]);
    assert.deepEqual(api.updates, [["eurostat:teina200"]]);
    assert.ok(api.log.some((l) => new RegExp(`^2026-01-15T10:00:00.000Z token:[0-9a-f]{8} POST /api/update: eurostat:teina200=loaded:${outcome?.release}$`).test(l)), api.log.join("\n"));
  });
});

describe("cache headers", () => {
  let api: Api;
  before(async () => { api = await startApi("s3cret-token"); });
  after(async () => { await api.close(); });
  const get = (url: string, tag?: string) => api.app.inject({ method: "GET", url, headers: tag === undefined ? {} : { "if-none-match": tag } });

  test("every read route answers with ETag and Cache-Control and 304 without a body to a current If-None-Match", async () => {
    const urls = [
      "/api/sources", "/api/datasets", "/api/datasets/eurostat:teina200", "/api/datasets/eurostat:teina200/releases",
      `/api/datasets/eurostat:teina200/diff?from=${api.teinaReleases[0]}&to=${api.teinaReleases[1]}`,
      "/api/datasets/eurostat:teina200/observations?where=geo:BE", "/api/events", "/api/events/for?indicator=net-migration&geo=BE",
      "/api/events/eu-2004-enlargement", "/api/geography/units?date=2020-01-01", "/api/geography/boundaries/nuts0",
      "/api/analysis/pelt?dataset=eurostat:demo_r_gind3&series=CNMIGRAT.BE", "/api/openapi.json",
    ];
    for (const url of urls) {
      const first = await get(url);
      assert.equal(first.statusCode, 200, `${url}: ${first.body.slice(0, 200)}`);
      const tag = first.headers.etag;
      assert.match(String(tag), /^"[A-Za-z0-9_-]{27}"$/, url);
      assert.equal(first.headers["cache-control"], "public, max-age=300", url);
      const again = await get(url, String(tag));
      assert.equal(again.statusCode, 304, url);
      assert.equal(again.body, "", url);
      assert.equal((await get(url, `W/${String(tag)}, "other"`)).statusCode, 304, url);
      assert.equal((await get(url, '"stale"')).statusCode, 200, url);
    }
  });

  test("the ETag of observations differs between URLs and changes when a new release of the dataset is loaded, not another's; the dataset list follows", async () => {
    const url = "/api/datasets/eurostat:teina200/observations?where=geo:BE";
    const before1 = (await get(url)).headers.etag;
    const otherUrl = (await get("/api/datasets/eurostat:teina200/observations?where=geo:NL")).headers.etag;
    assert.notEqual(before1, otherUrl);
    const gind3 = (await get("/api/datasets/eurostat:demo_r_gind3/observations")).headers.etag;
    const releasesBefore = ((await get("/api/datasets")).json() as { datasets: { id: string; loaded: { releases: number } }[] }).datasets.find((d) => d.id === "eurostat:teina200")?.loaded.releases;
    const r = await api.app.inject({ method: "POST", url: "/api/update", payload: { only: ["eurostat:teina200"] }, headers: { authorization: "Bearer s3cret-token" } });
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers["cache-control"], "no-store");
    const after1 = await get(url, String(before1));
    assert.equal(after1.statusCode, 200);
    assert.notEqual(after1.headers.etag, before1);
    assert.equal((await get("/api/datasets/eurostat:demo_r_gind3/observations", String(gind3))).statusCode, 304);
    const releasesAfter = ((await get("/api/datasets")).json() as { datasets: { id: string; loaded: { releases: number } }[] }).datasets.find((d) => d.id === "eurostat:teina200")?.loaded.releases;
    assert.deepEqual([releasesBefore, releasesAfter], [2, 3]);
  });

  test("error answers carry no ETag and Cache-Control no-store", async () => {
    for (const url of ["/api/datasets/eurostat:nothing", "/api/datasets/eurostat:teina200/observations?where=zz:1", "/api/nowhere"]) {
      const r = await get(url);
      assert.ok(r.statusCode === 400 || r.statusCode === 404, url);
      assert.equal(r.headers.etag, undefined, url);
      assert.equal(r.headers["cache-control"], "no-store", url);
    }
  });
});
