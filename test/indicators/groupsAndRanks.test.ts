import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Period } from "../../src/core/index.ts";
import { inputSchema } from "../../src/indicators/catalogue.ts";
import type { Evaluated } from "../../src/indicators/formulas.ts";
import type { InputFigure } from "../../src/indicators/inputs.ts";
import { sumNationalityGroups } from "../../src/indicators/nationalityGroupSums.ts";
import { rankTop } from "../../src/indicators/ranking.ts";

const input = inputSchema.parse({
  dataset: "eurostat:migr_imm1ctz_derived", geo: "geo", coding: "country", levels: ["country"],
  breakdown: ["citizen"], groups: "citizen", availability: "offline",
});
const figure = (geo: string, period: string, citizen: string, value: number | null, flags = ""): InputFigure =>
  ({ geo, period: period as Period, breakdown: [citizen], cell: { value, flags } });
const valueOf = (figures: readonly InputFigure[], geo: string, period: string, group: string) =>
  figures.find((f) => f.geo === geo && f.period === period && f.breakdown[0] === group)?.cell;

describe("sumNationalityGroups(figures, input)", () => {
  it("sumNationalityGroups(figures, input) counts Croatia in other Europe in 2013 and in EU13 from 2014 (membership on 1 January)", () => {
    const out = sumNationalityGroups([figure("BE", "2013", "HR", 10), figure("BE", "2014", "HR", 20), figure("BE", "2014", "PL", 5)], input);
    assert.equal(valueOf(out, "BE", "2013", "EUR_NON_EU")?.value, 10);
    assert.equal(valueOf(out, "BE", "2013", "EU13"), undefined);
    assert.equal(valueOf(out, "BE", "2014", "EU13")?.value, 25);
  });

  it("sumNationalityGroups(figures, input) moves the United Kingdom from EU14 (2020) to other Europe (2021)", () => {
    const out = sumNationalityGroups([figure("BE", "2020", "GB", 7), figure("BE", "2021", "GB", 8)], input);
    assert.equal(valueOf(out, "BE", "2020", "EU14")?.value, 7);
    assert.equal(valueOf(out, "BE", "2021", "EUR_NON_EU")?.value, 8);
  });

  it("sumNationalityGroups(figures, input) never adds an aggregate, stateless, unknown or the reporting country's own nationals", () => {
    const out = sumNationalityGroups([
      figure("BE", "2019", "FR", 100), figure("BE", "2019", "EU27_2020_FOR", 5000), figure("BE", "2019", "TOTAL", 9000),
      figure("BE", "2019", "STLS", 3), figure("BE", "2019", "UNK", 4), figure("BE", "2019", "BE", 19010), figure("NL", "2019", "BE", 50),
    ], input);
    assert.equal(valueOf(out, "BE", "2019", "EU14")?.value, 100);
    assert.equal(valueOf(out, "NL", "2019", "EU14")?.value, 50);
    assert.equal(out.length, 2);
  });

  it("sumNationalityGroups(figures, input) follows the flag rule: flags carried, a confidential part withholds, a missing part makes the group missing", () => {
    const out = sumNationalityGroups([
      figure("BE", "2019", "MA", 10, "p"), figure("BE", "2019", "TN", 5),
      figure("BE", "2019", "SY", 1, "c"), figure("BE", "2019", "IQ", 2),
      figure("BE", "2019", "CN", null), figure("BE", "2019", "JP", 2),
    ], input);
    assert.deepEqual(valueOf(out, "BE", "2019", "MAGHREB"), { value: 15, flags: "p" });
    assert.equal(valueOf(out, "BE", "2019", "NEAR_MIDDLE_EAST")?.value, null);
    assert.match(valueOf(out, "BE", "2019", "NEAR_MIDDLE_EAST")?.flags ?? "", /c/);
    assert.equal(valueOf(out, "BE", "2019", "ASIA_OTHER")?.value, null);
  });
});

describe("rankTop(evaluated, over, top)", () => {
  const e: Evaluated = {
    dims: ["citizen"],
    rows: ["SY:5", "AF:9", "IQ:9", "ER:1", "SO:null", "TR:3"].map((s) => {
      const [c, v] = s.split(":") as [string, string];
      return { geo: "BE", period: "2015" as Period, breakdown: [c], cell: { value: v === "null" ? null : Number(v), flags: "" } };
    }),
  };

  it("rankTop(evaluated, over, top) keeps the top largest figures ranked 1..top, ties by code, missing figures never ranked", () => {
    const r = rankTop(e, "citizen", 3);
    assert.deepEqual(r.dims, ["rank", "citizen"]);
    assert.deepEqual(r.rows.map((x) => [...x.breakdown, x.cell.value]), [["1", "AF", 9], ["2", "IQ", 9], ["3", "SY", 5]]);
    assert.equal(rankTop(e, "citizen", 10).rows.length, 5);
  });

  it("rankTop(evaluated, over, top) throws naming the dimension when it is not a breakdown", () => {
    assert.throws(() => rankTop(e, "origin", 3), /rank over origin/);
  });
});
