import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  BoundaryChangeError, Geography, aggregateMunicipalities, childrenOf, geographyOn, mapToBoundaries, mapValuesToBoundaries, nutsCodeOf, parentOf,
} from "../../src/reference/geography.ts";
import { UnknownCodeError } from "../../src/core/index.ts";
import { sharedData } from "../shared-data.ts";

const municipalitiesOn = (date: string) => geographyOn(date).filter((u) => u.level === "municipality").map((u) => u.code);

/** Population of 1 January 2015 by municipality, read with a plain split of the derived Statbel file. */
function population2015(): Map<string, number> {
  const out = new Map<string, number>();
  const lines = readFileSync(sharedData("statbel/pop_by_municipality_nationality_sex_2009-2015.csv"), "utf8").split("\n");
  for (const line of lines.slice(1)) {
    const f = line.split(",");
    if (f[0] !== "2015") continue;
    const code = f[1]!.padStart(5, "0");
    out.set(code, (out.get(code) ?? 0) + Number(f[9]));
  }
  return out;
}

/** The `nis` codes of the municipalities of the 2019 TopoJSON map. */
function mapCodes2019(): string[] {
  const topo = JSON.parse(readFileSync(sharedData("geo/belgium_municipalities_2019_581.topojson"), "utf8")) as {
    objects: { municipalities: { geometries: { properties: { nis: string } }[] } };
  };
  return topo.objects.municipalities.geometries.map((g) => g.properties.nis);
}

test("geographyOn(date) has 589 municipalities before 2019, 581 from 2019-01-01, 565 from 2025-01-01", () => {
  assert.equal(municipalitiesOn("2018-12-31").length, 589);
  assert.equal(municipalitiesOn("2019-01-01").length, 581);
  assert.equal(municipalitiesOn("2024-12-01").length, 581);
  // Bastogne and Bertogne merged on 2024-12-02, the Flemish mergers on 2025-01-01.
  assert.equal(municipalitiesOn("2024-12-02").length, 580);
  assert.equal(municipalitiesOn("2025-01-01").length, 565);
  const levels = (d: string) => geographyOn(d).reduce((m, u) => m.set(u.level, (m.get(u.level) ?? 0) + 1), new Map<string, number>());
  assert.deepEqual(Object.fromEntries(levels("2015-01-01")), { country: 1, region: 3, province: 10, arrondissement: 43, municipality: 589 });
  assert.deepEqual(Object.fromEntries(levels("2019-01-01")), { country: 1, region: 3, province: 10, arrondissement: 43, municipality: 581 });
});

test("mapToBoundaries(2015 population, 2015, 2019) lands exactly on the 581 codes of the 2019 map with the total kept", () => {
  const pop = population2015();
  assert.equal(pop.size, 589);
  const mapped = mapToBoundaries(pop, 2015, 2019);
  const codes = [...mapped.values.keys()].sort();
  assert.deepEqual(codes, mapCodes2019().sort());
  const total = [...mapped.values.values()].reduce<number>((s, v) => s + (v ?? NaN), 0);
  // 11,209,044: the Statbel total of 1 January 2015 (PROVENANCE.md; recomputed here by the plain split above).
  assert.equal(total, [...pop.values()].reduce((s, v) => s + v, 0));
  assert.equal(total, 11209044);
  assert.equal(mapped.missing.size, 0);
  // Puurs-Sint-Amands = Puurs + Sint-Amands.
  assert.equal(mapped.values.get("12041"), pop.get("12030")! + pop.get("12034")!);
  // Mouscron only changed code.
  assert.equal(mapped.values.get("57096"), pop.get("54007"));
});

test("mapToBoundaries(2015 population, 2015, 2025) gives the 565 municipalities of 2025 with the total kept", () => {
  const pop = population2015();
  const mapped = mapToBoundaries(pop, 2015, 2025);
  assert.equal(mapped.values.size, 565);
  assert.deepEqual([...mapped.values.keys()].sort(), municipalitiesOn("2025-01-01").sort());
  assert.equal([...mapped.values.values()].reduce<number>((s, v) => s + (v ?? NaN), 0), 11209044);
  assert.equal(mapped.values.get("11002"), pop.get("11002")! + pop.get("11007")!);
  assert.equal(mapped.values.get("82039"), pop.get("82003")! + pop.get("82005")!);
});

test("mapToBoundaries(values, from, to) propagates a null part and names it", () => {
  const values = new Map<string, number | null>([["12030", 100], ["12034", null], ["11001", 5]]);
  const mapped = mapToBoundaries(values, 2015, 2019);
  assert.equal(mapped.values.get("12041"), null);
  assert.deepEqual(mapped.missing.get("12041"), ["12034"]);
  assert.equal(mapped.values.get("11001"), 5);
  // A part absent from the input is missing too.
  const partial = mapToBoundaries(new Map([["12030", 100]]), 2015, 2019);
  assert.deepEqual(partial.missing.get("12041"), ["12034"]);
});

test("mapToBoundaries(values, 2025, 2019) refuses to split a merged unit and names it", () => {
  assert.throws(() => mapToBoundaries(new Map([["11002", 10]]), 2025, 2019), (e: unknown) =>
    e instanceof BoundaryChangeError && /11002 \(Antwerpen\)/.test(e.message) && /11007/.test(e.message));
  assert.throws(() => mapToBoundaries(new Map([["12041", 10]]), 2019, 2015), BoundaryChangeError);
  // A pure recode can be followed back.
  assert.deepEqual([...mapToBoundaries(new Map([["57096", 7]]), 2019, 2015).values], [["54007", 7]]);
});

test("mapValuesToBoundaries(geography, ...) refuses a partial transfer naming the unit", () => {
  const unit = (code: string, level: "municipality" | "arrondissement", validFrom: string | null, validTo: string | null, parent: string) =>
    ({ code, level, validFrom, validTo, name: { nl: `N${code}`, fr: `F${code}` }, parent });
  const geo = new Geography(
    [unit("11000", "arrondissement", null, null, "11000"), unit("11001", "municipality", null, "2019-01-01", "11000"),
      unit("11099", "municipality", "2019-01-01", null, "11000")],
    [{ oldCode: "11001", newCode: "11099", date: "2019-01-01", relationship: "recoded", transfer: "partial" }],
    [],
  );
  assert.throws(() => mapValuesToBoundaries(geo, new Map([["11001", 1]]), 2018, 2019), /11001 \(N11001\).*partial transfer/);
});

test("mapToBoundaries(values, ...) rejects codes that are not municipalities of the start year, listing them", () => {
  assert.throws(() => mapToBoundaries(new Map([["12041", 1], ["99999", 2]]), 2015, 2019), (e: unknown) =>
    e instanceof UnknownCodeError && e.codes.join() === "12041,99999");
});

test("the curated 2019 units agree with Statbel's REFNIS_2019.csv (codes, names, parents)", () => {
  const rows = readFileSync(sharedData("statbel/REFNIS_2019.csv"), "utf8").split(/\r?\n/).slice(1).filter((l) => l !== "")
    .map((l) => l.split(";")).filter((f) => f[0] !== "01000");
  const units = new Map(geographyOn("2019-01-01").map((u) => [u.code, u]));
  assert.equal(rows.length, units.size - 1);
  for (const f of rows) {
    const u = units.get(f[0]!);
    assert.ok(u, `REFNIS ${f[0]} is in the curated 2019 units`);
    if (u.level === "region") {
      assert.equal(u.name.fr.toUpperCase(), f[1]);
      assert.equal(u.name.nl.toUpperCase(), f[4]);
    } else {
      assert.equal(u.name.fr, f[1], `French name of ${f[0]}`);
      assert.equal(u.name.nl, f[4], `Dutch name of ${f[0]}`);
    }
    if (u.level === "municipality") assert.equal(u.parent, f[0]!.slice(0, 2) + "000");
  }
});

test("parentOf(code, level) climbs the tree; Brussels has no province", () => {
  assert.equal(parentOf("11002", "arrondissement"), "11000");
  assert.equal(parentOf("11002", "province"), "10000");
  assert.equal(parentOf("11002", "region"), "02000");
  assert.equal(parentOf("11002", "country"), "BE");
  assert.equal(parentOf("21004", "province"), null);
  assert.equal(parentOf("21004", "region"), "04000");
  assert.equal(parentOf("24062", "province"), "20001");
  assert.equal(parentOf("25072", "province"), "20002");
  assert.equal(parentOf("25072", "region"), "03000");
  assert.throws(() => parentOf("10000", "municipality"), /10000 is a province/);
  assert.throws(() => parentOf("99999", "region"), UnknownCodeError);
});

test("childrenOf(code, date) lists the units below on that date", () => {
  assert.equal(childrenOf("BE").length, 3);
  assert.deepEqual(childrenOf("04000"), ["21000"]);
  assert.equal(childrenOf("21000").length, 19);
  assert.ok(childrenOf("11000", "2024-01-01").includes("11007"));
  assert.ok(!childrenOf("11000", "2025-01-01").includes("11056"));
  assert.ok(childrenOf("46000", "2025-01-01").includes("46030"));
  assert.equal(childrenOf("50000", "2015-01-01").length, 7);
  assert.equal(childrenOf("50000", "2019-01-01").length, 7);
  assert.ok(childrenOf("50000", "2019-01-01").includes("58000"));
});

test("nutsCodeOf(code, version) follows the 2021 recoding of Hainaut and Limburg", () => {
  assert.equal(nutsCodeOf("57000", "2016"), "BE327");
  assert.equal(nutsCodeOf("57000", "2021"), "BE328");
  assert.equal(nutsCodeOf("54000", "2016"), "BE324");
  assert.equal(nutsCodeOf("54000", "2021"), null);
  assert.equal(nutsCodeOf("58001", "2021"), "BE329");
  assert.equal(nutsCodeOf("55022", "2016"), "BE325");
  assert.equal(nutsCodeOf("71047", "2016"), "BE221");
  assert.equal(nutsCodeOf("72042", "2021"), "BE225");
  assert.equal(nutsCodeOf("63023", "2021"), "BE336");
  assert.equal(nutsCodeOf("63079", "2021"), "BE335");
  assert.equal(nutsCodeOf("21004", "2021"), "BE100");
  assert.equal(nutsCodeOf("04000", "2024"), "BE1");
  assert.equal(nutsCodeOf("BE", "2024"), "BE");
  // Not stated with confidence (README.md): NUTS 2024 below the regions, and units created in 2025.
  assert.equal(nutsCodeOf("11000", "2024"), null);
  assert.equal(nutsCodeOf("46030", "2021"), null);
});

test("the NUTS 2021 codes of the curated units are exactly the Belgian regions of the GISCO NUTS 2021 map", () => {
  const topo = JSON.parse(readFileSync(sharedData("geo/nuts2021_60M_4326_levels0-3.topojson"), "utf8")) as {
    objects: Record<string, { geometries: { properties: { NUTS_ID: string; CNTR_CODE: string } }[] }>;
  };
  const gisco = new Set<string>();
  for (const o of Object.values(topo.objects)) for (const g of o.geometries) if (g.properties.CNTR_CODE === "BE") gisco.add(g.properties.NUTS_ID);
  const ours = new Set<string>();
  for (const u of geographyOn("2021-01-01")) {
    const c = nutsCodeOf(u.code, "2021");
    if (c !== null) ours.add(c);
  }
  // Brussels' NUTS 2 region BE10 has the territory of the region (NUTS 1 BE1): no separate unit of ours.
  ours.add("BE10");
  assert.deepEqual([...ours].sort(), [...gisco].sort());
});

test("the NUTS 2016 codes of the curated units are exactly the Belgian rows of Eurostat's demo_r_gind3 (NUTS 2016)", () => {
  const lines = readFileSync(sharedData("eurostat/bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv"), "utf8").split("\n");
  const eurostat = lines.slice(1).map((l) => l.split("\t")[0]!.split(",")[1]!).filter((c) => c !== undefined && c.startsWith("BE"));
  const ours = new Set<string>(["BE10"]);
  for (const u of geographyOn("2018-01-01")) {
    const c = nutsCodeOf(u.code, "2016");
    if (c !== null) ours.add(c);
  }
  assert.deepEqual([...ours].sort(), [...new Set(eurostat)].sort());
});

test("data/reference/geography/make.ts regenerates the committed CSVs byte for byte", () => {
  const out = mkdtempSync(path.join(tmpdir(), "migmon-geography-"));
  try {
    const make = fileURLToPath(new URL("../../data/reference/geography/make.ts", import.meta.url));
    const run = spawnSync(process.execPath, ["--import", "tsx", make], {
      env: { ...process.env, MIGMON_GEOGRAPHY_OUT: out }, encoding: "utf8", cwd: fileURLToPath(new URL("../../", import.meta.url)),
    });
    assert.equal(run.status, 0, run.stderr);
    for (const file of ["units.csv", "crosswalk.csv", "nuts.csv"]) {
      const committed = readFileSync(new URL(`../../data/reference/geography/${file}`, import.meta.url), "utf8");
      assert.equal(readFileSync(path.join(out, file), "utf8"), committed, file);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("aggregateMunicipalities(2015 population, date, level) gives regions and Belgium, with a null part named", () => {
  const pop = population2015();
  const regions = aggregateMunicipalities(pop, "2015-01-01", "region");
  assert.deepEqual([...regions.values.keys()], ["02000", "03000", "04000"]);
  // Each region equals the sum by the file's own region column (CD_RGN_REFNIS), read by a plain split.
  const byColumn = new Map<string, number>();
  for (const line of readFileSync(sharedData("statbel/pop_by_municipality_nationality_sex_2009-2015.csv"), "utf8").split("\n").slice(1)) {
    const f = line.split(",");
    if (f[0] !== "2015") continue;
    const region = f[6]!.padStart(5, "0");
    byColumn.set(region, (byColumn.get(region) ?? 0) + Number(f[9]));
  }
  for (const [region, value] of regions.values) assert.equal(value, byColumn.get(region), `region ${region}`);
  assert.equal([...regions.values.values()].reduce<number>((s, v) => s + v!, 0), 11209044);
  assert.deepEqual([...aggregateMunicipalities(pop, "2015-01-01", "country").values], [["BE", 11209044]]);
  // Brussels municipalities are in no province.
  const provinces = aggregateMunicipalities(pop, "2015-01-01", "province");
  assert.equal(provinces.values.size, 10);
  assert.equal([...provinces.values.values()].reduce<number>((s, v) => s + v!, 0), 11209044 - regions.values.get("04000")!);
  const gap = new Map<string, number | null>(pop);
  gap.set("21004", null);
  const withGap = aggregateMunicipalities(gap, "2015-01-01", "region");
  assert.equal(withGap.values.get("04000"), null);
  assert.deepEqual(withGap.missing.get("04000"), ["21004"]);
  assert.equal(withGap.values.get("02000"), regions.values.get("02000"));
  assert.throws(() => aggregateMunicipalities(new Map([["12041", 1]]), "2015-01-01", "region"), UnknownCodeError);
});
