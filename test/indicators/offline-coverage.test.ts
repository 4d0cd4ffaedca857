// The README's own offline store, built here by the README's command (`migmon update --offline`, the real update
// code, over ../shared/data): every catalogue indicator gives figures for at least one area, or needs a dataset no
// offline copy provides and names it. Figures are checked against independent readers of the publisher files:
// plain code below, not the parsers or the engine.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import { loadIndicatorCatalogue } from "../../src/indicators/catalogue.ts";
import type { Indicator } from "../../src/indicators/catalogue.ts";
import { computeIndicator } from "../../src/indicators/engine.ts";
import type { EngineContext, IndicatorRequest } from "../../src/indicators/engine.ts";
import { datasetsBeyondOffline } from "../../src/indicators/offlineNeeds.ts";
import { belgianGeography } from "../../src/reference/geography.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";
import type { Store } from "../../src/store/store.ts";
import { sharedData, sharedDataDir } from "../shared-data.ts";

const migmon = fileURLToPath(new URL("../../bin/migmon.js", import.meta.url));

/** The fields of one CSV line (double quotes around fields with commas, as these files write them). */
function fields(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)) {
    out.push(m[2] ?? m[1] ?? "");
    if (m[3] === "") break;
  }
  return out;
}

/** The rows of a (gzipped) CSV file with a header, as header -> value records. */
function readCsv(relative: string): Record<string, string>[] {
  const bytes = readFileSync(sharedData(relative));
  const text = (relative.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8").replace(/^\uFEFF/, "");
  const [head, ...lines] = text.split(/\r?\n/).filter((l) => l !== "");
  const names = fields(head!);
  return lines.map((l) => Object.fromEntries(fields(l).map((v, i) => [names[i] ?? `${i}`, v])));
}

const sum = (values: Iterable<number>) => { let s = 0; for (const v of values) s += v; return s; };

describe("indicators on the README's offline store (migmon update --offline over ../shared/data)", () => {
  let dir: string;
  let store: Store;
  let ctx: EngineContext;
  let catalogue: Indicator[];
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-coverage-"));
    const db = path.join(dir, "migmon.duckdb");
    await promisify(execFile)(process.execPath, [migmon, "update", "--offline", sharedDataDir, "--format", "csv"],
      { env: { ...process.env, MIGMON_DB: db }, maxBuffer: 64 * 1024 * 1024 });
    store = await openDuckDbStore(db);
    catalogue = await loadIndicatorCatalogue();
    ctx = { store, catalogue, geography: belgianGeography() };
  });
  after(async () => { await store?.close(); rmSync(dir, { recursive: true, force: true }); });

  /** The first non-empty answer: Belgium, else every area of the indicator's levels. */
  async function anyFigures(indicator: Indicator): Promise<number> {
    const requests: IndicatorRequest[] = [{ geos: ["BE"] }, ...indicator.levels.map((level) => ({ level }))];
    for (const request of requests) {
      const values = await computeIndicator(ctx, indicator.id, request).then((r) => r.values, () => []);
      const present = values.filter((v) => v.value !== null).length;
      if (present > 0) return present;
    }
    return 0;
  }

  it("computeIndicator gives figures for every catalogue indicator, or the indicator names the datasets beyond the offline copies it needs", async (t) => {
    const needing: string[] = [];
    for (const indicator of catalogue) {
      const needs = datasetsBeyondOffline(catalogue, indicator);
      if (needs.length === 0) {
        assert.ok(await anyFigures(indicator) > 0, `${indicator.id} gives no figure from the offline store`);
        continue;
      }
      // Marked as needing data the offline copies do not carry (a live-only table, a delivery, or codes the offline
      // file lacks: demo_gind's offline copy holds only JAN), and it indeed gives nothing.
      assert.equal(await anyFigures(indicator), 0, `${indicator.id} needs ${needs.join(", ")} yet gave figures`);
      needing.push(`${indicator.id} (${needs.join(", ")})`);
    }
    t.diagnostic(`${catalogue.length} indicators; ${catalogue.length - needing.length} give figures offline; ${needing.length} need a live dataset or a delivery: ${needing.join("; ")}`);
    assert.ok(catalogue.length - needing.length >= 60, `${catalogue.length - needing.length} indicators with offline figures`);
  });

  it("refugees for Belgium at the end of 2022 equal the UNHCR file summed by plain code (127,831, PROVENANCE.md)", async () => {
    const expected = sum(readCsv("unhcr/unhcr_end_year_population_totals_1951-2022.csv.gz")
      .filter((r) => r["CountryAsylumCode"] === "BEL" && r["Year"] === "2022").map((r) => Number(r["REF"])));
    assert.equal(expected, 127831);
    const r = await computeIndicator(ctx, "refugees", { geos: ["BE"], from: "2022" as never, to: "2022" as never });
    assert.deepEqual(r.values.map((v) => v.value), [expected]);
  });

  it("migrant_stock for Belgium in 2020 equals the UN DESA IMS 2024 file summed by plain code (2,046,975)", async () => {
    const expected = sum(readCsv("international/iom_gdidata/undesa_ims2024_stocks_by_origin_sex_1990-2024.csv.gz")
      .filter((r) => r["geo"] === "BEL" && r["t"] === "2020").map((r) => Number(r["n"])));
    assert.equal(expected, 2046975);
    const r = await computeIndicator(ctx, "migrant_stock", { geos: ["BE"], from: "2020" as never, to: "2020" as never });
    assert.deepEqual(r.values.map((v) => v.value), [expected]);
  });

  it("asylum_applicants_first_time_non_eu for Belgium in 2015 equals the legacy CSV row read by plain code (38,990)", async () => {
    const row = readCsv("eurostat/legacy-csv/migr_asyappctza_totals_2008-2016.csv")
      .find((r) => r["TIME"] === "2015" && r["GEO"] === "Belgium" && r["CITIZEN"] === "Extra-EU-28" && r["ASYL_APP"] === "First time applicant");
    const expected = Number(row!["Value"]!.replaceAll(",", ""));
    assert.equal(expected, 38990);
    const r = await computeIndicator(ctx, "asylum_applicants_first_time_non_eu", { geos: ["BE"], from: "2015" as never, to: "2015" as never });
    assert.deepEqual(r.values.map((v) => v.value), [expected]);
  });

  it("valid_permits for Belgium on 31 December 2023 equals the file's Total row read by plain code (517,711), which its three reasons do not add up to", async () => {
    const rows = readCsv("eurostat/sdmx-csv/migration_all_valid_permits.csv").filter((r) => r["geo"] === "Belgium" && r["TIME_PERIOD"] === "2023");
    const byReason = new Map(rows.map((r) => [r["reason"], Number(r["OBS_VALUE"])]));
    assert.equal(byReason.get("Total"), 517711);
    assert.equal(sum([...byReason].filter(([k]) => k !== "Total").map(([, v]) => v)), 387513);
    const r = await computeIndicator(ctx, "valid_permits", { geos: ["BE"], from: "2023" as never, to: "2023" as never });
    assert.deepEqual(r.values.map((v) => v.value), [byReason.get("Total")]);
  });

  it("asylum_applicants_first_time reads the 2017 export by default and the IOM reshaping only with --dataset (Belgium 2022: 36,715 by plain code)", async () => {
    const expected = sum(readCsv("international/iom_gdidata/eurostat_first_time_asylum_applications_by_nationality_sex_2011-2024.csv.gz")
      .filter((r) => r["geo"] === "BEL" && r["t"] === "2022").map((r) => Number(r["n"])));
    assert.equal(expected, 36715);
    const iom = await computeIndicator(ctx, "asylum_applicants_first_time", { geos: ["BE"], from: "2022" as never, to: "2022" as never, dataset: "eurostat:migr_asyappctza_iom" });
    assert.deepEqual(iom.values.map((v) => v.value), [expected]);
    const byDefault = await computeIndicator(ctx, "asylum_applicants_first_time", { geos: ["BE"] });
    assert.deepEqual(byDefault.provenance.map((p) => p.dataset), ["eurostat:migr_asyappctza_totals_2017"]);
    assert.deepEqual([...new Set(byDefault.values.map((v) => v.period))], ["2008", "2009", "2010", "2011", "2012", "2013", "2014", "2015", "2016"]);
  });

  it("immigration reads Eurostat by default (Belgium 2019: 150,006) and OECD's inflows of foreigners only with --dataset oecd:df_mig (2022: 192,002)", async () => {
    const eurostat = await computeIndicator(ctx, "immigration", { geos: ["BE"], from: "2019" as never, to: "2019" as never });
    assert.deepEqual(eurostat.values.map((v) => v.value), [150006]);
    assert.deepEqual(eurostat.provenance.map((p) => p.dataset), ["eurostat:migr_imm1ctz_derived"]);
    const oecd = await computeIndicator(ctx, "immigration", { geos: ["BE"], from: "2022" as never, to: "2022" as never, dataset: "oecd:df_mig" });
    assert.deepEqual(oecd.values.map((v) => v.value), [192002]);
    assert.deepEqual(oecd.provenance.map((p) => p.dataset), ["oecd:df_mig"]);
  });

  it("asylum_applicants_monthly reads the 2008M01 periods of the legacy export: Belgium's months of 2012 add up to 28,285 (PROVENANCE.md)", async () => {
    const rows = readCsv("eurostat/legacy-csv/migr_asyappctzm_1_Data.csv").filter((r) => r["GEO"] === "Belgium" && r["TIME"]!.startsWith("2012M"));
    const expected = sum(rows.map((r) => Number(r["Value"]!.replaceAll(",", ""))));
    assert.equal(expected, 28285);
    const r = await computeIndicator(ctx, "asylum_applicants_monthly", { geos: ["BE"], from: "2012-01" as never, to: "2012-12" as never });
    assert.equal(r.values.length, 12);
    assert.equal(sum(r.values.map((v) => v.value ?? 0)), expected);
  });

  it("immigration_by_nationality_group for Belgium in 2019 adds up the countries of the derived table, never its aggregates", async () => {
    // Independent: the derived table's Belgian rows of 2019, minus the labels of aggregates and categories.
    const labels = new Set(readFileSync(new URL("../../data/reference/eurostat-labels.csv", import.meta.url), "utf8").split("\n")
      .filter((l) => l.startsWith("citizen,") && /^citizen,[A-Z]{2},/.test(l)).map((l) => fields(l)[2]!));
    const rows = readCsv("eurostat/derived_immigration_by_citizenship_migr_imm1ctz.csv.gz")
      .filter((r) => r["geo"] === "Belgium" && r["year"] === "2019" && labels.has(r["Country of citizenship"]!) && r["Country of citizenship"] !== "Belgium");
    const r = await computeIndicator(ctx, "immigration_by_nationality_group", { geos: ["BE"], from: "2019" as never, to: "2019" as never });
    const byCountry = sum(rows.map((x) => Number(x["Migrants number"])));
    const byGroup = sum(r.values.map((v) => v.value ?? 0));
    // Antarctica is in no group; every other country is in exactly one.
    const antarctica = Number(rows.find((x) => x["Country of citizenship"] === "Antarctica")?.["Migrants number"] ?? 0);
    assert.equal(byGroup, byCountry - antarctica);
    assert.ok(r.values.every((v) => !["TOTAL", "FOR", "EU27_2020_FOR"].includes(v.breakdown!["citizen"]!)));
  });
});
