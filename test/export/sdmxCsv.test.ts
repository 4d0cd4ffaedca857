import assert from "node:assert/strict";
import { test } from "node:test";
import { parse } from "csv-parse/sync";
import { parseFlags, parsePeriod } from "../../src/core/index.ts";
import { exportLocale } from "../../src/i18n/index.ts";
import type { ExportLocale } from "../../src/indicators/export/index.ts";
import { exportSdmxCsv, sdmxStructureId } from "../../src/indicators/export/index.ts";
import { expectedByKey, sampleResult, valueKey } from "./sampleResult.ts";

const en: ExportLocale = exportLocale("en");
const result = sampleResult();

test("exportSdmxCsv(result, {locale}) writes the SDMX-CSV 2.0 header: structure, action, dimensions, measure, attributes", () => {
  const header = exportSdmxCsv(result, { locale: en }).split("\r\n")[0];
  assert.equal(header, "STRUCTURE,STRUCTURE_ID,ACTION,freq,geo,citizen,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS,"
    + "LOWER_BOUND,UPPER_BOUND,COMMENT_OBS,CITATION");
});

test("exportSdmxCsv(result, {locale}) read back by csv-parse gives the same numbers, nulls and flags", () => {
  const records = parse(exportSdmxCsv(result, { locale: en }), { columns: true }) as Record<string, string>[];
  const expected = expectedByKey(result);
  assert.equal(records.length, expected.size);
  for (const r of records) {
    assert.equal(r.STRUCTURE, "dataflow");
    assert.equal(r.STRUCTURE_ID, "MIGMON:immigration-rate(1.0)");
    assert.equal(r.ACTION, "I");
    assert.equal(r.freq, "A");
    const v = expected.get(valueKey(r.geo!, [r.citizen!], r.TIME_PERIOD!));
    assert.ok(v, `unexpected record ${JSON.stringify(r)}`);
    assert.equal(r.OBS_VALUE === "" ? null : Number(r.OBS_VALUE), v.value);
    assert.equal(parseFlags(`${r.OBS_FLAG}${r.CONF_STATUS === "C" ? "c" : ""}`), v.flags);
    assert.equal(r.LOWER_BOUND === "" ? null : Number(r.LOWER_BOUND), v.lower ?? null);
    assert.equal(r.UPPER_BOUND === "" ? null : Number(r.UPPER_BOUND), v.upper ?? null);
    assert.equal(r.COMMENT_OBS, (v.notes ?? []).join("; "));
    assert.equal(r.CITATION, en.citation(result));
  }
  const withheld = records.find((r) => r.geo === "BE" && r.TIME_PERIOD === "2021");
  assert.deepEqual([withheld?.OBS_VALUE, withheld?.OBS_FLAG, withheld?.CONF_STATUS], ["", "", "C"]);
  const zero = records.find((r) => r.geo === "BE21" && r.TIME_PERIOD === "2020");
  assert.equal(zero?.OBS_VALUE, "0");
});

test("exportSdmxCsv(result, {locale}) codes the frequency of each period as SDMX CL_FREQ", () => {
  const periods = ["2019-S1", "2019-Q2", "2019-03", "2019-W05", "2019-01-01"].map(parsePeriod);
  const mixed = { ...result, breakdownDimensions: [], values: periods.map((period, i) => ({ geo: "BE", period, value: i, flags: "" })) };
  const records = parse(exportSdmxCsv(mixed, { locale: en }), { columns: true }) as Record<string, string>[];
  assert.deepEqual(records.map((r) => [r.freq, r.TIME_PERIOD]),
    [["S", "2019-S1"], ["Q", "2019-Q2"], ["M", "2019-03"], ["W", "2019-W05"], ["D", "2019-01-01"]]);
});

test("sdmxStructureId(id) makes the indicator id an SDMX id under agency MIGMON", () => {
  assert.equal(sdmxStructureId("net-migration"), "MIGMON:net-migration(1.0)");
  assert.equal(sdmxStructureId("rate per 1.000"), "MIGMON:rate_per_1_000(1.0)");
});
