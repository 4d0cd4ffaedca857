import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { DatasetId, Observation, Period, SeriesKey } from "../../src/core/index.ts";
import { NotSummableError } from "../../src/indicators/aggregation.ts";
import { parseIndicatorCatalogue } from "../../src/indicators/catalogue.ts";
import { computeIndicator } from "../../src/indicators/engine.ts";
import type { EngineContext } from "../../src/indicators/engine.ts";
import { Geography } from "../../src/reference/geography.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";
import type { Store } from "../../src/store/store.ts";

// A small geography: Belgium > region 02000 > arrondissement 11000 > municipalities 11001, 11002, 11003;
// 11003 merged into 11002 on 2019-01-01.
const name = (n: string) => ({ nl: n, fr: n });
const geography = new Geography([
  { code: "BE", level: "country", validFrom: null, validTo: null, name: name("België"), parent: null },
  { code: "02000", level: "region", validFrom: null, validTo: null, name: name("Vlaams Gewest"), parent: "BE" },
  { code: "11000", level: "arrondissement", validFrom: null, validTo: null, name: name("Arr"), parent: "02000" },
  { code: "11001", level: "municipality", validFrom: null, validTo: null, name: name("A"), parent: "11000" },
  { code: "11002", level: "municipality", validFrom: null, validTo: null, name: name("B"), parent: "11000" },
  { code: "11003", level: "municipality", validFrom: null, validTo: "2019-01-01", name: name("C"), parent: "11000" },
], [{ oldCode: "11003", newCode: "11002", date: "2019-01-01", relationship: "merged", transfer: "whole" }],
[{ code: "02000", unitValidFrom: null, version: "2016", nutsCode: "BE2" }]);

const t = (s: string) => ({ nl: s, fr: s, en: s });
const yaml = (body: string) => new Map([["test.yaml", `indicators:\n${body}`]]);
const common = (id: string, unit: string) => `- id: ${id}\n  theme: stocks\n  title: ${JSON.stringify(t(id))}\n  short: ${JSON.stringify(t(id))}\n  definition: ${JSON.stringify(t(id))}\n  unit: ${unit}\n`;
const input = `    - { dataset: "test:pop", geo: refnis, coding: refnis, levels: [municipality], filter: { nationality: [ETR, BEL] }, sum: [nationality], availability: offline }`;
const catalogue = parseIndicatorCatalogue(yaml(
  common("pop", "persons") + `  compute:\n    kind: count\n    inputs:\n${input}\n  levels: [municipality, arrondissement, region, country]\n  summable: true\n` +
  common("etr", "persons") + `  compute:\n    kind: count\n    inputs:\n    - { dataset: "test:pop", geo: refnis, coding: refnis, levels: [municipality], filter: { nationality: [ETR] }, availability: offline }\n  levels: [municipality, arrondissement, region, country]\n  summable: true\n` +
  common("etr_share", "percent") + `  compute: { kind: share, part: etr, whole: pop }\n  levels: [municipality, arrondissement, region, country]\n  summable: false\n` +
  common("published_pct", "percent") + `  compute:\n    kind: published\n    inputs:\n${input.replace("filter: { nationality: [ETR, BEL] }, sum: [nationality]", "filter: { nationality: [ETR] }")}\n  levels: [municipality, region]\n  summable: false\n`));

const obs = (refnis: string, nat: string, value: number | null, flags = "", period = "2018-01-01"): Observation =>
  ({ series: `${refnis}.${nat}` as SeriesKey, period: period as Period, value, flags });

describe("computeIndicator (engine) on a small store", () => {
  let dir: string;
  let store: Store;
  let ctx: EngineContext;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-ind-"));
    store = await openDuckDbStore(path.join(dir, "s.duckdb"));
    const rows = [obs("11001", "BEL", 900), obs("11001", "ETR", 100, "p"), obs("11002", "BEL", 1500), obs("11002", "ETR", 500),
      obs("11003", "BEL", 450), obs("11003", "ETR", 50),
      // 2017: one confidential cell (11001 ETR) and one missing (11003 ETR).
      obs("11001", "BEL", 880, "", "2017-01-01"), obs("11001", "ETR", 90, "c", "2017-01-01"), obs("11002", "BEL", 1790, "", "2017-01-01"),
      obs("11002", "ETR", 190, "", "2017-01-01"), obs("11003", "BEL", 440, "", "2017-01-01"), obs("11003", "ETR", null, "", "2017-01-01")];
    await store.loadRelease({
      dataset: { id: "test:pop" as DatasetId, publisher: "test", code: "pop", dimensions: ["refnis", "nationality"], title: t("pop"), unit: "persons", frequency: "annual", licence: "test" },
      checksum: "x", sourceUri: "test", format: "test", retrievedAt: "2026-01-01T00:00:00Z", sourceUpdatedAt: null,
      batches: (async function* () { yield rows; })(),
    });
    ctx = { store, catalogue, geography };
  });
  after(async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); });

  it("computeIndicator(count) sums municipalities up to the region with the parts' flags, under a NUTS or REFNIS code", async () => {
    // 900+100 + 1500+500 + 450+50 = 3500; 11001's ETR count is provisional, so the total is too.
    const r = await computeIndicator(ctx, "pop", { geos: ["02000", "BE2", "BE"], from: "2018" as Period });
    assert.deepEqual(r.values.map((v) => [v.geo, v.value, v.flags]), [["02000", 3500, "p"], ["BE2", 3500, "p"], ["BE", 3500, "p"]]);
    assert.equal(r.provenance.length, 1);
  });

  it("computeIndicator(share) divides the aggregated counts, never averages shares", async () => {
    // 2018 rows: ETR / (BEL + ETR) is 100/1000 = 10 % in 11001, 500/2000 = 25 % in 11002 and 50/500 = 10 % in 11003,
    // so the arrondissement's share of counts (650/3500 = 18.57 %) differs from the mean of the shares (15 %).
    const ofCounts = ((100 + 500 + 50) / (1000 + 2000 + 500)) * 100;
    const meanOfShares = (10 + 25 + 10) / 3;
    assert.ok(Math.abs(ofCounts - meanOfShares) > 3);
    const r = await computeIndicator(ctx, "etr_share", { geos: ["11000", "11001", "11002"], from: "2018" as Period });
    assert.deepEqual(r.values.map((v) => [v.geo, v.flags]), [["11000", "p"], ["11001", "p"], ["11002", ""]]);
    const values = r.values.map((v) => v.value as number);
    assert.ok(Math.abs((values[0] as number) - ofCounts) < 1e-9, `arrondissement ${values[0]} vs ${ofCounts}`);
    assert.ok(Math.abs((values[1] as number) - 10) < 1e-9 && Math.abs((values[2] as number) - 25) < 1e-9, String(values));
  });

  it("computeIndicator(count) withholds a sum with a confidential part and leaves a sum with a missing part missing", async () => {
    const etr = await computeIndicator(ctx, "etr", { geos: ["11000", "11002"], to: "2017" as Period });
    assert.deepEqual(etr.values.map((v) => [v.geo, v.value, v.flags]), [["11000", null, "c"], ["11002", 190, ""]]);
    assert.match(etr.values[0]?.notes?.join(" ") ?? "", /withheld/);
    const share = await computeIndicator(ctx, "etr_share", { geos: ["11001", "11003"], to: "2017" as Period });
    assert.deepEqual(share.values.map((v) => [v.geo, v.value, v.flags]), [["11001", null, "c"], ["11003", null, ""]]);
    assert.match(share.values[1]?.notes?.join(" ") ?? "", /missing/);
  });

  it("computeIndicator(published percentage) refuses to sum it over areas", async () => {
    await assert.rejects(computeIndicator(ctx, "published_pct", { geos: ["02000"] }), NotSummableError);
  });

  it("computeIndicator(count, boundaries 2019) adds a merged municipality into its successor", async () => {
    // 11002 on 2019 boundaries = 11002 (2000) + 11003 (500) = 2500
    const r = await computeIndicator(ctx, "pop", { geos: ["11002"], boundaries: 2019, from: "2018" as Period });
    assert.deepEqual(r.values.map((v) => [v.geo, v.value]), [["11002", 2500]]);
  });
});
