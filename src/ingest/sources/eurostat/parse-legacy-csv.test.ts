import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError, UnknownCodeError } from "../../../core/index.ts";
import { bytesInput, collect, eurostatBytes, eurostatFile, find } from "../../../../test/eurostat/real-files.ts";
import { curatedEurostatParsers as eurostatParsers } from "../../../../test/eurostat/real-files.ts";

const parse = eurostatParsers["legacy-csv"];

describe("legacy appsso CSV parser", () => {
  it("legacy-csv(migr_asyappctza totals) reads thousands separators, labels and the flag column", async () => {
    const table = await parse(eurostatFile("legacy-csv/migr_asyappctza_totals_2008-2016.csv"));
    assert.deepEqual(table.header.dimensions, ["geo", "citizen", "sex", "age", "asyl_app", "unit"]);
    const obs = await collect(table);
    assert.equal(obs.length, 1224);
    // line 2: 2008,"European Union (28 countries)","Extra-EU-28","Total","Total","Asylum applicant","Person","225,150","d"
    assert.deepEqual(find(obs, "EU28.EXT_EU28.T.TOTAL.ASY_APP.PER", "2008"), {
      series: "EU28.EXT_EU28.T.TOTAL.ASY_APP.PER", period: "2008", value: 225150, flags: "d",
    });
    // line 8: 2008,"Belgium","Total","Total","Total","Asylum applicant","Person","15,940",""
    assert.equal(find(obs, "BE.TOTAL.T.TOTAL.ASY_APP.PER", "2008")?.value, 15940);
    assert.equal(obs.filter((o) => o.value === null).length, 116); // python csv: 116 values ":"
  });

  it("legacy-csv(demo_pjan) maps Greece and United Kingdom to GR and GB, `:` to null", async () => {
    const obs = await collect(await parse(eurostatFile("legacy-csv/demo_pjan_totals_2007-2016.csv")));
    assert.equal(obs.length, 580);
    // line 478: "2015","Greece","Total","Total","Number","10,858,018",""
    assert.equal(find(obs, "GR.TOTAL.T.NR", "2015")?.value, 10858018);
    // line 499: "2015","United Kingdom","Total","Total","Number","64,875,165","e"
    assert.deepEqual(find(obs, "GB.TOTAL.T.NR", "2015"), { series: "GB.TOTAL.T.NR", period: "2015", value: 64875165, flags: "e" });
    // line 53: "2007","Monaco","Total","Total","Number",":",""
    assert.equal(find(obs, "MC.TOTAL.T.NR", "2007")?.value, null);
  });

  it("legacy-csv(gzip, Windows-1252 labels) reads all 34,680 rows of all citizenships", async () => {
    const obs = await collect(await parse(eurostatFile("legacy-csv/migr_asyappctza_allcitizenships_2012-2016.csv.gz")));
    assert.equal(obs.length, 34680);
    // `zcat ... | sed -n 92p` -> "2012","European Union (28 countries)","C\xf4te d'Ivoire",...,"2,420","d"
    assert.equal(find(obs, "EU28.CI.T.TOTAL.NASY_APP.PER", "2012")?.value, 2420);
  });

  it("legacy-csv(migr_asydcfsta) maps decision labels", async () => {
    const obs = await collect(await parse(eurostatFile("legacy-csv/migr_asydcfsta_2008-2016.csv")));
    assert.equal(obs.length, 1836);
    // line 3: "2008","European Union (28 countries)","Extra-EU-28","Total","Total","Total positive decisions","Person","57,945",""
    assert.equal(find(obs, "EU28.EXT_EU28.T.TOTAL.TOTAL_POS.PER", "2008")?.value, 57945);
  });

  it("legacy-csv(real file truncated inside a quoted field) throws one InputError naming file and line", async () => {
    const bytes = eurostatBytes("legacy-csv/demo_pjan_totals_2007-2016.csv");
    // line 3 is "2007","European Union (27 countries)",...; cut after `"2007","Euro`
    const cut = Buffer.from(bytes).indexOf('"2007","European Union (27') + 12;
    await assert.rejects(async () => collect(await parse(bytesInput("cut.csv", bytes.subarray(0, cut)))), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.equal(error.source, "cut.csv");
      assert.equal(error.line, 3);
      return true;
    });
  });

  const head = '"TIME","GEO","UNIT","Value","Flag and Footnotes"\n';
  for (const [title, body, line, type] of [
    ["a wrong column count", '"2015","Belgium","Number","1",""\n"2015","Belgium","Number","1"\n', 3, InputError],
    ["a non-numeric value (12a)", '"2015","Belgium","Number","12a",""\n', 2, InputError],
    ["a misplaced thousands separator", '"2015","Belgium","Number","1,23",""\n', 2, InputError],
    ["an unknown flag letter", '"2015","Belgium","Number","1","x"\n', 2, InputError],
    ["an unknown label", '"2015","Belgium","Number","1",""\n"2015","Atlantis","Number","1",""\n', 3, UnknownCodeError],
  ] as const) {
    it(`legacy-csv throws one InputError naming file and line for ${title}`, async () => {
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
