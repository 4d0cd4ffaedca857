import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../../../../src/core/index.ts";
import { mapObservationStatus, mapOecdArea } from "../../../../src/ingest/sources/oecd/codes.ts";
import { parseOecdSdmxCsv } from "../../../../src/ingest/sources/oecd/parse.ts";
import { UnknownCodesError } from "../../../../src/ingest/sources/international/unknownCodes.ts";
import { collect, sharedDataInput, textInput } from "../international/sharedData.ts";

const file = "oecd/oecd_imd_DF_MIG_inflows_extract.csv";
const header = "STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,REF_AREA,Reference area,CITIZENSHIP,Citizenship,FREQ,Frequency of observation,MEASURE,Measure,TIME_PERIOD,Time period,OBS_VALUE,Observation value,OBS_STATUS,Observation status,UNIT_MULT,Unit multiplier\n";
const row = (area: string, year: string, value: string, status = "A", mult = "0") =>
  `DATAFLOW,OECD.ELS.IMD:DSD_MIG@DF_MIG(1.0),International migration database,I,${area},Somewhere,W,World,A,Annual,B11,Inflows,${year},,${value},,${status},,${mult},\n`;

describe("OECD International Migration Database (SDMX-CSV 2.0 with labels)", () => {
  it("parseOecdSdmxCsv(real DF_MIG extract) reads the header: 8 dimensions in file order, dataflow DSD_MIG@DF_MIG", async () => {
    const table = await parseOecdSdmxCsv(sharedDataInput(file));
    assert.deepEqual(table.header.dimensions, ["ref_area", "citizenship", "freq", "measure", "sex", "birth_place", "education_lev", "unit_measure"]);
    assert.equal(table.header.datasetCode, "DSD_MIG@DF_MIG");
    const observations = await collect(table);
    // wc -l oecd_imd_DF_MIG_inflows_extract.csv -> 394 lines, one header
    assert.equal(observations.length, 393);
    assert.ok(observations.every((o) => o.flags === "" && o.value !== null));
  });

  it("parseOecdSdmxCsv(real extract) gives the OECD inflow of foreign population for Belgium in 2022: 192,002", async () => {
    // grep ',BEL,' oecd_imd_DF_MIG_inflows_extract.csv | awk -F, '$21==2022 {print $23}'  ->  192002
    const observations = await collect(await parseOecdSdmxCsv(sharedDataInput(file)));
    const be2022 = observations.filter((o) => o.series === "BE.TOTAL.A.B11._T._Z._Z.PS" && o.period === "2022");
    assert.deepEqual(be2022.map((o) => o.value), [192002]);
  });

  it("parseOecdSdmxCsv(input) maps OBS_STATUS to flags, applies UNIT_MULT and makes missing statuses null", async () => {
    const text = header + row("BEL", "2020", "12.5", "P", "3") + row("FRA", "2020", "7", "B") + row("DEU", "2020", "", "M") + row("NLD", "2020", "9", "E");
    const observations = await collect(await parseOecdSdmxCsv(textInput("oecd.csv", text)));
    assert.deepEqual(observations.map((o) => [o.series, o.value, o.flags]), [
      ["BE.TOTAL.A.B11", 12500, "p"],
      ["FR.TOTAL.A.B11", 7, "b"],
      ["DE.TOTAL.A.B11", null, "z"],
      ["NL.TOTAL.A.B11", 9, "e"],
    ]);
  });

  it("parseOecdSdmxCsv(input with unknown area codes) throws UnknownCodesError listing them all with their first lines", async () => {
    const text = header + row("BEL", "2020", "1") + row("XYZ", "2020", "1") + row("QQQ", "2021", "1") + row("XYZ", "2021", "1");
    await assert.rejects(collect(await parseOecdSdmxCsv(textInput("oecd.csv", text))), (e: unknown) => {
      assert.ok(e instanceof UnknownCodesError);
      assert.equal(e.message, 'unknown ref_area codes "XYZ" (line 3), "QQQ" (line 4) in oecd.csv line 3');
      return true;
    });
  });

  it("parseOecdSdmxCsv(input with a malformed row, status or period) throws InputError naming the file and line", async () => {
    const cases: Array<[string, RegExp]> = [
      [header + row("BEL", "2020", "1").replace(/,\n$/, "\n"), /expected 20 fields, found 19 in oecd\.csv line 2$/],
      [header + row("BEL", "2020", "1", "Z"), /unknown OBS_STATUS "Z" in oecd\.csv line 2$/],
      [header + row("BEL", "20-20", "1"), /bad TIME_PERIOD "20-20" in oecd\.csv line 2$/],
      [header + row("BEL", "2020", "1,5".replace(",", ";")), /not a number in column "OBS_VALUE": "1;5" in oecd\.csv line 2$/],
      ["STRUCTURE,REF_AREA,OBS_VALUE\n", /missing SDMX-CSV columns "STRUCTURE_ID", "TIME_PERIOD" in oecd\.csv line 1$/],
    ];
    for (const [text, message] of cases) {
      await assert.rejects(async () => collect(await parseOecdSdmxCsv(textInput("oecd.csv", text))), (e: unknown) => e instanceof InputError && message.test(e.message));
    }
  });
});

describe("OECD codes", () => {
  it("mapOecdArea(code) maps ISO alpha-3 to alpha-2, W to TOTAL and keeps SDMX special codes", () => {
    assert.equal(mapOecdArea("BEL"), "BE");
    assert.equal(mapOecdArea("W"), "TOTAL");
    assert.equal(mapOecdArea("_Z"), "_Z");
    assert.equal(mapOecdArea("XYZ"), undefined);
  });

  it("mapObservationStatus(status) follows SDMX CL_OBS_STATUS and is undefined for unknown letters", () => {
    assert.deepEqual(mapObservationStatus("A"), { flags: "", missing: false });
    assert.deepEqual(mapObservationStatus("Q"), { flags: "c", missing: true });
    assert.equal(mapObservationStatus("Z"), undefined);
  });
});
