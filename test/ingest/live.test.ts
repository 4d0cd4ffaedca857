import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { loadCatalogue } from "../../src/ingest/catalogue.ts";
import type { CatalogueEntry } from "../../src/ingest/catalogue.ts";
import { NoLiveEndpointError, fetchLive, liveBaseVariable, liveEndpointOf } from "../../src/ingest/live.ts";
import { eurostatApiBase } from "../../src/ingest/sources/eurostat/fetch.ts";

const effects = { now: new Date("2026-01-15T00:00:00Z"), log: () => undefined, sleep: async () => undefined, pollIntervalMs: 1, maxWaitMs: 1 };

describe("live endpoints of the catalogue (src/ingest/live.ts)", () => {
  let catalogue: CatalogueEntry[];
  const entry = (id: string) => catalogue.find((e) => e.id === id)!;
  before(async () => { catalogue = await loadCatalogue(); });

  it("liveBaseVariable(publisher) is MIGMON_<PUBLISHER>_API for every publisher", () => {
    assert.deepEqual(["eurostat", "statbel", "worldbank"].map(liveBaseVariable), ["MIGMON_EUROSTAT_API", "MIGMON_STATBEL_API", "MIGMON_WORLDBANK_API"]);
  });

  it("liveEndpointOf(entry) is the publisher's own root without an override", () => {
    const endpoint = liveEndpointOf(entry("eurostat:migr_asyappctza"));
    assert.ok(endpoint.available);
    assert.equal(endpoint.base, eurostatApiBase);
  });

  it("liveEndpointOf(entry, env) moves a catalogue URL under MIGMON_<PUBLISHER>_API, adding the root's slash", () => {
    const statbel = entry("statbel:tf_soc_pop_struct_2015");
    const endpoint = liveEndpointOf(statbel, { MIGMON_STATBEL_API: "http://127.0.0.1:9/mirror" });
    assert.ok(endpoint.available);
    assert.equal(endpoint.base, "http://127.0.0.1:9/mirror/");
    assert.equal(endpoint.url, statbel.download.url!.replace("https://statbel.fgov.be/sites/default/files/files/opendata/", "http://127.0.0.1:9/mirror/"));
  });

  it("every catalogue dataset without download.unavailable has a live endpoint, so each missing one is explained in the catalogue", () => {
    const unexplained = catalogue.filter((e) => e.download.unavailable === undefined && !liveEndpointOf(e).available).map((e) => e.id);
    assert.deepEqual(unexplained, []);
  });

  it("fetchLive(entry without endpoint) throws NoLiveEndpointError with the catalogue's reason and asks nothing", async () => {
    const asked: string[] = [];
    const http = async (request: { url: string }) => { asked.push(request.url); throw new Error("no network in this test"); };
    const undesa = entry("undesa:ims2024_stock_by_origin_sex");
    await assert.rejects(fetchLive(undesa, http, {}, effects), (e: unknown) =>
      e instanceof NoLiveEndpointError && e.message === `${undesa.id} has no live endpoint: ${undesa.download.unavailable}`);
    assert.deepEqual(asked, []);
  });
});
