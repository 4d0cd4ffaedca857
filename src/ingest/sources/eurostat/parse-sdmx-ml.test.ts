import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../../../core/index.ts";
import { bytesInput, collect, eurostatFile, eurostatText } from "../../../../test/eurostat/real-files.ts";
import { parseSdmxMl, readAsyncAnswer } from "./parse-sdmx-ml.ts";

describe("parseSdmxMl", () => {
  it("parseSdmxMl(NAMA_10_GDP-ss.xml) reads the StructureSpecificData series of LU GDP 2012-2015", async () => {
    const table = await parseSdmxMl(eurostatFile("sdmx-ml/NAMA_10_GDP-ss.xml"));
    assert.deepEqual(table.header, { dimensions: ["geo", "na_item", "unit", "freq"], sourceUpdatedAt: null, datasetCode: "NAMA_10_GDP" });
    // the four <Obs> lines of the file: 46526.2, 49094.5, 51791.3, 54142.3
    assert.deepEqual((await collect(table)).map((o) => [o.series, o.period, o.value, o.flags]), [
      ["LU.B1GQ.CP_MEUR.A", "2012", 46526.2, ""],
      ["LU.B1GQ.CP_MEUR.A", "2013", 49094.5, ""],
      ["LU.B1GQ.CP_MEUR.A", "2014", 51791.3, ""],
      ["LU.B1GQ.CP_MEUR.A", "2015", 54142.3, ""],
    ]);
  });

  for (const file of ["GOV_10Q_GGNFA.xml", "CL_FREQ.xml"]) {
    it(`parseSdmxMl(${file}) throws "not a data message" for a structure message`, async () => {
      await assert.rejects(parseSdmxMl(eurostatFile(`sdmx-ml/${file}`)), /not a data message/);
    });
  }

  it("parseSdmxMl(footer.xml) throws InputError: the asynchronous notice is not data", async () => {
    await assert.rejects(parseSdmxMl(eurostatFile("sdmx-ml/footer.xml")), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.match(error.message, /not a data message/);
      return true;
    });
  });

  it("readAsyncAnswer(footer.xml) gives the file key and URL; null for a data message", () => {
    const footer = eurostatText("sdmx-ml/footer.xml");
    // footer.xml: <common:Text>http://ec.europa.eu/eurostat/SDMX/diss-web/file/wHsvjs7hQCy7Dqf4</common:Text>, code="413"
    assert.deepEqual(readAsyncAnswer(footer), {
      key: "wHsvjs7hQCy7Dqf4", status: "queued", url: "http://ec.europa.eu/eurostat/SDMX/diss-web/file/wHsvjs7hQCy7Dqf4", code: "413",
    });
    assert.equal(readAsyncAnswer(eurostatText("sdmx-ml/NAMA_10_GDP-ss.xml")), null);
  });

  it("parseSdmxMl reads OBS_STATUS, CONF_STATUS C, NaN as null and maps geo EL to GR", async () => {
    const xml = `<?xml version="1.0"?><m:StructureSpecificData xmlns:m="x"><m:Header><m:DataSetID>T</m:DataSetID></m:Header>
<u:DataSet xmlns:u="y"><Series geo="EL" freq="A"><Obs TIME_PERIOD="2019" OBS_VALUE="NaN" OBS_STATUS="p"/>
<Obs TIME_PERIOD="2020" OBS_VALUE="2" CONF_STATUS="C"/></Series></u:DataSet></m:StructureSpecificData>`;
    const obs = await collect(await parseSdmxMl(bytesInput("t.xml", xml, 16)));
    assert.deepEqual(obs, [
      { series: "GR.A", period: "2019", value: null, flags: "p" },
      { series: "GR.A", period: "2020", value: 2, flags: "c" },
    ]);
  });

  for (const [title, xml, line] of [
    ["truncated XML", '<m:StructureSpecificData xmlns:m="x"><DataSet><Series geo="BE"><Obs TIME_PERIOD="2019" OBS_VALUE="1"/>\n</Series>', 2],
    ["a non-numeric value (12a)", '<m:StructureSpecificData xmlns:m="x"><DataSet><Series geo="BE">\n<Obs TIME_PERIOD="2019" OBS_VALUE="12a"/></Series></DataSet></m:StructureSpecificData>', 2],
    ["an unknown flag letter", '<m:StructureSpecificData xmlns:m="x"><DataSet><Series geo="BE">\n\n<Obs TIME_PERIOD="2019" OBS_VALUE="1" OBS_STATUS="x"/></Series></DataSet></m:StructureSpecificData>', 3],
  ] as const) {
    it(`parseSdmxMl throws one InputError naming file and line for ${title}`, async () => {
      await assert.rejects(async () => collect(await parseSdmxMl(bytesInput("bad.xml", xml))), (error: unknown) => {
        assert.ok(error instanceof InputError);
        assert.equal(error.source, "bad.xml");
        assert.equal(error.line, line);
        return true;
      });
    });
  }
});
