import assert from "node:assert/strict";
import { test } from "node:test";
import type { ChangeCost } from "../../src/analysis/changeCost.ts";
import { pelt } from "../../src/analysis/pelt.ts";
import { binarySegmentation } from "../../src/analysis/binarySegmentation.ts";
import { expectClose } from "./expectClose.ts";
import { readGolden } from "./goldenFile.ts";

interface PeltCase {
  series: string;
  cost: ChangeCost;
  penalty: "bic" | "mbic";
  min_segment: number;
  changepoints: number[];
  penalised_cost: number;
  penalty_value: number;
  variance: number | null;
}
interface PeltGolden {
  series: { name: string; periods: string[] | null; values: number[] }[];
  cases: PeltCase[];
}
const golden = readGolden<PeltGolden>("pelt", "pelt.json");

// Change points exactly; penalised costs and the estimated variance to 1e-9 (relative above 1, absolute below):
// the reference sums each segment directly, PELT from double-double prefix sums, so they differ by rounding.
const TOLERANCE = 1e-9;

for (const c of golden.cases) {
  const series = golden.series.find((s) => s.name === c.series);
  test(`pelt(y, {cost: ${c.cost}, penalty: ${c.penalty}, minSegment: ${c.min_segment}}) equals optimal partitioning on ${c.series}`, () => {
    assert.ok(series, `series ${c.series} in pelt.json`);
    const result = pelt(Float64Array.from(series.values), { cost: c.cost, penalty: c.penalty, minSegment: c.min_segment });
    assert.deepEqual(result.changepoints, c.changepoints);
    expectClose(result.penalisedCost, c.penalised_cost, TOLERANCE, "penalised cost");
    expectClose(result.penalty, c.penalty_value, TOLERANCE, "penalty");
    if (c.variance !== null) expectClose(result.variance ?? NaN, c.variance, TOLERANCE, "variance");
  });
}

test("binarySegmentation(y) finds the planted mean shifts of the simulated golden series, one greedily off by one", () => {
  // The exact optimum is [39, 69]. Binary segmentation first splits the whole series where one split gains
  // most, after position 71 (0-based 70), and keeps it: greedy, so its penalised cost is above PELT's.
  const series = golden.series.find((s) => s.name.startsWith("simulated normal, mean shifts"));
  assert.ok(series);
  const y = Float64Array.from(series.values);
  const greedy = binarySegmentation(y);
  assert.deepEqual(greedy.changepoints, [39, 70]);
  assert.ok(greedy.penalisedCost > pelt(y).penalisedCost);
});

test("pelt(y, {labels}) names the periods of the Belgian unemployment series in its reading", () => {
  const series = golden.series.find((s) => s.name.startsWith("Belgium: unemployment"));
  assert.ok(series?.periods);
  const result = pelt(Float64Array.from(series.values), { labels: series.periods });
  assert.match(result.reading, /being 1995, 1999, 2017/);
});
