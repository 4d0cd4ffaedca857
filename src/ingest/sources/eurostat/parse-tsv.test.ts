import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../../../core/index.ts";
import { bytesInput, collect, eurostatFile, find } from "../../../../test/eurostat/real-files.ts";
import { parseEurostatTsv } from "./parse-tsv.ts";

describe("parseEurostatTsv", () => {
  it("parseEurostatTsv(demo_r_gind3 subset) reads 64 rows x 20 years with flags and missing values", async () => {
    const table = await parseEurostatTsv(eurostatFile("bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv"));
    assert.deepEqual(table.header, { dimensions: ["indic_de", "geo"], sourceUpdatedAt: null, datasetCode: null });
    const obs = await collect(table);
    // 64 data rows x 20 year columns: `tail -n +2 demo_r_gind3_CNMIGRAT_subset.tsv | wc -l` = 64
    assert.equal(obs.length, 1280);
    // `awk -F'\t' '$1=="CNMIGRAT,BE"{print $6, $9, $10}'` -> `62110 ` (2015), `43110 b` (2012), `69799 b` (2011)
    assert.deepEqual(find(obs, "CNMIGRAT.BE", "2015"), { series: "CNMIGRAT.BE", period: "2015", value: 62110, flags: "" });
    assert.deepEqual(find(obs, "CNMIGRAT.BE", "2012"), { series: "CNMIGRAT.BE", period: "2012", value: 43110, flags: "b" });
    assert.deepEqual(find(obs, "CNMIGRAT.BE", "2011"), { series: "CNMIGRAT.BE", period: "2011", value: 69799, flags: "b" });
    // the Belgian regional rows carry b in 2014: `awk -F'\t' '$1 ~ /,BE[0-9]/ && $7 ~ / b/' | wc -l` = 58
    assert.equal(obs.filter((o) => o.series.startsWith("CNMIGRAT.BE") && o.series !== "CNMIGRAT.BE" && o.period === "2014" && o.flags === "b").length, 58);
    // `awk -F'\t' '$1=="CNMIGRAT,AL"{print $6}'` -> `-27007 e`
    assert.deepEqual(find(obs, "CNMIGRAT.AL", "2015"), { series: "CNMIGRAT.AL", period: "2015", value: -27007, flags: "e" });
    // `: ` in the 2019 column of BE -> null, no flag
    assert.deepEqual(find(obs, "CNMIGRAT.BE", "2019"), { series: "CNMIGRAT.BE", period: "2019", value: null, flags: "" });
    // the NUTS 2016 code BE335 stays as it is
    assert.ok(find(obs, "CNMIGRAT.BE335", "2018"));
  });

  it("parseEurostatTsv(gzip bytes) inflates gov_10dd_edpt1 and reads 6,322 rows x 20 years", async () => {
    const obs = await collect(await parseEurostatTsv(eurostatFile("bulk-tsv/gov_10dd_edpt1.tsv.gz")));
    // `zcat gov_10dd_edpt1.tsv.gz | tail -n +2 | wc -l` = 6322
    assert.equal(obs.length, 6322 * 20);
    // `zcat gov_10dd_edpt1.tsv.gz | grep -P '^MIO_EUR,S1,B1GQ,BE\t'` -> first cell (2014) `400642.9 `
    assert.equal(find(obs, "MIO_EUR.S1.B1GQ.BE", "2014")?.value, 400642.9);
  });

  it("parseEurostatTsv(teina200, tsdde410) reads oldest-first columns", async () => {
    const teina = await collect(await parseEurostatTsv(eurostatFile("bulk-tsv/teina200.tsv")));
    // `grep -P '^MIO_EUR,BE\t' teina200.tsv` -> 2003 column `-4977.4 `
    assert.equal(find(teina, "MIO_EUR.BE", "2003")?.value, -4977.4);
    const debt = await collect(await parseEurostatTsv(eurostatFile("bulk-tsv/tsdde410.tsv")));
    // `grep -P '^MIO_EUR,BE\t' tsdde410.tsv` -> 1995 column `287975.2 `
    assert.equal(find(debt, "MIO_EUR.BE", "1995")?.value, 287975.2);
  });

  it("parseEurostatTsv maps EL/UK to GR/GB, canonicalises quarters and months, keeps `: c` as null with flag c", async () => {
    const text = "unit,geo\\TIME_PERIOD\t2019Q1 \t2019M03 \nPC,EL\t1.5 p\t: c\nPC,UK\t2 \t3 bep\nPC,EL30\t4 \t5 \n";
    const table = await parseEurostatTsv(bytesInput("t.tsv", text, 7));
    assert.deepEqual(table.header.dimensions, ["unit", "geo"]);
    const obs = await collect(table);
    assert.deepEqual(obs.slice(0, 2), [
      { series: "PC.GR", period: "2019-Q1", value: 1.5, flags: "p" },
      { series: "PC.GR", period: "2019-03", value: null, flags: "c" },
    ]);
    assert.equal(find(obs, "PC.GB", "2019-03")?.flags, "bep");
    assert.ok(find(obs, "PC.EL30", "2019-Q1"));
  });

  for (const [title, text, line] of [
    ["a wrong column count", "geo\\time\t2019 \t2018 \nBE\t1 \n", 2],
    ["a value that is not a number (12a)", "geo\\time\t2019 \nBE\t1 \nNL\t12a \n", 3],
    ["an unknown flag letter", "geo\\time\t2019 \nBE\t1 x\n", 2],
    ["a truncated last line", "geo\\time\t2019 \t2018 \nBE\t1 \t2 \nNL\t3", 3],
    ["a wrong number of codes", "unit,geo\\time\t2019 \nBE\t1 \n", 2],
  ] as const) {
    it(`parseEurostatTsv throws one InputError naming file and line for ${title}`, async () => {
      await assert.rejects(async () => collect(await parseEurostatTsv(bytesInput("bad.tsv", text))), (error: unknown) => {
        assert.ok(error instanceof InputError);
        assert.equal(error.source, "bad.tsv");
        assert.equal(error.line, line);
        assert.match(error.message, new RegExp(`in bad\\.tsv line ${line}$`));
        return true;
      });
    });
  }

  it("parseEurostatTsv throws InputError for a header without the dimension\\time cell", async () => {
    await assert.rejects(parseEurostatTsv(bytesInput("bad.tsv", "a,b,c\n1,2,3\n")), InputError);
  });
});
