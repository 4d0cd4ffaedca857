import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { splitAgeGroup } from "../../src/impact/ageBands.ts";
import { allocate, makeAllocationKey } from "../../src/impact/allocation.ts";
import { applyEstimates } from "../../src/impact/estimates.ts";
import { projectSeries } from "../../src/impact/projection.ts";
import { readScenarioFile } from "../../src/impact/scenario.ts";
import { loadRules } from "../../src/impact/rules.ts";
import { atLeastZero, classesNeeded } from "../../src/impact/serviceUnits.ts";
import { eligibilityInYear } from "../../src/impact/yearEligibility.ts";

describe("impact model steps, hand-computed", () => {
  it("splitAgeGroup(Y15-24) puts 3 of its 10 single years in 12-17 and 7 in 18-64; Y0-14 12/15 and 3/15", () => {
    assert.deepEqual([...splitAgeGroup("Y15-24")], [["12-17", 0.3], ["18-64", 0.7]]);
    assert.deepEqual([...splitAgeGroup("Y0-14")], [["0-11", 12 / 15], ["12-17", 3 / 15]]);
    assert.deepEqual([...splitAgeGroup("Y_GE65")], [["65+", 1]]);
    assert.throws(() => splitAgeGroup("Y10-19"), /unknown age group "Y10-19"/);
  });

  it("makeAllocationKey(weights) gives shares that add up to 1 with falls counted as 0, and allocate(total, key) adds up to the total", () => {
    const key = makeAllocationKey(new Map([["a", 30], ["b", 10], ["c", -5]]), "test");
    assert.deepEqual([...key], [["a", 0.75], ["b", 0.25], ["c", 0]]);
    const parts = allocate({ value: 1000, lower: 800, upper: 1300 }, key);
    assert.deepEqual(parts.get("a"), { value: 750, lower: 600, upper: 975 });
    const sum = (f: "value" | "lower" | "upper") => [...parts.values()].reduce((s, p) => s + p[f], 0);
    assert.equal(sum("value"), 1000);
    assert.equal(sum("lower"), 800);
    assert.equal(sum("upper"), 1300);
    assert.throws(() => makeAllocationKey(new Map([["a", 0], ["b", -1]]), "empty key"), /empty key has no positive weight/);
  });

  it("classesNeeded(pupils, class size) rounds up: 31 pupils at 15 make 3 classes, 30 make 2, 0 make 0; bounds from the size range", () => {
    const size = { value: 15, lower: 12, upper: 18 };
    assert.equal(classesNeeded({ value: 31, lower: 31, upper: 31 }, { value: 15, lower: 15, upper: 15 }).value, 3);
    assert.equal(classesNeeded({ value: 30, lower: 30, upper: 30 }, { value: 15, lower: 15, upper: 15 }).value, 2);
    assert.deepEqual(classesNeeded({ value: 0, lower: 0, upper: 0 }, size), { value: 0, lower: 0, upper: 0 });
    // Fewest pupils by the largest class (20/18 -> 2), most pupils by the smallest (40/12 -> 4).
    assert.deepEqual(classesNeeded({ value: 30, lower: 20, upper: 40 }, size), { value: 2, lower: 2, upper: 4 });
    assert.deepEqual(atLeastZero({ value: -3, lower: -10, upper: 4 }), { value: 0, lower: 0, upper: 4 });
  });

  it("eligibilityInYear(rules, civic-integration, BE2, 2022, applicant) is entitled for the 59 days before 1 March and not covered for the other 306", () => {
    const y = eligibilityInYear(loadRules(), "civic-integration", "BE2", 2022, { group: "third-country", status: "applicant", age: 30, monthsSinceArrival: 6 });
    assert.ok(Math.abs(y.entitled - 59 / 365) < 1e-12, String(y.entitled));
    assert.ok(Math.abs(y.notCovered - 306 / 365) < 1e-12, String(y.notCovered));
    assert.equal(y.obliged, 0);
    assert.deepEqual(y.rules, ["flanders-civic-integration-2016", "flanders-civic-integration-2022"]);
  });

  it("eligibilityInYear(rules, civic-integration, BE1, 2022, family migrant) is obliged for the 214 days from 1 June", () => {
    const y = eligibilityInYear(loadRules(), "civic-integration", "BE1", 2022, { group: "third-country", status: "permit-family", age: 30, monthsSinceArrival: 6 });
    assert.ok(Math.abs(y.obliged - 214 / 365) < 1e-12, String(y.obliged));
    assert.ok(Math.abs(y.entitled - 151 / 365) < 1e-12, String(y.entitled));
  });

  it("projectSeries(values, h, 80) uses the mean forecast below 7 values and ETS (A,N,N) from 7 on", () => {
    const short = projectSeries([10, 12, 14, 12, 10, 14], 2, 80, "short");
    assert.equal(short.method, "mean");
    assert.equal(short.values[0]!.value, 12);
    assert.equal(short.values[1]!.lower, short.values[0]!.lower);
    const long = projectSeries([10, 12, 14, 12, 10, 14, 13, 11], 2, 80, "long");
    assert.equal(long.method, "ets-ann");
    assert.ok(long.values[1]!.upper - long.values[1]!.lower >= long.values[0]!.upper - long.values[0]!.lower);
  });
  it("applyEstimates(scenario, shares) takes the latest year's third-country share and the range of the last 5 years; without data it keeps the assumption", () => {
    const scenario = readScenarioFile("baseline", process.cwd());
    const shares = { years: [2018, 2019, 2020, 2021, 2022, 2023], values: [0.5, 0.6, 0.55, 0.7, 0.65, 0.6], source: "test" };
    const p = applyEstimates(scenario, { thirdCountryShares: shares }).parameters.thirdCountryShare;
    assert.deepEqual([p.value, p.low, p.high, p.assumption], [0.6, 0.55, 0.7, false]);
    assert.match(p.source, /2023 share, range 2019-2023/);
    assert.equal(applyEstimates(scenario, { thirdCountryShares: null }), scenario);
    const unasked = { ...scenario, parameters: { ...scenario.parameters, thirdCountryShare: { ...scenario.parameters.thirdCountryShare, estimate: undefined } } };
    assert.equal(applyEstimates(unasked, { thirdCountryShares: shares }), unasked);
  });
});
