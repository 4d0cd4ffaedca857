import assert from "node:assert/strict";
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import { findEntry, loadCatalogue } from "../../src/ingest/catalogue.ts";
import { ingestFile } from "../../src/ingest/pipeline.ts";
import { loadIndicatorCatalogue } from "../../src/indicators/catalogue.ts";
import { computeIndicator } from "../../src/indicators/engine.ts";
import type { EngineContext } from "../../src/indicators/engine.ts";
import { belgianGeography } from "../../src/reference/geography.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";
import type { Store } from "../../src/store/store.ts";
import { sharedData } from "../shared-data.ts";

const structFile = sharedData("statbel/TF_SOC_POP_STRUCT_2015.txt.gz");

/** The independent figures: test/indicators/independent/statbel_2015.sql run by DuckDB over the raw file. */
async function independentFigures(): Promise<Map<string, { total: number; etr: number; share: number; shannon: number; simpson: number; etrWomen: number }>> {
  const sql = readFileSync(new URL("./independent/statbel_2015.sql", import.meta.url), "utf8").replaceAll("$FILE", structFile.replace(/'/g, "''"));
  const db = await DuckDBInstance.create(":memory:");
  const conn = await db.connect();
  const rows = (await conn.runAndReadAll(sql)).getRows();
  conn.closeSync();
  db.closeSync();
  return new Map(rows.map((r) => [String(r[0]), { total: Number(r[1]), etr: Number(r[2]), share: Number(r[3]), shannon: Number(r[4]), simpson: Number(r[5]), etrWomen: Number(r[6]) }]));
}

describe("indicators on the real Statbel and Eurostat files", () => {
  let dir: string;
  let store: Store;
  let ctx: EngineContext;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-ind-real-"));
    store = await openDuckDbStore(path.join(dir, "s.duckdb"));
    const sources = await loadCatalogue();
    for (const id of ["statbel:pop_by_municipality_nationality_sex", "statbel:tf_soc_pop_struct_2015", "eurostat:demo_r_gind3"]) {
      const entry = findEntry(sources, id);
      await ingestFile({ store, entry, file: sharedData(entry.offline!.file), format: entry.offline!.format });
    }
    ctx = { store, catalogue: await loadIndicatorCatalogue(), geography: belgianGeography() };
  });
  after(async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); });

  it("population and population_non_belgian summed from municipalities equal Statbel's 2015 totals for Belgium and the regions", async () => {
    const expected = await independentFigures();
    assert.equal(expected.get("BE")?.total, 11209044);
    assert.equal(expected.get("BE")?.etr, 1255286);
    const geos = ["02000", "03000", "04000", "BE"];
    const pop = await computeIndicator(ctx, "population", { geos, from: "2015" as never, to: "2015" as never });
    const etr = await computeIndicator(ctx, "population_non_belgian", { geos, from: "2015" as never, to: "2015" as never });
    for (const g of geos) {
      assert.equal(pop.values.find((v) => v.geo === g)?.value, expected.get(g)?.total, g);
      assert.equal(etr.values.find((v) => v.geo === g)?.value, expected.get(g)?.etr, g);
    }
  });

  it("population_non_belgian_women counts a municipality Statbel lists no cell for as 0 and sums to the SQL total", async () => {
    // Herstappe (73028) had no non-Belgian women on 1 January 2015: the files leave the cell out (absentIsZero).
    const expected = await independentFigures();
    const r = await computeIndicator(ctx, "population_non_belgian_women", { geos: ["73028", "BE", "04000"], from: "2015" as never, to: "2015" as never });
    assert.deepEqual(r.values.map((v) => [v.geo, v.value]), [["73028", 0], ["BE", expected.get("BE")!.etrWomen], ["04000", expected.get("04000")!.etrWomen]]);
  });

  it("share_non_belgian and the diversity measures for Belgium and the regions in 2015 equal the independent SQL", async () => {
    const expected = await independentFigures();
    const geos = ["02000", "03000", "04000", "BE"];
    const range = { geos, from: "2015" as never, to: "2015" as never };
    const [share, shannon, simpson] = await Promise.all(["share_non_belgian", "nationality_group_shannon", "nationality_group_simpson"]
      .map((id) => computeIndicator(ctx, id, range)));
    for (const g of geos) {
      const e = expected.get(g)!;
      // Same arithmetic in doubles by two routes: agreement to 1e-12 relative.
      for (const [r, want] of [[share!, e.share], [shannon!, e.shannon], [simpson!, e.simpson]] as const) {
        const got = r.values.find((v) => v.geo === g)?.value;
        assert.ok(got !== null && got !== undefined && Math.abs(got - want) <= 1e-12 * Math.abs(want), `${r.indicator.id} ${g}: ${got} vs ${want}`);
      }
    }
  });

  it("net_migration_adjusted of the arrondissements summed up the geography tree equals Eurostat's published region figures, 2008-2018", async () => {
    // Eurostat publishes CNMIGRAT for BE1, BE2, BE3 itself; the arrondissements, read under their REFNIS codes
    // (the engine finds their NUTS 2016 code) and summed to their region through our geography, must give the same.
    // Verviers (63000) has no NUTS 3 region of its own: NUTS 2016 splits it by language area into BE335 and BE336,
    // which are read under those codes and belong to the Walloon Region. The source adds up only from 2008 (PROVENANCE.md).
    const geo = belgianGeography();
    const arrondissements = [...new Set(geo.units.filter((u) => u.level === "arrondissement" && geo.nutsCodeOf(u.code, "2016") !== null).map((u) => u.code))];
    const range = { from: "2008" as never, to: "2018" as never };
    const parts = await computeIndicator(ctx, "net_migration_adjusted", { geos: [...arrondissements, "BE335", "BE336"], ...range });
    const published = await computeIndicator(ctx, "net_migration_adjusted", { geos: ["BE1", "BE2", "BE3"], ...range });
    const regionOf = (code: string) => (code.startsWith("BE33") && code.length === 5 ? "03000" : geo.parentOf(code, "region"));
    const refnisOf = { BE1: "04000", BE2: "02000", BE3: "03000" } as const;
    for (const v of published.values) {
      const mine = parts.values.filter((p) => p.period === v.period && regionOf(p.geo) === refnisOf[v.geo as keyof typeof refnisOf]);
      assert.ok(mine.length > 0 && mine.every((p) => p.value !== null), `${v.geo} ${v.period}`);
      assert.equal(mine.reduce((s, p) => s + (p.value as number), 0), v.value, `${v.geo} ${v.period}`);
    }
    assert.equal(published.values.length, 33);
  });

  it("net_migration_adjusted_rate of Brussels in 2013 is CNMIGRAT over the mean of Statbel's 1 January 2013 and 2014 populations", async () => {
    // Eurostat demo_r_gind3 CNMIGRAT BE1 2013 = -1459 (raw TSV). Statbel Brussels: 1 Jan 2013 = 1,154,635, 1 Jan 2014 = 1,163,486
    // (population indicator, checked against the 2009-2015 file). Mean 1,159,060.5; -1459 / 1,159,060.5 x 1000 = -1.258778...
    const pop = await computeIndicator(ctx, "population", { geos: ["04000"], from: "2013" as never, to: "2014" as never });
    assert.deepEqual(pop.values.map((v) => v.value), [1154635, 1163486]);
    const r = await computeIndicator(ctx, "net_migration_adjusted_rate", { geos: ["BE1"], from: "2013" as never, to: "2013" as never });
    assert.equal(r.values.length, 1);
    assert.ok(Math.abs((r.values[0]!.value ?? NaN) - (-1459 / 1159060.5) * 1000) < 1e-12);
  });
});
