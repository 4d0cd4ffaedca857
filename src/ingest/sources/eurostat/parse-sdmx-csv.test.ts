import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError, UnknownCodeError } from "../../../core/index.ts";
import { bytesInput, collect, eurostatFile, find } from "../../../../test/eurostat/real-files.ts";
import { curatedEurostatParsers as eurostatParsers } from "../../../../test/eurostat/real-files.ts";

const parse = eurostatParsers["sdmx-csv"];

describe("SDMX-CSV parser", () => {
  it("sdmx-csv(asylum_applicants_total, full variant) gives Belgian asylum applicants 2015 = 44,760", async () => {
    const table = await parse(eurostatFile("sdmx-csv/asylum_applicants_total.csv"));
    assert.deepEqual(table.header, {
      dimensions: ["freq", "citizen", "sex", "unit", "age", "asyl_app", "geo"], sourceUpdatedAt: null, datasetCode: "MIGR_ASYAPPCTZA",
    });
    const obs = await collect(table);
    assert.equal(obs.length, 1080); // `tail -n +2 asylum_applicants_total.csv | wc -l`
    // `grep ',BE,Belgium,2015,' asylum_applicants_total.csv | grep 'TOTAL,Total,T,Total,PER,Person,TOTAL,Total,ASY_APP'`
    // -> `...,BE,Belgium,2015,,44760,,,,,` (PROVENANCE.md quick sanity figure: 44,760)
    assert.deepEqual(find(obs, "A.TOTAL.T.PER.TOTAL.ASY_APP.BE", "2015"), {
      series: "A.TOTAL.T.PER.TOTAL.ASY_APP.BE", period: "2015", value: 44760, flags: "",
    });
    // geo EL -> GR, UK -> GB
    assert.ok(obs.some((o) => o.series.endsWith(".GR")));
    assert.ok(!obs.some((o) => o.series.endsWith(".EL") || o.series.endsWith(".UK")));
  });

  it("sdmx-csv(temporary protection, monthly) reads months and empty OBS_VALUE as null with its flag", async () => {
    const obs = await collect(await parse(eurostatFile("sdmx-csv/temporary_protection_beneficiaries_monthly.csv")));
    assert.equal(obs.length, 1136);
    // python csv: rows with empty OBS_VALUE -> line 220: DE 2022-03, OBS_FLAG d
    assert.deepEqual(find(obs, "M.PER.UA.T.TOTAL.DE", "2022-03"), { series: "M.PER.UA.T.TOTAL.DE", period: "2022-03", value: null, flags: "d" });
    assert.equal(obs.filter((o) => o.value === null).length, 5); // PROVENANCE.md: 5 empty values
    assert.equal(find(obs, "M.PER.UA.T.TOTAL.AT", "2022-07")?.value, 73785); // line 2
  });

  it("sdmx-csv(country_population, labels variant) maps labels to codes and reads LAST UPDATE", async () => {
    const table = await parse(eurostatFile("sdmx-csv/country_population.csv"));
    assert.deepEqual(table.header, { dimensions: ["freq", "indic_de", "geo"], sourceUpdatedAt: "2025-03-27T23:00:00", datasetCode: "DEMO_GIND" });
    const obs = await collect(table);
    // `grep -n 'Belgium,2020' country_population.csv` -> `...,Population on 1 January - total,Belgium,2020,11522440,,`
    assert.equal(find(obs, "A.JAN.BE", "2020")?.value, 11522440);
    // Greece -> EL -> GR; United Kingdom -> UK -> GB
    assert.equal(find(obs, "A.JAN.GR", "2020")?.value, 10718565);
    assert.equal(find(obs, "A.JAN.GB", "2019")?.value, 66647112);
    assert.equal(obs.filter((o) => o.flags === "bep").length, 1); // OBS_FLAG counts: bep 1
  });

  it("sdmx-csv(unemployment_by_citizenship, labels) maps citizen and age labels", async () => {
    const table = await parse(eurostatFile("sdmx-csv/unemployment_by_citizenship.csv"));
    const obs = await collect(table);
    assert.equal(obs.length, 5719);
    assert.equal(obs.filter((o) => o.value === null).length, 1300);
    // line 23: Thousand persons,Females,From 15 to 74 years,EU27 countries (from 2020) except reporting country,Belgium,2023,13.3
    assert.equal(find(obs, "A.THS_PER.F.Y15-74.EU27_2020_FOR.BE", "2023")?.value, 13.3);
  });

  it("sdmx-csv(migrants_illegally_present) strips $DEFAULTVIEW and lists every unknown label with its first line", async () => {
    const table = await parse(eurostatFile("sdmx-csv/migrants_illegally_present.csv"));
    assert.equal(table.header.datasetCode, "MIGR_EIPRE");
    await assert.rejects(collect(table), (error: unknown) => {
      assert.ok(error instanceof UnknownCodeError);
      // the reason and apprehen labels of MIGR_EIPRE are not in the curated table (their codes are unverified), except
      // "Other reason", which maps to OTH since the table took tps00171's reasons (d5387ca): 2 reasons, 5 apprehen.
      assert.equal(error.codes.length, 7);
      assert.ok(!error.codes.some((c) => c.startsWith("reason: Other reason")));
      assert.ok(error.codes.includes("reason: Illegal entry (line 2)"));
      assert.equal(error.line, 2);
      return true;
    });
  });

  it("sdmx-csv(gzip bytes of employment_rates_yearly) reads the full variant with low-reliability flags", async () => {
    const obs = await collect(await parse(eurostatFile("sdmx-csv/employment_rates_yearly.csv.gz")));
    assert.equal(obs.length, 7983);
    assert.equal(obs.filter((o) => o.value === null).length, 188);
    assert.equal(obs.filter((o) => o.flags === "bu").length, 74);
  });

  it("sdmx-csv reads the SDMX-CSV 1.0 of the API with codes, and CONF_STATUS C as flag c", async () => {
    const text = [
      "DATAFLOW,LAST UPDATE,freq,citizen,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS",
      "ESTAT:MIGR_IMM1CTZ(1.0),16/04/25 23:00:00,A,UK,EL,2019,10,p,",
      "ESTAT:MIGR_IMM1CTZ(1.0),16/04/25 23:00:00,A,TOTAL,BE,2019,,,C",
    ].join("\n");
    const table = await parse(bytesInput("api.csv", text, 5));
    assert.deepEqual(table.header, { dimensions: ["freq", "citizen", "geo"], sourceUpdatedAt: "2025-04-16T23:00:00", datasetCode: "MIGR_IMM1CTZ" });
    assert.deepEqual(await collect(table), [
      { series: "A.GB.GR", period: "2019", value: 10, flags: "p" },
      { series: "A.TOTAL.BE", period: "2019", value: null, flags: "c" },
    ]);
  });

  it("sdmx-csv reads an SDMX-CSV 2.0 with an ACTION column and no label columns", async () => {
    const text = "STRUCTURE,STRUCTURE_ID,ACTION,freq,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\ndataflow,ESTAT:DEMO_GIND(1.0),I,A,UK,2019,66647112,\n";
    const table = await parse(bytesInput("v2.csv", text));
    assert.deepEqual(table.header, { dimensions: ["freq", "geo"], sourceUpdatedAt: null, datasetCode: "DEMO_GIND" });
    assert.deepEqual(await collect(table), [{ series: "A.GB", period: "2019", value: 66647112, flags: "" }]);
  });

  it("sdmx-csv maps labels in a DATAFLOW file without LAST UPDATE column", async () => {
    const text = "DATAFLOW,freq,geo,TIME_PERIOD,OBS_VALUE\nESTAT:DEMO_GIND(1.0),Annual,Greece,2020,10718565\n";
    assert.deepEqual(await collect(await parse(bytesInput("l.csv", text))), [{ series: "A.GR", period: "2020", value: 10718565, flags: "" }]);
  });

  const head = "DATAFLOW,LAST UPDATE,freq,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS\n";
  for (const [title, body, line, type] of [
    ["a wrong column count", "ESTAT:X(1.0),,A,BE,2019,1,,\nESTAT:X(1.0),,A,BE,2020,1,\n", 3, InputError],
    ["a non-numeric value (12a)", "ESTAT:X(1.0),,A,BE,2019,12a,,\n", 2, InputError],
    ["an unknown flag letter", "ESTAT:X(1.0),,A,BE,2019,1,x,\n", 2, InputError],
    ["an unclosed quote (truncated file)", "ESTAT:X(1.0),,A,BE,2019,1,,\nESTAT:X(1.0),,A,\"BE", 3, InputError],
    ["an unknown label", "ESTAT:X(1.0),,Annual,Belgium,2019,1,,\nESTAT:X(1.0),,Annual,Atlantis,2019,1,,\n", 3, UnknownCodeError],
  ] as const) {
    it(`sdmx-csv throws one InputError naming file and line for ${title}`, async () => {
      await assert.rejects(async () => collect(await parse(bytesInput("bad.csv", head + body))), (error: unknown) => {
        assert.ok(error instanceof type);
        assert.ok(error instanceof InputError);
        assert.equal(error.source, "bad.csv");
        assert.equal(error.line, line);
        return true;
      });
    });
  }
});
