import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError, UnknownCodeError } from "../../../core/index.ts";
import { LabelMapper, mapEurostatCode, readEurostatLabels } from "./codes.ts";
import { curatedLabelsCsv } from "../../../../test/eurostat/real-files.ts";

describe("Eurostat codes", () => {
  it("mapEurostatCode(dimension, code) maps EL/UK to GR/GB in country dimensions only, NUTS codes stay", () => {
    assert.equal(mapEurostatCode("geo", "EL"), "GR");
    assert.equal(mapEurostatCode("citizen", "UK"), "GB");
    assert.equal(mapEurostatCode("c_birth", "EL"), "GR");
    assert.equal(mapEurostatCode("partner", "UK"), "GB");
    assert.equal(mapEurostatCode("geo", "EL30"), "EL30");
    assert.equal(mapEurostatCode("geo", "UKI3"), "UKI3");
    assert.equal(mapEurostatCode("unit", "EL"), "EL");
    assert.equal(mapEurostatCode("geo", "BE"), "BE");
  });

  it("readEurostatLabels(curated table) maps labels per dimension to Eurostat codes", () => {
    const labels = readEurostatLabels(curatedLabelsCsv);
    const code = (d: string, l: string) => labels.byDimension.get(d)?.get(l);
    assert.equal(code("unit", "Thousand persons"), "THS_PER");
    assert.equal(code("sex", "Females"), "F");
    assert.equal(code("geo", "Belgium"), "BE");
    assert.equal(code("geo", "Greece"), "EL");
    assert.equal(code("geo", "European Union - 27 countries (from 2020)"), "EU27_2020");
    assert.equal(code("geo", "European Union (28 countries)"), "EU28");
    assert.equal(code("citizen", "Foreign country"), "FOR");
    assert.equal(code("citizen", "Côte d'Ivoire"), "CI");
    assert.equal(code("citizen", "Total"), "TOTAL");
    assert.equal(code("sex", "Total"), "T");
  });

  it("readEurostatLabels(text) throws InputError for a bad header and for one label naming two codes", () => {
    assert.throws(() => readEurostatLabels("dim,code,label\n", "l.csv"), /header must be/);
    assert.throws(() => readEurostatLabels("dimension,code,label\ngeo,BE,Belgium\ngeo,NL,Belgium\n", "l.csv"), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.equal(error.line, 3);
      return true;
    });
  });

  it("LabelMapper.throwIfUnknown() lists every unknown label of every dimension with its first line", () => {
    const mapper = new LabelMapper(readEurostatLabels("dimension,code,label\ngeo,EL,Greece\n"), "f.csv");
    assert.equal(mapper.code("geo", "Greece", 2), "GR");
    assert.equal(mapper.code("geo", "Atlantis", 3), null);
    assert.equal(mapper.code("sex", "Females", 4), null);
    assert.equal(mapper.code("geo", "Atlantis", 5), null);
    assert.throws(() => mapper.throwIfUnknown(), (error: unknown) => {
      assert.ok(error instanceof UnknownCodeError);
      assert.deepEqual(error.codes, ["geo: Atlantis (line 3)", "sex: Females (line 4)"]);
      assert.equal(error.line, 3);
      return true;
    });
  });
});
