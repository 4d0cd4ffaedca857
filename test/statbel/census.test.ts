import { test } from "node:test";
import assert from "node:assert/strict";
import { InputError } from "../../src/core/index.ts";
import { parseCensusHypercube } from "../../src/ingest/sources/statbel/parse.ts";
import type { StatbelTable } from "../../src/ingest/sources/statbel/parse.ts";
import { collect, statbelInput, statbelText, textInput } from "./statbel-files.ts";

const hypercubes = ["HC15", "HC16", "HC26", "HC27", "HC28"].map((n) => `census2011/TF_CENSUS_2011_${n}_L.csv.gz`);

/** The level-0 code of a dimension: the code without parent that every code leads up to. */
function topOf(table: StatbelTable, dimension: string, code: string): string {
  const list = table.codeLists.get(dimension)!;
  let current = code;
  for (;;) {
    const parent = list.get(current)?.parent;
    if (parent === null || parent === undefined) return current;
    current = parent;
  }
}

for (const file of hypercubes) {
  test(`parseCensusHypercube(${file.split("/")[1]}) sums to 11,000,638 at its total level`, async () => {
    // Independent sum by a plain split: the last field is OBS_VALUE (awk -F'|' 'NR>1{s+=$NF} END{print s}').
    const plain = statbelText(file).split("\n").slice(1).filter((l) => l !== "").reduce((s, l) => s + Number(l.split("|").at(-1)), 0);
    assert.equal(plain, 11000638);
    const table = await parseCensusHypercube(statbelInput(file));
    const observations = await collect(table);
    // Summing every cell up to the level-0 code of each dimension (BE, T, POP, TOTAL, ...) gives one total.
    const totals = new Map<string, number>();
    for (const o of observations) {
      const key = o.series.split(".").map((code, i) => topOf(table, table.header.dimensions[i]!, code)).join(".");
      totals.set(key, (totals.get(key) ?? 0) + o.value!);
      assert.equal(o.period, "2011-01-01");
    }
    assert.equal(totals.size, 1);
    assert.equal([...totals.values()][0], 11000638);
    assert.equal(observations.length, statbelText(file).split("\n").filter((l) => l !== "").length - 1);
  });
}

test("parseCensusHypercube(HC26) keys a row by the deepest code of each dimension and keeps the hierarchy above it", async () => {
  const table = await parseCensusHypercube(statbelInput("census2011/TF_CENSUS_2011_HC26_L.csv.gz"));
  const observations = await collect(table);
  assert.deepEqual(table.header.dimensions, ["geo", "sex", "pob", "cas", "yat", "age"]);
  assert.equal(table.header.datasetCode, "TF_CENSUS_2011_HC26_L");
  // First data row: BE|…|T|F|…|TOTAL|FOR|…|NEU|…|EUR_NEU|…|AD|…|POP|ACT|…|EMP|…|TOTAL|Y_LE1999_NRA|…|TOTAL|Y30-49|…|Y40-44|…|1
  assert.deepEqual(observations[0], { series: "BE.F.AD.EMP.Y_LE1999_NRA.Y40-44", period: "2011-01-01", value: 1, flags: "" });
  const pob = table.codeLists.get("pob")!;
  assert.deepEqual(pob.get("AD"), { code: "AD", level: 4, parent: "EUR_NEU", label: { nl: "Andorra", fr: "Andorre" } });
  assert.equal(pob.get("EUR_NEU")?.parent, "NEU");
  assert.equal(pob.get("NEU")?.parent, "FOR");
  assert.equal(pob.get("FOR")?.parent, "TOTAL");
  assert.equal(pob.get("TOTAL")?.parent, null);
  // Rows whose level 4 is empty are keyed by their level-3 code.
  const shallow = statbelText("census2011/TF_CENSUS_2011_HC26_L.csv.gz").split("\n").find((l) => l.split("|")[17] === "" && l.includes("|"))!;
  const level3 = shallow.split("|")[14]!;
  assert.ok(observations.some((o) => o.series.split(".")[2] === level3), `a series keyed by level-3 code ${level3}`);
});

test("parseCensusHypercube(HC16) keeps the NUTS hierarchy of its geography (Belgium, regions, provinces)", async () => {
  const table = await parseCensusHypercube(statbelInput("census2011/TF_CENSUS_2011_HC16_L.csv.gz"));
  await collect(table);
  const geo = table.codeLists.get("geo")!;
  assert.equal(geo.get("BE10")?.parent, "BE1");
  assert.equal(geo.get("BE21")?.parent, "BE2");
  assert.equal(geo.get("BE35")?.label.fr, "Province de Namur");
  assert.deepEqual([...geo.values()].filter((e) => e.level === 2).map((e) => e.code).sort(),
    ["BE10", "BE21", "BE22", "BE23", "BE24", "BE25", "BE31", "BE32", "BE33", "BE34", "BE35"]);
  // Citizenship: TOTAL splits into Belgians, foreigners, stateless and unknown at level 1.
  const coc = table.codeLists.get("coc")!;
  assert.deepEqual([...coc.values()].filter((e) => e.parent === "TOTAL").map((e) => e.code).sort(), ["FOR", "NAT", "STLS", "UNK"]);
});

const head = "CD_GEO_LVL_0|CD_SEX_LVL_0|CD_SEX_LVL_1|TX_SEX_DESCR_FR_LVL_1|TX_SEX_DESCR_NL_LVL_1|OBS_VALUE";

test("parseCensusHypercube(input) throws InputError with the line for malformed lines", async () => {
  const cases: [string, RegExp, number][] = [
    [`${head}\nBE|T|F|Femmes|Vrouw|12\nBE|T|F\n`, /expected 6 fields, found 3/, 3],
    [`${head}\nBE|T|F|Femmes|Vrouw|x\n`, /not a count: "x"/, 2],
    [`${head}\nBE|T|F|Femmes|Vrouw|1\nBE|T|F|Femmes|Vrouw|2\n`, /second row for BE.F/, 3],
    [`${head}\nBE||F|Femmes|Vrouw|1\n`, /sex has a code at level 1 below an empty level 0/, 2],
  ];
  for (const [text, message, line] of cases) {
    const table = await parseCensusHypercube(textInput("TF_CENSUS_2011_HC99_L.csv", text));
    await assert.rejects(collect(table), (e: unknown) => e instanceof InputError && e.line === line && message.test(e.message), message.source);
  }
  await assert.rejects(parseCensusHypercube(textInput("x.csv", "A|B\n1|2\n")), /not a Statbel census hypercube/);
});
