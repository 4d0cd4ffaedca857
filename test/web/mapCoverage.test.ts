// The map test: on every layer and year the explorer draws, each area has a figure, or is listed with the reason it
// has none. The figures are computed by the engine through the same request check as the API's /data route (what
// the map page asks), placed on the shapes of the boundary files with the page's own placeFigures, and the expected
// figures are read from the publisher files here with a few lines of plain code.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { answerIndicatorRequest } from "../../src/indicators/answerRequest.ts";
import { loadIndicatorCatalogue } from "../../src/indicators/catalogue.ts";
import type { EngineContext } from "../../src/indicators/engine.ts";
import type { IndicatorValue } from "../../src/indicators/result.ts";
import { loadBoundaries } from "../../src/reference/boundaries.ts";
import { belgianGeography } from "../../src/reference/geography.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";
import type { Store } from "../../src/store/store.ts";
import { placeFigures, shapeFinder } from "../../src/web/mapFigures.ts";
import { runCli } from "../cli/run-cli.ts";
import { sharedData, sharedDataDir } from "../shared-data.ts";

const municipalFile = sharedData("statbel/pop_by_municipality_nationality_sex_2009-2015.csv");
const asylumFile = sharedData("eurostat/sdmx-csv/asylum_applicants_total.csv");
const crosswalkFile = sharedData("statbel/municipality_crosswalk_2019_2025.csv");
const gind3File = sharedData("eurostat/bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv");
const years = [2009, 2010, 2011, 2012, 2013, 2014, 2015];

type Rows = Record<string, string>[];
const csv = (text: string) => parse(text, { columns: true, bom: true }) as Rows;

/** Non-Belgians and everyone by REFNIS code for one year, summed over sex, from the Statbel file. */
function municipalCounts(year: number): Map<string, { etr: number; all: number }> {
  const out = new Map<string, { etr: number; all: number }>();
  for (const r of csv(readFileSync(municipalFile, "utf8"))) {
    if (Number(r.CD_YEAR) !== year) continue;
    const c = out.get(r.CD_MUNTY_REFNIS!) ?? { etr: 0, all: 0 };
    const n = Number(r.MS_POPULATION);
    c.all += n;
    if (r.CD_NATLTY === "ETR") c.etr += n;
    out.set(r.CD_MUNTY_REFNIS!, c);
  }
  return out;
}

/** The new codes of the 2019 changes (mergers and recodes) in the crosswalk file: the units the 2015 map lacked. */
function newCodesOf2019(): string[] {
  const rows = csv(readFileSync(crosswalkFile, "utf8"));
  return [...new Set(rows.filter((r) => r.valid_to === "2019-01-01").map((r) => r.new_nis!))].sort();
}

describe("every area of a map has a figure or a reason", () => {
  let dir: string;
  let store: Store;
  let ctx: EngineContext;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-map-"));
    const env = { MIGMON_DB: path.join(dir, "store.duckdb"), MIGMON_OFFLINE_DIR: sharedDataDir };
    for (const [id, file] of [["statbel:pop_by_municipality_nationality_sex", municipalFile], ["eurostat:migr_asyappctza", asylumFile], ["eurostat:demo_r_gind3", gind3File]]) {
      const run = await runCli(["ingest", id!, "--file", file!], env);
      assert.equal(run.code, 0, run.stderr);
    }
    store = await openDuckDbStore(env.MIGMON_DB);
    ctx = { store, catalogue: await loadIndicatorCatalogue(), geography: belgianGeography() };
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const shapeCodes = (layer: "municipalities" | "provinces" | "nuts0" | "nuts2") => [...loadBoundaries(sharedDataDir, layer).keys()];
  /** The map page's way from an area code to a shape, with the NUTS 2021 codes the geography API gives the page. */
  const finder = (layer: string, codes: readonly string[]) =>
    shapeFinder(layer, new Set(codes), (code) => (belgianGeography().has(code) ? belgianGeography().nutsCodeOf(code, "2021") : null));

  it("share_non_belgian on the 581 municipalities of 2019: every year 2009-2015 fills every shape, merged and recoded units included", async () => {
    const codes = shapeCodes("municipalities");
    assert.equal(codes.length, 581);
    const { values } = await answerIndicatorRequest(ctx, "share_non_belgian", { level: "municipality", boundaries: 2019 });
    for (const year of years) {
      const placed = placeFigures(codes, values as IndicatorValue[], `${year}-01-01`, finder("municipalities", codes));
      assert.deepEqual(placed.missing, {}, `${year}: every municipality has a figure`);
      const counts = municipalCounts(year);
      const share = (parts: string[]) => {
        const sum = parts.reduce((s, p) => ({ etr: s.etr + counts.get(p)!.etr, all: s.all + counts.get(p)!.all }), { etr: 0, all: 0 });
        return (sum.etr / sum.all) * 100;
      };
      // Mouscron was recoded (54007 -> 57096); Deinze merged with Nevele (44011 + 44049 -> 44083).
      assert.ok(Math.abs(placed.values["57096"]!.value! - share(["54007"])) < 1e-9, `${year} Mouscron`);
      assert.ok(Math.abs(placed.values["44083"]!.value! - share(["44011", "44049"])) < 1e-9, `${year} Deinze`);
    }
  });

  it("share_non_belgian on the municipalities without the 2019 boundaries leaves exactly the crosswalk's 18 new units without a figure (what the map showed before)", async () => {
    const codes = shapeCodes("municipalities");
    const { values } = await answerIndicatorRequest(ctx, "share_non_belgian", { level: "municipality", from: "2015" as never, to: "2015" as never });
    const placed = placeFigures(codes, values as IndicatorValue[], "2015-01-01", finder("municipalities", codes));
    const expected = newCodesOf2019();
    assert.equal(expected.length, 18);
    assert.deepEqual(Object.keys(placed.missing).sort(), expected);
    assert.ok(Object.values(placed.missing).every((r) => r === "notInData"));
  });

  it("share_non_belgian on the provinces layer: the 10 provinces and Brussels-Capital (a region with no province) all have a figure", async () => {
    const codes = shapeCodes("provinces");
    assert.equal(codes.length, 11);
    const provinces = await answerIndicatorRequest(ctx, "share_non_belgian", { level: "province" });
    const brussels = await answerIndicatorRequest(ctx, "share_non_belgian", { geos: ["04000"] });
    const counts = municipalCounts(2015);
    const inBrussels = [...counts].filter(([code]) => code.startsWith("21"));
    const expected = inBrussels.reduce((s, [, c]) => s + c.etr, 0) / inBrussels.reduce((s, [, c]) => s + c.all, 0) * 100;
    for (const year of years) {
      const placed = placeFigures(codes, [...provinces.values, ...brussels.values] as IndicatorValue[], `${year}-01-01`, finder("provinces", codes));
      assert.deepEqual(placed.missing, {}, `${year}`);
    }
    const placed2015 = placeFigures(codes, brussels.values as IndicatorValue[], "2015-01-01", finder("provinces", codes));
    assert.ok(Math.abs(placed2015.values["04000"]!.value! - expected) < 1e-9);
  });

  it("share_non_belgian on the Belgian NUTS 2 shapes: the 10 provinces under their NUTS 2021 codes and Brussels' region on BE10", async () => {
    const codes = shapeCodes("nuts2").filter((c) => c.startsWith("BE"));
    assert.equal(codes.length, 11);
    const provinces = await answerIndicatorRequest(ctx, "share_non_belgian", { level: "province" });
    const brussels = await answerIndicatorRequest(ctx, "share_non_belgian", { geos: ["04000"] });
    for (const year of years) {
      const placed = placeFigures(codes, [...provinces.values, ...brussels.values] as IndicatorValue[], `${year}-01-01`, finder("nuts2", codes));
      assert.deepEqual(placed.missing, {}, `${year}`);
      assert.equal(placed.sources.BE10, "04000");
      assert.equal(placed.sources.BE21, "10000");
    }
  });

  it("population on the 43 arrondissements of 2019 with --boundaries 2019: the reformed Hainaut arrondissements get their 2019 territory", async () => {
    const codes = [...loadBoundaries(sharedDataDir, "arrondissements").keys()];
    assert.equal(codes.length, 43);
    const { values } = await answerIndicatorRequest(ctx, "population", { level: "arrondissement", boundaries: 2019, from: "2015" as never, to: "2015" as never });
    const placed = placeFigures(codes, values as IndicatorValue[], "2015-01-01", finder("arrondissements", codes));
    assert.deepEqual(placed.missing, {});
    // Independently, from the Statbel file's own district column: Tournai-Mouscron (57000 from 2019) is the old
    // arrondissements of Tournai (57000) and Mouscron (54000); La Louviere (58000, new in 2019) is La Louviere,
    // Binche, Estinnes and Morlanwelz.
    const rows = csv(readFileSync(municipalFile, "utf8")).filter((r) => r.CD_YEAR === "2015");
    const sum = (keep: (r: Record<string, string>) => boolean) => rows.filter(keep).reduce((s, r) => s + Number(r.MS_POPULATION), 0);
    assert.equal(placed.values["57000"]?.value, sum((r) => r.CD_DSTR_REFNIS === "57000" || r.CD_DSTR_REFNIS === "54000"));
    assert.equal(placed.values["58000"]?.value, sum((r) => ["55022", "56011", "56085", "56087"].includes(r.CD_MUNTY_REFNIS!)));
  });

  it("net_migration_adjusted (a NUTS 2016 table) on the 2019 arrondissements: unchanged units have the file's figure, reformed ones a withheld value with the reason", async () => {
    const codes = [...loadBoundaries(sharedDataDir, "arrondissements").keys()];
    const { values } = await answerIndicatorRequest(ctx, "net_migration_adjusted", { level: "arrondissement", boundaries: 2019, from: "2015" as never, to: "2015" as never });
    const placed = placeFigures(codes, values as IndicatorValue[], "2015", finder("arrondissements", codes));
    // The file's own rows: CNMIGRAT,BE211 (arrondissement Antwerpen, unchanged in 2019), 2015 column.
    const [header, ...lines] = readFileSync(gind3File, "utf8").split("\n");
    const column = (header ?? "").split("\t").findIndex((c) => c.trim() === "2015");
    const antwerpen = Number.parseFloat(lines.find((l) => l.startsWith("CNMIGRAT,BE211\t"))!.split("\t")[column]!);
    assert.equal(placed.values["11000"]?.value, antwerpen);
    // Tournai gained Mouscron in 2019, La Louviere did not exist: no 2015 figure of the file fits their 2019 shape.
    assert.equal(placed.missing["57000"], "noValue");
    assert.match(placed.notes["57000"]?.[0] ?? "", /57000 had another territory in 2015 than on the 2019 boundaries/);
    assert.equal(placed.missing["58000"], "notInData");
    assert.ok(Object.keys(placed.values).length + Object.values(placed.missing).filter((r) => r === "notInData").length === codes.length);
  });

  it("asylum_applicants on the NUTS 0 layer, 2015: Greece has its figure, and the countries without one are exactly those the file lacks", async () => {
    const codes = shapeCodes("nuts0");
    const { values } = await answerIndicatorRequest(ctx, "asylum_applicants", { level: "country", from: "2015" as never, to: "2015" as never });
    const placed = placeFigures(codes, values as IndicatorValue[], "2015", finder("nuts0", codes));
    // Independently: the file's 2015 totals (Eurostat codes, Greece EL), and the topology's NUTS 0 ids (EL too).
    const file = csv(readFileSync(asylumFile, "utf8")).filter((r) => r.TIME_PERIOD === "2015" && r.citizen === "TOTAL" && r.sex === "T"
      && r.age === "TOTAL" && r.unit === "PER" && r.asyl_app === "ASY_APP" && r.OBS_VALUE !== "");
    const greece = file.find((r) => r.geo === "EL");
    assert.ok(greece !== undefined);
    assert.equal(placed.values.GR?.value, Number(greece.OBS_VALUE));
    const topology = JSON.parse(readFileSync(sharedData("geo/nuts2021_60M_4326_levels0-3.topojson"), "utf8")) as { objects: { nuts0: { geometries: { properties: { NUTS_ID: string } }[] } } };
    const iso = (nuts: string) => (nuts === "EL" ? "GR" : nuts === "UK" ? "GB" : nuts);
    const inFile = new Set(file.map((r) => r.geo!));
    const lacking = topology.objects.nuts0.geometries.map((g) => g.properties.NUTS_ID).filter((id) => !inFile.has(id)).map(iso).sort();
    assert.deepEqual(Object.keys(placed.missing).sort(), lacking);
    assert.ok(Object.values(placed.missing).every((r) => r === "notInData"));
    assert.equal(Object.keys(placed.values).length + lacking.length, codes.length);
  });
});
