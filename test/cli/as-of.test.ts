// The two kinds of "as of" on a real file: Eurostat's SDMX-CSV export of demo_gind carries the publisher's
// LAST UPDATE stamp (27/03/25 23:00:00); the store records when it was loaded (a fixed clock here).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { loadIndicatorCatalogue } from "../../src/indicators/catalogue.ts";
import { loadCatalogue } from "../../src/ingest/catalogue.ts";
import { belgianGeography } from "../../src/reference/geography.ts";
import { buildApp } from "../../src/server/app.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";
import { sharedData } from "../shared-data.ts";
import { runCli } from "./run-cli.ts";

const file = sharedData("eurostat/sdmx-csv/country_population.csv");
const loadedAt = new Date("2026-01-15T10:00:00Z");

/** Belgium's population on 1 January 2015 and the LAST UPDATE cell, read from the file with a plain split. */
function fromFile(): { belgium2015: number; lastUpdate: string } {
  const rows = readFileSync(file, "utf8").trim().split("\n").map((l) => l.split(","));
  const header = rows[0]!;
  const row = rows.find((r) => r[header.indexOf("geo")] === "Belgium" && r[header.indexOf("TIME_PERIOD")] === "2015")!;
  return { belgium2015: Number(row[header.indexOf("OBS_VALUE")]), lastUpdate: row[header.indexOf("LAST UPDATE")]! };
}

describe("as loaded (--as-of) and as published (--published-as-of)", () => {
  let dir: string;
  let env: Record<string, string>;
  const expected = fromFile();
  before(async () => {
    assert.equal(expected.lastUpdate, "27/03/25 23:00:00");
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-as-of-"));
    env = { MIGMON_DB: path.join(dir, "store.duckdb") };
    const run = await runCli(["ingest", "eurostat:demo_gind", "--file", file], env, () => loadedAt);
    assert.equal(run.code, 0, run.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const belgium2015 = (extra: string[]) => runCli(["query", "demo_gind", "--where", "geo=BE", "--from", "2015", "--to", "2015", "--format", "json", ...extra], env);

  it("migmon releases shows both stamps: retrieved_at (loaded here) and source_updated_at (the publisher's LAST UPDATE)", async () => {
    const run = await runCli(["releases", "demo_gind", "--format", "json"], env);
    const [release] = JSON.parse(run.stdout) as { retrieved_at: string; source_updated_at: string }[];
    assert.equal(release?.retrieved_at, loadedAt.toISOString());
    assert.equal(release?.source_updated_at, "2025-03-27T23:00:00");
  });

  it("migmon query --published-as-of DATE reads the release the publisher had published by then, whenever it was loaded", async () => {
    const published = await belgium2015(["--published-as-of", "2025-03-28"]);
    assert.equal(published.code, 0, published.stderr);
    assert.deepEqual((JSON.parse(published.stdout) as { value: number }[]).map((r) => r.value), [expected.belgium2015]);
    const before = await belgium2015(["--published-as-of", "2025-03-27T22:59:59Z"]);
    assert.equal(before.code, 0, before.stderr);
    assert.deepEqual(JSON.parse(before.stdout), []);
    assert.match(before.stderr, /no release carries a publisher's stamp on or before 2025-03-27T22:59:59.000Z/);
  });

  it("migmon query --as-of DATE reads what this store had loaded by the end of the date", async () => {
    const loaded = await belgium2015(["--as-of", "2026-01-15"]);
    assert.deepEqual((JSON.parse(loaded.stdout) as { value: number }[]).map((r) => r.value), [expected.belgium2015]);
    const earlier = await belgium2015(["--as-of", "2026-01-14"]);
    assert.deepEqual(JSON.parse(earlier.stdout), []);
    assert.match(earlier.stderr, /no release was loaded into this store by 2026-01-14/);
  });

  it("migmon query --as-of D --published-as-of D is a usage error (exit 2); --help states the default", async () => {
    const both = await belgium2015(["--as-of", "2026-01-15", "--published-as-of", "2025-03-28"]);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--as-of and --published-as-of exclude each other/);
    const help = await runCli(["query", "--help"], env);
    assert.match(help.stdout.replace(/\s+/g, " "), /Default without either: the latest release loaded/);
  });

  it("GET /api/datasets/{id}/observations?publishedAsOf and ?asOf answer the same two questions; both at once is 400", async () => {
    const store = await openDuckDbStore(env.MIGMON_DB!);
    const app = buildApp({
      store, catalogue: await loadCatalogue(), indicators: await loadIndicatorCatalogue(), geography: belgianGeography(),
      eventsDir: fileURLToPath(new URL("../../data/events/", import.meta.url)), mirrorDir: null,
      logger: { info: () => undefined, error: () => undefined }, now: () => loadedAt, adminToken: undefined, update: async () => [],
    });
    try {
      const get = async (query: string) => app.inject({ method: "GET", url: `/api/datasets/eurostat:demo_gind/observations?where=geo:BE&from=2015&to=2015&${query}` });
      const values = async (query: string) => ((await get(query)).json() as { observations: { value: number }[] }).observations.map((o) => o.value);
      assert.deepEqual(await values("publishedAsOf=2025-03-28"), [expected.belgium2015]);
      assert.deepEqual(await values("publishedAsOf=2025-03-26"), []);
      assert.deepEqual(await values("asOf=2026-01-15"), [expected.belgium2015]);
      const both = await get("asOf=2026-01-15&publishedAsOf=2025-03-28");
      assert.equal(both.statusCode, 400);
      assert.match(both.body, /asOf and publishedAsOf exclude each other/);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
