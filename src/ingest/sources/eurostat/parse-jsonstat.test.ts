import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError, InputLimitError } from "../../../core/index.ts";
import { defaultInputLimits } from "../input/limits.ts";
import { bytesInput, collect, eurostatBytes, eurostatFile, find } from "../../../../test/eurostat/real-files.ts";
import { parseJsonStat } from "./parse-jsonstat.ts";

describe("parseJsonStat", () => {
  it("parseJsonStat(une_rt_m DE) reads the sparse value object and skips positions-with-no-data", async () => {
    const table = await parseJsonStat(eurostatFile("jsonstat/une_rt_m_DE_since_2024-01.json"));
    assert.deepEqual(table.header, {
      dimensions: ["freq", "s_adj", "age", "unit", "sex", "geo"], sourceUpdatedAt: "2026-09-22T11:00:00+0200", datasetCode: "UNE_RT_M",
    });
    const obs = await collect(table);
    // `python3 -c "import json; d=json.load(open(f)); print(d['size'], len(d['value']), d['extension']['positions-with-no-data']['time'])"`
    // -> [1,1,1,1,1,1,32] 31 [31]: 32 months, 31 values, position 31 (2026-08) has no data
    assert.equal(obs.length, 31);
    assert.equal(find(obs, "M.SA.TOTAL.PC_ACT.T.DE", "2026-08"), undefined);
    // value "0" = 3.2 (2024-01), value "30" = 4.0 (2026-07)
    assert.deepEqual(find(obs, "M.SA.TOTAL.PC_ACT.T.DE", "2024-01"), { series: "M.SA.TOTAL.PC_ACT.T.DE", period: "2024-01", value: 3.2, flags: "" });
    assert.equal(find(obs, "M.SA.TOTAL.PC_ACT.T.DE", "2026-07")?.value, 4.0);
  });

  it("parseJsonStat(sts_inpr_m IE) gives confidential cells (status |C) as null with flag c", async () => {
    const obs = await collect(await parseJsonStat(eurostatFile("jsonstat/sts_inpr_m_IE_confidential.json")));
    // value {} and status {"0".."5": "|C"}, time 2023-01..2023-06
    assert.equal(obs.length, 6);
    assert.ok(obs.every((o) => o.value === null && o.flags === "c"));
    assert.equal(obs[0]?.period, "2023-01");
  });

  it("parseJsonStat(empty answer with a size of 0) gives zero observations", async () => {
    const table = await parseJsonStat(eurostatFile("jsonstat/nama_10_gdp_DE_since_2030_empty.json"));
    assert.equal(table.header.sourceUpdatedAt, "2026-09-21T23:00:00+0200");
    assert.deepEqual(await collect(table), []);
  });

  it("parseJsonStat(unknown geo code answer, empty geo dimension) gives zero observations", async () => {
    const table = await parseJsonStat(eurostatFile("jsonstat/une_rt_m_geo_XX_unknown_code_last1.json"));
    assert.deepEqual(table.header.dimensions, ["freq", "s_adj", "age", "unit", "sex", "geo"]);
    assert.deepEqual(await collect(table), []);
  });

  it("parseJsonStat reads a value array, status array with p| and maps EL to GR", async () => {
    const doc = {
      version: "2.0", class: "dataset", id: ["geo", "time"], size: [2, 2], updated: "2025-01-01",
      dimension: { geo: { category: { index: ["EL", "BE"] } }, time: { category: { index: { "2019Q1": 0, "2019Q2": 1 } } } },
      value: [1, null, 3, 4], status: ["p|", null, "", "e"],
    };
    const obs = await collect(await parseJsonStat(bytesInput("a.json", JSON.stringify(doc))));
    assert.deepEqual(obs, [
      { series: "GR", period: "2019-Q1", value: 1, flags: "p" },
      { series: "BE", period: "2019-Q1", value: 3, flags: "" },
      { series: "BE", period: "2019-Q2", value: 4, flags: "e" },
    ]);
  });

  it("parseJsonStat throws InputError naming the file for broken JSON", async () => {
    await assert.rejects(parseJsonStat(bytesInput("bad.json", '{\n"class": "dataset",\n"id": [,]\n}')), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.equal(error.source, "bad.json");
      assert.match(error.message, /^not JSON .* in bad\.json/);
      return true;
    });
  });

  it("parseJsonStat(real answer truncated in half) throws InputError naming the file", async () => {
    const bytes = eurostatBytes("jsonstat/une_rt_m_DE_since_2024-01.json");
    await assert.rejects(parseJsonStat(bytesInput("cut.json", bytes.subarray(0, bytes.length >> 1))), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.equal(error.source, "cut.json");
      return true;
    });
  });

  it("parseJsonStat throws InputError for a value that is not a number and for an unknown flag", async () => {
    const base = { class: "dataset", id: ["geo", "time"], size: [1, 1], dimension: { geo: { category: { index: ["BE"] } }, time: { category: { index: ["2019"] } } } };
    await assert.rejects(async () => collect(await parseJsonStat(bytesInput("v.json", JSON.stringify({ ...base, value: { 0: "12a" } })))), InputError);
    await assert.rejects(async () => collect(await parseJsonStat(bytesInput("s.json", JSON.stringify({ ...base, value: { 0: 1 }, status: { 0: "x" } })))), InputError);
  });
  it("parseJsonStat(size 8589934592) throws InputLimitError naming the field and the setting, not RangeError", async () => {
    const doc = (size: number[]) => JSON.stringify({
      class: "dataset", id: ["geo", "time"], size, value: {},
      dimension: { geo: { category: { index: ["BE"] } }, time: { category: { index: ["2019"] } } },
    });
    for (const size of [[8589934592, 1], [0, 8589934592], [20000, 20000]]) {
      await assert.rejects(async () => collect(await parseJsonStat(bytesInput("big.json", doc(size)))), (error: unknown) => {
        assert.ok(error instanceof InputLimitError, String(error));
        assert.match(error.message, /^big\.json: "size" .* more than 100000000 cells; set MIGMON_MAX_DECLARED_CELLS to raise the limit$/);
        return true;
      });
    }
    // the limit is the input's: lowered, a 1-cell cube passes and a 2-cell one does not
    const limits = { ...defaultInputLimits, maxDeclaredCells: 1 };
    assert.deepEqual(await collect(await parseJsonStat({ ...bytesInput("one.json", doc([1, 1])), limits })), []);
    await assert.rejects(async () => parseJsonStat({ ...bytesInput("two.json", doc([1, 2])), limits }), InputLimitError);
  });

  it("parseJsonStat(value 1E309) names the literal: 'value 1E309 at index 3 is not a finite number'", async () => {
    const text = '{"class":"dataset","id":["geo","time"],"size":[1,4],"dimension":{"geo":{"category":{"index":["BE"]}},' +
      '"time":{"category":{"index":["2019","2020","2021","2022"]}}},"value":[1,2,3,1E309]}';
    await assert.rejects(async () => collect(await parseJsonStat(bytesInput("inf.json", text))),
      (error: unknown) => error instanceof InputError && error.message === "value 1E309 at index 3 is not a finite number in inf.json");
  });

  it("parseJsonStat(a 1 MiB string value) quotes an excerpt, not the whole value", async () => {
    const base = { class: "dataset", id: ["geo", "time"], size: [1, 1], dimension: { geo: { category: { index: ["BE"] } }, time: { category: { index: ["2019"] } } } };
    const big = "x".repeat(1 << 20);
    await assert.rejects(async () => collect(await parseJsonStat(bytesInput("long.json", JSON.stringify({ ...base, value: [big] })))), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.ok(error.message.length < 300, `${error.message.length} characters`);
      assert.match(error.message, /^value "x+…" \(1048576 characters\) at index 0 is not a number in long\.json$/);
      return true;
    });
  });
});
