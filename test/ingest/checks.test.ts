import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { makeDatasetId, makeSeriesKey } from "../../src/core/index.ts";
import type { Observation, Period } from "../../src/core/index.ts";
import { findEntry, loadCatalogue, parseCatalogue } from "../../src/ingest/catalogue.ts";
import type { CatalogueEntry } from "../../src/ingest/catalogue.ts";
import { consistencyCheckSchema, exceedsTolerance } from "../../src/ingest/checks/declaration.ts";
import type { CrossSourceCheck, ParentSumCheck } from "../../src/ingest/checks/declaration.ts";
import { refnisHierarchy } from "../../src/ingest/checks/hierarchy.ts";
import { checkParentSums } from "../../src/ingest/checks/parent-sum.ts";
import { runCheck, runDatasetChecks } from "../../src/ingest/checks/run.ts";
import { ingestDelivery } from "../../src/ingest/delivery.ts";
import { ingestFile } from "../../src/ingest/pipeline.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";
import type { Store } from "../../src/store/store.ts";
import { runCli } from "../cli/run-cli.ts";
import { sharedData, sharedDataDir } from "../shared-data.ts";

const tsvFile = sharedData("eurostat/bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv");

/**
 * The failing (parent, period) pairs of the demo_r_gind3 subset by a plain reading of the TSV, apart from the code
 * under test: the children of a Belgian code are the codes of the file one character longer that start with it
 * (the file holds every Belgian NUTS 2016 region); a pair fails when a child has no figure or the sum differs.
 */
function expectedNutsFailures(): Map<string, { value: number; sum: number | null; missing: string[] }> {
  const [head, ...lines] = readFileSync(tsvFile, "utf8").trim().split("\n");
  const years = head!.split("\t").slice(1).map((y) => y.trim());
  const table = new Map<string, (number | null)[]>();
  for (const line of lines) {
    const [key, ...cells] = line.split("\t");
    const geo = key!.split(",")[1]!;
    if (!geo.startsWith("BE")) continue;
    table.set(geo, cells.map((c) => {
      const v = c.trim().split(" ")[0]!;
      return v === ":" ? null : Number(v);
    }));
  }
  const out = new Map<string, { value: number; sum: number | null; missing: string[] }>();
  for (const [parent, values] of table) {
    const children = [...table.keys()].filter((c) => c.length === parent.length + 1 && c.startsWith(parent));
    if (children.length === 0) continue;
    years.forEach((year, i) => {
      const value = values[i];
      if (value === null || value === undefined) return;
      const missing = children.filter((c) => table.get(c)![i] === null);
      const sum = missing.length > 0 ? null : children.reduce((s, c) => s + table.get(c)![i]!, 0);
      if (sum === null || sum !== value) out.set(`${parent} ${year}`, { value, sum, missing: missing.sort() });
    });
  }
  return out;
}

/** Belgium's population on 1 January by year: Eurostat demo_gind (labels export) and the sum of Statbel's municipal rows. */
function populations(): { eurostat: Map<string, number>; statbel: Map<string, number> } {
  const eurostat = new Map<string, number>();
  const rows = parse(readFileSync(sharedData("eurostat/sdmx-csv/country_population.csv")), { columns: true }) as Record<string, string>[];
  for (const r of rows) if (r.geo === "Belgium" && r.OBS_VALUE !== "") eurostat.set(r.TIME_PERIOD!, Number(r.OBS_VALUE));
  const statbel = new Map<string, number>();
  const municipal = parse(readFileSync(sharedData("statbel/pop_by_municipality_nationality_sex_2009-2015.csv")), { columns: true }) as Record<string, string>[];
  for (const r of municipal) statbel.set(r.CD_YEAR!, (statbel.get(r.CD_YEAR!) ?? 0) + Number(r.MS_POPULATION));
  return { eurostat, statbel };
}

describe("consistency checks", () => {
  let dir: string;
  let store: Store;
  let catalogue: CatalogueEntry[];
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-checks-"));
    store = await openDuckDbStore(path.join(dir, "store.duckdb"));
    catalogue = await loadCatalogue();
    for (const id of ["eurostat:demo_r_gind3", "eurostat:demo_gind", "eurostat:demo_pjan", "statbel:pop_by_municipality_nationality_sex"]) {
      const entry = findEntry(catalogue, id);
      await ingestFile({ store, entry, file: path.join(sharedDataDir, entry.offline!.file), format: entry.offline!.format });
    }
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runDatasetChecks(demo_r_gind3) finds exactly the (parent, period) pairs whose NUTS 2016 children do not add up", async () => {
    const [outcome] = await runDatasetChecks(store, findEntry(catalogue, "eurostat:demo_r_gind3"));
    assert.ok(outcome);
    const expected = expectedNutsFailures();
    const found = new Map(outcome.failures.map((f) => [`${f.unit} ${f.period}`, { value: f.value, sum: f.compared, missing: [...f.missing] }]));
    assert.deepEqual(found, expected);
    // PROVENANCE.md §1d: BE 2007 = 58,895 while BE1+BE2+BE3 = 62,327; every parent adds up in 2008-2018.
    assert.deepEqual(found.get("BE 2007"), { value: 58895, sum: 62327, missing: [] });
    assert.ok(outcome.failures.every((f) => Number(f.period) <= 2007));
    assert.ok(outcome.failures.every((f) => f.difference === null || f.difference === f.value - f.compared!));
    assert.ok(expected.size > 0);
  });

  it("runDatasetChecks(demo_gind) compares Eurostat's Belgian population with the sum of Statbel's municipalities, year by year", async () => {
    const [outcome] = await runDatasetChecks(store, findEntry(catalogue, "eurostat:demo_gind"));
    assert.ok(outcome);
    const { eurostat, statbel } = populations();
    const common = [...statbel.keys()].filter((y) => eurostat.has(y));
    assert.equal(outcome.compared, common.length);
    const differing = common.filter((y) => eurostat.get(y) !== statbel.get(y));
    assert.deepEqual(outcome.failures.map((f) => f.period), differing);
    for (const f of outcome.failures) {
      assert.equal(f.value, eurostat.get(f.period));
      assert.equal(f.compared, statbel.get(f.period));
    }
    // Statbel's own published total for 1 January 2015 (PROVENANCE.md): 11,209,044.
    assert.equal(statbel.get("2015"), 11209044);
  });

  it("runCheck(cross-source, tolerance 0.3%) fails only the years whose relative difference exceeds 0.3% of the other source", async () => {
    const declared = findEntry(catalogue, "eurostat:demo_gind").checks![0] as CrossSourceCheck;
    const check = { ...declared, tolerance: "0.3%" } as CrossSourceCheck;
    const outcome = await runCheck(store, makeDatasetId("eurostat", "demo_gind"), check);
    const { eurostat, statbel } = populations();
    const over = [...statbel.keys()].filter((y) => eurostat.has(y) && Math.abs(eurostat.get(y)! - statbel.get(y)!) > 0.003 * statbel.get(y)!);
    assert.deepEqual(outcome.failures.map((f) => f.period), over);
    assert.ok(over.length > 0 && over.length < 5);
  });

  it("runCheck(cross-source, match [geo]) compares two Eurostat vintages country by country within 0.5% of the older one", async () => {
    // demo_gind exported in 2025 against demo_pjan exported in 2017: revisions after the 2011 census round.
    const check = consistencyCheckSchema.parse({
      kind: "cross-source", filter: { indic_de: "JAN" }, other: { dataset: "eurostat:demo_pjan", filter: { age: "TOTAL", sex: "T" } },
      match: ["geo"], tolerance: "0.5%",
    });
    const outcome = await runCheck(store, makeDatasetId("eurostat", "demo_gind"), check);
    // A plain reading of both files, joined on the country labels they share (labels, not codes, in both exports).
    const recent = new Map<string, number>();
    const gind = parse(readFileSync(sharedData("eurostat/sdmx-csv/country_population.csv")), { columns: true }) as Record<string, string>[];
    for (const r of gind) if (r.OBS_VALUE !== "") recent.set(`${r.geo}|${r.TIME_PERIOD}`, Number(r.OBS_VALUE));
    const pjan = parse(readFileSync(sharedData("eurostat/legacy-csv/demo_pjan_totals_2007-2016.csv")), { columns: true }) as Record<string, string>[];
    const over: string[] = [];
    let joined = 0;
    for (const r of pjan) {
      const older = Number(r.Value!.replaceAll(",", ""));
      const newer = recent.get(`${r.GEO}|${r.TIME}`);
      if (newer === undefined || r.Value === ":") continue;
      joined++;
      if (Math.abs(newer - older) > 0.005 * older) over.push(`${r.GEO}|${r.TIME}`);
    }
    const codeOf: Record<string, string> = { Albania: "AL", Bulgaria: "BG", Croatia: "HR", Hungary: "HU", Ireland: "IE", Italy: "IT", Malta: "MT" };
    const expected = over.map((k) => {
      const [name, year] = k.split("|") as [string, string];
      assert.ok(codeOf[name], `no code written down for ${name}`);
      return `${codeOf[name]} ${year}`;
    }).sort();
    assert.deepEqual(outcome.failures.map((f) => `${f.unit} ${f.period}`).sort(), expected);
    assert.equal(expected.length, 26);
    // Pairs joined by code include countries whose labels changed between the exports (Czechia, Türkiye, ...).
    assert.ok(outcome.compared > joined);
  });

  it("checkParentSums(refnis) compares arrondissements with their municipalities of the period's date and names missing ones", () => {
    // Arrondissement Mechelen (12000) on 1 January 2018: its municipalities from the curated geography.
    const check = consistencyCheckSchema.parse({ kind: "parent-sum", dimension: "geo", hierarchy: "refnis" }) as ParentSumCheck;
    const hierarchy = refnisHierarchy();
    const children = hierarchy.childrenOf("12000", "2018", new Set())!;
    assert.ok(children.length > 5);
    const obs = (geo: string, value: number | null): Observation => ({ series: makeSeriesKey([geo]), period: "2018" as Period, value, flags: "" });
    const parts = children.map((c, i) => obs(c, i + 1));
    const sum = children.reduce((s, _c, i) => s + i + 1, 0);
    assert.deepEqual(checkParentSums([obs("12000", sum), ...parts], ["geo"], check, hierarchy, "test").failures, []);
    const off = checkParentSums([obs("12000", sum + 2), ...parts], ["geo"], check, hierarchy, "test").failures;
    assert.deepEqual(off.map((f) => [f.unit, f.value, f.compared, f.difference]), [["12000", sum + 2, sum, 2]]);
    const gap = checkParentSums([obs("12000", sum), ...parts.slice(1)], ["geo"], check, hierarchy, "test").failures;
    assert.deepEqual(gap.map((f) => [f.unit, f.compared, f.missing]), [["12000", null, [children[0]]]]);
  });

  it("runCheck(parent-sum refnis) on Statbel's real 2020 table delivered with a description: every unit equals the sum of its children", async () => {
    const file = sharedData("statbel/bevolking_per_gemeente_2020.csv");
    const descriptionFile = fileURLToPath(new URL("../fixtures/deliveries/statbel-population-2020.yaml", import.meta.url));
    const loaded = await ingestDelivery({ store, file, descriptionFile });
    assert.equal(loaded.release.observations, 638);
    const id = makeDatasetId("agency", "statbel_population_2020");
    const check = consistencyCheckSchema.parse({ kind: "parent-sum", dimension: "geo", hierarchy: "refnis" });
    const outcome = await runCheck(store, id, check);
    // A plain reading: 581 municipalities, and 57 units above them (43 arrondissements, 10 provinces, 3 regions, the
    // kingdom), each of which has children in the table; the kingdom's total is the sum of the municipal rows.
    const rows = parse(readFileSync(file), { columns: true, bom: true }) as Record<string, string>[];
    const above = rows.filter((r) => r["NIS code"]!.endsWith("000") || ["20001", "20002"].includes(r["NIS code"]!));
    assert.equal(above.length, 57);
    const municipalSum = rows.filter((r) => !above.includes(r)).reduce((s, r) => s + Number(r.Totaal), 0);
    assert.equal(municipalSum, Number(rows.find((r) => r["NIS code"] === "01000")!.Totaal));
    assert.equal(outcome.compared, above.length);
    assert.deepEqual(outcome.failures, []);
    const be = await store.query({ dataset: id, where: { geo: ["BE"] } });
    assert.deepEqual(be.map((o) => [o.period, o.value]), [["2020-01-01", 11492641]]);
  });

  it("exceedsTolerance(difference, reference, tolerance) takes an absolute number or a percentage of |reference|", () => {
    assert.equal(exceedsTolerance(1, 100, 0), true);
    assert.equal(exceedsTolerance(0, 100, 0), false);
    assert.equal(exceedsTolerance(0.5, 100, "0.5%"), false);
    assert.equal(exceedsTolerance(-0.51, 100, "0.5%"), true);
    assert.equal(exceedsTolerance(0.1 + 0.2 - 0.3, 0.3, 0), false);
  });

  it("parseCatalogue refuses a nuts parent-sum check without its NUTS version", () => {
    const entry = readFileSync(new URL("../../data/sources.yaml", import.meta.url), "utf8");
    assert.doesNotThrow(() => parseCatalogue(entry, "sources.yaml"));
    assert.throws(() => parseCatalogue(entry.replace("    nutsVersion: '2016'\n", ""), "sources.yaml"), /nutsVersion/);
  });

  it("migmon check <dataset> prints one row per failure and exits 1; a dataset without checks is an error", async () => {
    const env = { MIGMON_DB: path.join(dir, "store.duckdb") };
    await store.close();
    try {
      const run = await runCli(["check", "demo_r_gind3", "--format", "json"], env);
      assert.equal(run.code, 1);
      const rows = JSON.parse(run.stdout) as { unit: string; period: string; missing: string }[];
      assert.equal(rows.length, expectedNutsFailures().size);
      assert.ok(rows.some((r) => r.unit === "BE33" && r.period === "2000" && r.missing === "BE335 BE336"));
      assert.match(run.stderr, /migmon: eurostat:demo_r_gind3: 1 of 1 checks failed/);
      const none = await runCli(["check", "migr_asyappctza"], env);
      assert.equal(none.code, 1);
      assert.match(none.stderr, /declares no consistency check/);
    } finally {
      store = await openDuckDbStore(path.join(dir, "store.duckdb"));
    }
  });
});
