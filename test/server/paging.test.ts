// Paging of the observations route: following `next` (JSON) or the Link header (CSV) to the end gives exactly the
// unpaged store query, pages never exceed their limit, an over-limit request is a 400 naming the parameter and the
// maximum, and a dataset larger than a page answers one bounded page at a time.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parse as parseCsv } from "csv-parse/sync";
import type { DatasetId, Observation, Period, SeriesKey } from "../../src/core/index.ts";
import { defaultPageLimit, maxPageLimit } from "../../src/server/paging.ts";
import { startApi } from "./apiFixture.ts";

type Api = Awaited<ReturnType<typeof startApi>>;
let api: Api;

/** A synthetic dataset larger than the largest page: 1,100 series x 100 months = 110,000 observations. */
const large = { series: 1_100, months: 100 };
const largeId = "test:large" as DatasetId;

before(async () => {
  api = await startApi();
  async function* batches(): AsyncIterable<readonly Observation[]> {
    for (let s = 0; s < large.series; s++) {
      const rows: Observation[] = [];
      for (let m = 0; m < large.months; m++) {
        const period = `${2000 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}` as Period;
        rows.push({ series: `S${String(s).padStart(4, "0")}` as SeriesKey, period, value: s * 1000 + m, flags: "" });
      }
      yield rows;
    }
  }
  await api.store.loadRelease({
    dataset: { id: largeId, publisher: "test", code: "large", dimensions: ["s"], title: { nl: "groot", fr: "grand", en: "large" },
      unit: "persons", frequency: "M", licence: "CC-BY-4.0" },
    checksum: "large-1", sourceUri: "file:///generated/large", format: "generated", retrievedAt: "2025-01-01T00:00:00Z",
    sourceUpdatedAt: null, batches: batches(),
  });
});
after(async () => { await api.close(); });

/** What the tests read of an injected answer (annotated: the loops' URLs come from the answers). */
interface Injected { statusCode: number; body: string; headers: Record<string, unknown>; json: () => unknown }

interface ObservationsBody { state: number | null; limit: number; next: string | null; observations: { series: string; period: string; value: number | null; flags: string; release: number }[] }

/** The path and query of a full next URL, as inject takes it; the URL must point back at this server. */
function relative(next: string): string {
  const url = new URL(next);
  assert.equal(url.hostname, "localhost");
  return `${url.pathname}${url.search}`;
}

const plain = (rows: readonly { series: string; period: string; value: number | null; flags: string; release: number }[]) =>
  rows.map((o) => `${o.series} ${o.period} ${o.value} ${o.flags} r${o.release}`);

describe("GET /api/datasets/{id}/observations paging", () => {
  test("observations?limit=97 followed by next to the end equals the unpaged store query, no page over 97 rows", async () => {
    let url: string | null = "/api/datasets/eurostat:demo_r_gind3/observations?limit=97";
    const rows: ObservationsBody["observations"] = [];
    let pages = 0;
    while (url !== null) {
      const r: Injected = await api.app.inject({ method: "GET", url });
      assert.equal(r.statusCode, 200, r.body.slice(0, 200));
      const body = r.json() as ObservationsBody;
      assert.ok(body.observations.length <= 97 && body.observations.length > 0);
      assert.equal(body.limit, 97);
      assert.equal(r.headers.link, body.next === null ? undefined : `<${body.next}>; rel="next"`);
      rows.push(...body.observations);
      url = body.next === null ? null : relative(body.next);
      pages++;
    }
    const whole = await api.store.query({ dataset: "eurostat:demo_r_gind3" as DatasetId });
    assert.equal(pages, Math.ceil(whole.length / 97));
    assert.deepEqual(plain(rows), plain(whole));
  });

  test("observations?format=csv&where&from pages through the Link header; the pages' rows equal the filtered store query", async () => {
    let url: string | null = "/api/datasets/eurostat:teina200/observations?format=csv&where=unit:MIO_EUR,PC_GDP&from=2010&limit=40";
    const rows: Record<string, string>[] = [];
    while (url !== null) {
      const r: Injected = await api.app.inject({ method: "GET", url });
      assert.equal(r.statusCode, 200, r.body.slice(0, 200));
      const page = parseCsv(r.body, { columns: true }) as Record<string, string>[];
      assert.ok(page.length <= 40);
      rows.push(...page);
      const link = /^<([^>]+)>; rel="next"$/.exec(String(r.headers.link ?? ""));
      url = link?.[1] === undefined ? null : relative(link[1]);
    }
    const whole = await api.store.query({ dataset: "eurostat:teina200" as DatasetId, where: { unit: ["MIO_EUR", "PC_GDP"] }, from: "2010" as Period });
    assert.ok(whole.length > 40);
    assert.deepEqual(rows.map((r) => `${r.unit}.${r.geo} ${r.period} ${r.value} ${r.flags}`),
      whole.map((o) => `${o.series} ${o.period} ${o.value ?? ""} ${o.flags}`));
  });

  test("observations of a dataset larger than a page answer the default page, then at most the maximum, until the end", async () => {
    const base = `/api/datasets/${largeId}/observations`;
    const first = (await api.app.inject({ method: "GET", url: base })).json() as ObservationsBody;
    assert.equal(first.observations.length, defaultPageLimit);
    assert.notEqual(first.next, null);
    let url: string | null = `${base}?limit=${maxPageLimit}`;
    const sizes: number[] = [];
    let lastRow = "";
    while (url !== null) {
      const r = await api.app.inject({ method: "GET", url });
      const body = r.json() as ObservationsBody;
      sizes.push(body.observations.length);
      const firstRow = body.observations[0];
      // Each page starts after the last row of the one before (series, then month).
      if (lastRow !== "" && firstRow !== undefined) assert.ok(`${firstRow.series} ${firstRow.period}` > lastRow);
      const last = body.observations[body.observations.length - 1];
      lastRow = last === undefined ? lastRow : `${last.series} ${last.period}`;
      url = body.next === null ? null : relative(body.next);
    }
    assert.deepEqual(sizes, [maxPageLimit, large.series * large.months - maxPageLimit]);
    assert.equal(lastRow, `S${String(large.series - 1).padStart(4, "0")} ${2000 + Math.floor((large.months - 1) / 12)}-${String(((large.months - 1) % 12) + 1).padStart(2, "0")}`);
  });

  test("observations?cursor keeps reading the release of the first page after a new release is loaded", async () => {
    const base = "/api/datasets/eurostat:teina200/observations?where=geo:AT&limit=5";
    const oldRelease = api.teinaReleases[0] as number;
    const first = (await api.app.inject({ method: "GET", url: `${base}&release=${oldRelease}` })).json() as ObservationsBody;
    assert.equal(first.state, oldRelease);
    const second = (await api.app.inject({ method: "GET", url: relative(first.next as string) })).json() as ObservationsBody;
    assert.equal(second.state, oldRelease);
    const expected = await api.store.query({ dataset: "eurostat:teina200" as DatasetId, where: { geo: ["AT"] }, release: oldRelease as never });
    assert.deepEqual(plain([...first.observations, ...second.observations]), plain(expected.slice(0, 10)));
  });

  test("observations answers 400 naming limit and the maximum above it, and 400 for a cursor of other parameters or not a cursor", async () => {
    const base = "/api/datasets/eurostat:demo_r_gind3/observations";
    const cases: [string, RegExp][] = [
      [`${base}?limit=${maxPageLimit + 1}`, new RegExp(`^query parameter limit: must be a whole number from 1 to ${maxPageLimit} \\(the largest page\\) \\(got "${maxPageLimit + 1}"\\)$`)],
      [`${base}?limit=0`, /^query parameter limit: must be a whole number from 1 to/],
      [`${base}?limit=1e3`, /^query parameter limit: must be a whole number from 1 to/],
      [`${base}?cursor=not!base64`, /^query parameter cursor: must be the cursor of a previous answer/],
      [`${base}?cursor=${Buffer.from("{\"release\":1}").toString("base64url")}`, /^query parameter cursor: not a cursor of this route and these parameters/],
      [`${base}?cursor=abc`, /^query parameter cursor: not a cursor of this route and these parameters/],
    ];
    for (const [url, message] of cases) {
      const r = await api.app.inject({ method: "GET", url });
      assert.equal(r.statusCode, 400, url);
      assert.match((r.json() as { error: string }).error, message, url);
    }
    const first = (await api.app.inject({ method: "GET", url: `${base}?where=geo:BE&limit=3` })).json() as ObservationsBody;
    const cursor = new URL(first.next as string).searchParams.get("cursor") as string;
    const other = await api.app.inject({ method: "GET", url: `${base}?where=geo:BE1&limit=3&cursor=${cursor}` });
    assert.equal(other.statusCode, 400);
    assert.match((other.json() as { error: string }).error, /^query parameter cursor: not a cursor of this route and these parameters/);
    const sameWithOtherLimit = await api.app.inject({ method: "GET", url: `${base}?where=geo:BE&limit=7&cursor=${cursor}` });
    assert.equal(sameWithOtherLimit.statusCode, 200);
    assert.equal((sameWithOtherLimit.json() as ObservationsBody).observations[0]?.period, "2003");
  });
});

/** Every page of a JSON list route from `url` on, following `next`; the pages' `name` lists joined. */
async function walk<T>(url: string, name: string): Promise<{ items: T[]; pages: number[] }> {
  const items: T[] = [];
  const pages: number[] = [];
  let next: string | null = url;
  while (next !== null) {
    const r: Injected = await api.app.inject({ method: "GET", url: next });
    assert.equal(r.statusCode, 200, `${next}: ${r.body.slice(0, 200)}`);
    const body = r.json() as Record<string, unknown> & { next: string | null };
    const list = body[name] as T[];
    items.push(...list);
    pages.push(list.length);
    next = body.next === null ? null : relative(body.next);
    assert.ok(pages.length < 1000, "paging does not end");
  }
  return { items, pages };
}

describe("paging of the other list routes", () => {
  test("diff?from&to&limit=3 followed by next gives the store's whole diff, 3 changes a page", async () => {
    const [from, to] = api.teinaReleases as [number, number];
    const { items, pages } = await walk<{ series: string; period: string; change: string }>(`/api/datasets/eurostat:teina200/diff?from=${from}&to=${to}&limit=3`, "changes");
    const whole = await api.store.diff("eurostat:teina200" as DatasetId, from as never, to as never);
    // The second release drops Austria's 12 MIO_EUR figures (apiFixture.ts).
    assert.equal(whole.length, 12);
    assert.deepEqual(items.map((c) => `${c.series} ${c.period} ${c.change}`), whole.map((c) => `${c.series} ${c.period} ${c.change}`));
    assert.deepEqual(pages, [3, 3, 3, 3]);
  });

  test("sources, datasets, releases, indicators, events and geography units page by their ids to the same list as one page", async () => {
    const routes: [string, string, (item: Record<string, unknown>) => unknown][] = [
      ["/api/sources", "sources", (x) => x.id],
      ["/api/datasets", "datasets", (x) => x.id],
      ["/api/datasets/eurostat:teina200/releases", "releases", (x) => x.id],
      ["/api/indicators", "indicators", (x) => x.id],
      ["/api/events", "events", (x) => x.id],
      ["/api/geography/units?date=2020-01-01&level=province", "units", (x) => x.code],
    ];
    for (const [url, name, idOf] of routes) {
      const whole = await walk<Record<string, unknown>>(url, name);
      assert.deepEqual(whole.pages.length, 1, url);
      assert.ok(whole.items.length >= 2, `${url}: ${whole.items.length}`);
      const paged = await walk<Record<string, unknown>>(`${url}${url.includes("?") ? "&" : "?"}limit=1`, name);
      assert.deepEqual(paged.items.map(idOf), whole.items.map(idOf), url);
      assert.ok(paged.pages.every((n) => n === 1), url);
    }
  });

  test("observations?where=geo:EL pages on with the corrected code GR after the first page", async () => {
    const { items } = await walk<{ series: string; period: string }>("/api/datasets/eurostat:teina200/observations?where=geo:EL&limit=5", "observations");
    const greece = await api.store.query({ dataset: "eurostat:teina200" as DatasetId, where: { geo: ["GR"] } });
    assert.ok(greece.length > 5);
    assert.deepEqual(items.map((o) => `${o.series} ${o.period}`), greece.map((o) => `${o.series} ${o.period}`));
  });
});

describe("paging in the OpenAPI document", () => {
  test("GET /api/openapi.json gives every paged route limit (1 to the maximum) and cursor, and its 200 the Link header", async () => {
    const doc = (await api.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, { parameters: { name: string; schema: Record<string, unknown>; description?: string }[]; responses: Record<string, { headers?: Record<string, unknown> }> }>>;
    };
    const paged = ["/api/datasets/{id}/observations", "/api/datasets/{id}/diff", "/api/datasets", "/api/datasets/{id}/releases", "/api/sources",
      "/api/indicators", "/api/events", "/api/geography/units"];
    for (const path of paged) {
      const get = doc.paths[path]?.get;
      assert.ok(get !== undefined, path);
      const limit = get.parameters.find((p) => p.name === "limit");
      assert.match(String(limit?.description), new RegExp(`1 to ${maxPageLimit}; ${defaultPageLimit} when absent`), path);
      assert.ok(get.parameters.some((p) => p.name === "cursor"), path);
      assert.ok(get.responses["200"]?.headers?.Link !== undefined, path);
    }
    assert.ok(doc.paths["/api/update"]?.post?.responses["429"] !== undefined);
  });
});
