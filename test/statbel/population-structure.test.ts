import { test } from "node:test";
import assert from "node:assert/strict";
import { InputError, UnknownCodeError } from "../../src/core/index.ts";
import { parsePopulationStructure } from "../../src/ingest/sources/statbel/parse.ts";
import { parentOf } from "../../src/reference/geography.ts";
import { collect, statbelInput, statbelText, textInput } from "./statbel-files.ts";

/** The real 2015 file parsed once for the tests that read it (it has 457,051 rows). */
const parsed2015 = (async () => {
  const table = await parsePopulationStructure(statbelInput("TF_SOC_POP_STRUCT_2015.txt.gz"));
  return { table, observations: await collect(table) };
})();
// The tests that await it report a failure; this only keeps it from counting as an unhandled rejection first.
parsed2015.catch(() => undefined);

test("parsePopulationStructure(TF_SOC_POP_STRUCT_2015) sums to 11,209,044 residents of whom 1,255,286 non-Belgians", async () => {
  // Independent sums by a plain split of the same file (same as:
  // zcat TF_SOC_POP_STRUCT_2015.txt.gz | awk -F'|' 'NR>1{s+=$21; if($14=="ETR") e+=$21} END{print s, e}').
  let plainTotal = 0;
  let plainForeign = 0;
  const lines = statbelText("TF_SOC_POP_STRUCT_2015.txt.gz").split("\n");
  for (const line of lines.slice(1)) {
    if (line === "") continue;
    const f = line.split("|");
    plainTotal += Number(f[20]);
    if (f[13] === "ETR") plainForeign += Number(f[20]);
  }
  assert.equal(plainTotal, 11209044);
  assert.equal(plainForeign, 1255286);

  const { table, observations } = await parsed2015;
  assert.deepEqual(table.header.dimensions, ["refnis", "sex", "nationality", "civil_status", "age"]);
  assert.equal(table.header.datasetCode, "TF_SOC_POP_STRUCT_2015");
  let total = 0;
  let foreign = 0;
  let rows = 0;
  const municipalities = new Set<string>();
  for (const o of observations) {
    rows++;
    total += o.value!;
    const [refnis, , nationality] = o.series.split(".");
    if (nationality === "ETR") foreign += o.value!;
    municipalities.add(refnis!);
    assert.equal(o.period, "2015-01-01");
  }
  assert.equal(rows, lines.length - 2);
  assert.equal(total, plainTotal);
  assert.equal(foreign, plainForeign);
  assert.equal(municipalities.size, 589);
  assert.ok(municipalities.has("21004") && municipalities.has("11002"));
});

test("parsePopulationStructure(file) keeps the file's hierarchy, which agrees with the curated geography (Brussels without province)", async () => {
  const { table } = await parsed2015;
  const refnis = table.codeLists.get("refnis")!;
  let checked = 0;
  for (const entry of refnis.values()) {
    if (entry.level !== 4) continue;
    assert.equal(entry.parent, parentOf(entry.code, "arrondissement"), `arrondissement of ${entry.code}`);
    const arr = refnis.get(entry.parent!)!;
    const province = parentOf(entry.code, "province");
    assert.equal(arr.parent, province ?? parentOf(entry.code, "region"), `parent of arrondissement ${arr.code}`);
    checked++;
  }
  assert.equal(checked, 589);
  assert.equal(refnis.get("21000")?.parent, "04000");
  assert.equal(refnis.get("02000")?.label.nl, "Vlaams Gewest");
  assert.equal(table.codeLists.get("nationality")?.get("ETR")?.label.nl, "Vreemdelingen");
  assert.equal(table.codeLists.get("civil_status")?.get("20")?.label.fr, "Marié");
});

const header = "CD_REFNIS|TX_DESCR_NL|TX_DESCR_FR|CD_DSTR_REFNIS|TX_ADM_DSTR_DESCR_NL|TX_ADM_DSTR_DESCR_FR|CD_PROV_REFNIS|TX_PROV_DESCR_NL|TX_PROV_DESCR_FR|CD_RGN_REFNIS|TX_RGN_DESCR_NL|TX_RGN_DESCR_FR|CD_SEX|CD_NATLTY|TX_NATLTY_FR|TX_NATLTY_NL|CD_CIV_STS|TX_CIV_STS_FR|TX_CIV_STS_NL|CD_AGE|MS_POPULATION";
const row = (code: string, sex: string, age: string, value: string) =>
  `${code}|Aartselaar|Aartselaar|11000|Arrondissement Antwerpen|Arrondissement d'Anvers|10000|Provincie Antwerpen|Province d'Anvers|2000|Vlaams Gewest|Région flamande|${sex}|BEL|Belges|Belgen|10|Célibataire|Ongehuwd|${age}|${value}`;

test("parsePopulationStructure(input) reads the newer column names, restores 4-digit codes and takes the year from the name", async () => {
  const table = await parsePopulationStructure(textInput("TF_SOC_POP_STRUCT_2022.txt", `${header}\r\n${row("11001", "F", "3", "12")}\r\n`));
  const obs = await collect(table);
  assert.deepEqual(obs, [{ series: "11001.F.BEL.10.3", period: "2022-01-01", value: 12, flags: "" }]);
  assert.equal(table.codeLists.get("refnis")?.get("02000")?.parent, "BE");
});

test("parsePopulationStructure(input) throws InputError with the line for a malformed line", async () => {
  const short = textInput("TF_SOC_POP_STRUCT_2022.txt", `${header}\n${row("11001", "F", "3", "12")}\n11001|Aartselaar\n`);
  await assert.rejects(collect(await parsePopulationStructure(short)), (e: unknown) =>
    e instanceof InputError && e.line === 3 && /expected 21 fields, found 2/.test(e.message) && /TF_SOC_POP_STRUCT_2022\.txt line 3/.test(e.message));
  const count = textInput("TF_SOC_POP_STRUCT_2022.txt", `${header}\n${row("11001", "F", "3", "1.5")}\n`);
  await assert.rejects(collect(await parsePopulationStructure(count)), (e: unknown) => e instanceof InputError && e.line === 2 && /not a count: "1.5"/.test(e.message));
  const twice = textInput("TF_SOC_POP_STRUCT_2022.txt", `${header}\n${row("11001", "F", "3", "1")}\n${row("11001", "F", "3", "2")}\n`);
  await assert.rejects(collect(await parsePopulationStructure(twice)), (e: unknown) => e instanceof InputError && e.line === 3 && /second row/.test(e.message));
  const code = textInput("TF_SOC_POP_STRUCT_2022.txt", `${header}\n${row("1X001", "F", "3", "1")}\n`);
  await assert.rejects(collect(await parsePopulationStructure(code)), (e: unknown) => e instanceof InputError && e.line === 2 && /not a REFNIS code/.test(e.message));
});

test("parsePopulationStructure(input) lists every unknown sex code at once", async () => {
  const input = textInput("TF_SOC_POP_STRUCT_2022.txt", `${header}\n${row("11001", "X", "3", "1")}\n${row("11001", "Y", "4", "1")}\n${row("11001", "X", "5", "1")}\n`);
  await assert.rejects(collect(await parsePopulationStructure(input)), (e: unknown) =>
    e instanceof UnknownCodeError && e.dimension === "sex" && e.codes.join() === "X,Y" && e.line === 2);
});

test("parsePopulationStructure(input) refuses a file without its columns or without a known year", async () => {
  await assert.rejects(parsePopulationStructure(textInput("TF_SOC_POP_STRUCT_2022.txt", "CD_REFNIS|MS_POPULATION\n")), /missing column TX_MUNTY_DESCR_NL or TX_DESCR_NL in TF_SOC_POP_STRUCT_2022.txt line 1/);
  await assert.rejects(parsePopulationStructure(textInput("population.txt", `${header}\n`)), /reference date is unknown/);
  await assert.rejects(parsePopulationStructure(textInput("TF_SOC_POP_STRUCT_2022.txt", "")), /empty file/);
});
