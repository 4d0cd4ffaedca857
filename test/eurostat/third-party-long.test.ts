// The parsers of the third-party long tables made from Eurostat's data (derived_* and the IOM reshaping), on the
// real files of shared/data, with the expected figures read from the same files by plain code.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, it } from "node:test";
import { UnknownCodeError } from "../../src/core/index.ts";
import { eurostatParsers } from "../../src/ingest/formats.ts";
import { bytesInput, collect, eurostatFile, eurostatPath, sharedDataDir } from "./real-files.ts";

const iomFile = "international/iom_gdidata/eurostat_first_time_asylum_applications_by_nationality_sex_2011-2024.csv.gz";

describe("derived-long parser (derived_*_by_citizenship_* tables)", () => {
  it("eurostatParsers['derived-long'] reads immigration by citizenship with Eurostat's codes: Belgium 2019 TOTAL 150,006 as in the file", async () => {
    const text = gunzipSync(readFileSync(eurostatPath("derived_immigration_by_citizenship_migr_imm1ctz.csv.gz"))).toString("utf8");
    const row = text.split("\n").find((l) => l === "Total,Belgium,2019,150006.0");
    assert.ok(row, "the file's own row");
    const table = await eurostatParsers["derived-long"](eurostatFile("derived_immigration_by_citizenship_migr_imm1ctz.csv.gz"));
    assert.deepEqual(table.header.dimensions, ["citizen", "geo"]);
    const observations = await collect(table);
    assert.equal(observations.find((o) => o.series === "TOTAL.BE" && o.period === "2019")?.value, 150006);
    // Greece is Eurostat's EL, our GR; continents (code - in eurostat-labels.csv) are left out.
    assert.ok(observations.some((o) => o.series === "GR.BE"));
    assert.ok(!observations.some((o) => o.series.startsWith("-.")));
  });

  it("eurostatParsers['derived-long'] refuses a label that eurostat-labels.csv does not map, naming it and its line", async () => {
    const input = bytesInput("t.csv", "Country of citizenship,geo,year,Migrants number\nAtlantis,Belgium,2019,3.0\n");
    await assert.rejects(collect(await eurostatParsers["derived-long"](input)), (e: unknown) => e instanceof UnknownCodeError && /Atlantis/.test(e.message) && /line 2/.test(e.message));
  });
});

describe("iom-long parser (IOM reshaping of migr_asyappctza)", () => {
  it("eurostatParsers['iom-long'] reads first-time applicants with ISO 3166-1 alpha-2 codes: Belgium 2022 adds up to the file's 36,715", async () => {
    const text = gunzipSync(readFileSync(`${sharedDataDir()}${iomFile}`)).toString("utf8");
    let expected = 0;
    for (const line of text.split("\n")) {
      const f = line.split(",");
      if (f[0] === '"BEL"' && f[1] === "2022") expected += Number(f[4]);
    }
    assert.equal(expected, 36715);
    const table = await eurostatParsers["iom-long"]({ name: iomFile, chunks: (async function* () { yield readFileSync(`${sharedDataDir()}${iomFile}`); })() });
    assert.deepEqual(table.header.dimensions, ["geo", "citizen", "sex"]);
    const observations = await collect(table);
    const belgium = observations.filter((o) => o.series.startsWith("BE.") && o.period === "2022");
    assert.equal(belgium.reduce((s, o) => s + (o.value ?? 0), 0), expected);
    assert.ok(observations.some((o) => o.series.startsWith("EU27_2020.")));
  });

  it("eurostatParsers['iom-long'] lists every code it cannot map with its line", async () => {
    const input = bytesInput("t.csv", '"geo","t","nat","sex","n"\n"BEL",2022,"QQQ","female",1\n"BEL",2022,"SYR","other",2\n');
    await assert.rejects(collect(await eurostatParsers["iom-long"](input)), (e: unknown) => e instanceof UnknownCodeError && /QQQ/.test(e.message) && /other/.test(e.message));
  });
});
