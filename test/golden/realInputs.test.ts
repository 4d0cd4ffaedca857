// The real series inside the golden files (made by R in test/golden/golden-io.R) are read again here from the
// publishers' files by a second route (Node's gunzip + csv-parse), so a golden file cannot silently hold
// anything but the published figures.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { test } from "node:test";
import { parse } from "csv-parse/sync";
import { sharedData } from "../shared-data.ts";
import { readGolden } from "./goldenFile.ts";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function readGzCsv(relative: string, columns: boolean): string[][] | Record<string, string>[] {
  return parse(gunzipSync(readFileSync(sharedData(relative))), { columns, skip_empty_lines: true }) as string[][] | Record<string, string>[];
}

interface GoldenSeries {
  name: string;
  periods?: string[];
  y: (number | null)[];
}
function findCase(method: string, file: string, listKey: string, startsWith: string): GoldenSeries {
  const golden = readGolden<Record<string, GoldenSeries[]>>(method, file);
  const found = (golden[listKey] ?? []).find((c) => c.name.startsWith(startsWith));
  assert.ok(found, `${method}/${file} has a case named ${startsWith}...`);
  return found;
}

test("golden asylum series equals the UNHCR monthly file summed over origins for Belgium, '*' cells left out", () => {
  const rows = readGzCsv("unhcr/unhcr_popstats_asylum_seekers_monthly_2012-2017_noheader.csv.gz", false) as string[][];
  const totals = new Map<string, number>();
  for (const [asylum, , year, month, value] of rows) {
    if (asylum !== "Belgium") continue;
    const period = `${year}-${String(MONTHS.indexOf(month as string) + 1).padStart(2, "0")}`;
    totals.set(period, (totals.get(period) ?? 0) + (value === "*" ? 0 : Number(value)));
  }
  const periods = [...totals.keys()].sort();
  const golden = findCase("its", "its.json", "cases", "UNHCR Belgium monthly asylum applications 2012-01");
  assert.deepEqual(golden.periods, periods);
  assert.deepEqual(golden.y, periods.map((p) => totals.get(p)));
  assert.equal(totals.get("2015-10"), golden.y[periods.indexOf("2015-10")]);
});

test("golden unemployment series equal Eurostat lfsa_urgan for BE, T, Y15-64, foreigners", () => {
  const rows = readGzCsv("eurostat/sdmx-csv/unemployment_rates_yearly.csv.gz", true) as Record<string, string>[];
  const foreign = rows
    .filter((r) => r.geo === "BE" && r.sex === "T" && r.age === "Y15-64" && r.citizen === "FOR")
    .sort((a, b) => Number(a.TIME_PERIOD) - Number(b.TIME_PERIOD));
  const golden = findCase("ols", "ols.json", "cases", "Eurostat lfsa_urgan BE 1995-2024");
  assert.deepEqual(golden.y, foreign.map((r) => Number(r.OBS_VALUE)));
  // PROVENANCE.md's spot figure: foreigners' rate 9.8 % in 2023.
  assert.equal(golden.y[2023 - 1995], 9.8);
});

test("golden immigration series equals migr_imm1ctz BE Total, with the absent years 2008 and 2009 as null", () => {
  const rows = readGzCsv("eurostat/derived_immigration_by_citizenship_migr_imm1ctz.csv.gz", true) as Record<string, string>[];
  const byYear = new Map(
    rows.filter((r) => r.geo === "Belgium" && r["Country of citizenship"] === "Total").map((r) => [Number(r.year), Number(r["Migrants number"])]),
  );
  const golden = findCase("ols", "ols.json", "cases", "Eurostat migr_imm1ctz BE Total");
  const years = Array.from({ length: 2023 - 1998 + 1 }, (_, i) => 1998 + i);
  assert.deepEqual(golden.y, years.map((y) => byYear.get(y) ?? null));
  assert.equal(byYear.get(2019), 150006);
});
