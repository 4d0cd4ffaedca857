import assert from "node:assert/strict";
import { test } from "node:test";
import { InsufficientDataError } from "../../src/core/index.ts";
import type { ChangeCost } from "../../src/analysis/changeCost.ts";
import { binarySegmentation } from "../../src/analysis/binarySegmentation.ts";
import { pelt } from "../../src/analysis/pelt.ts";
import { normalDraw, poissonDraw, seededUniform } from "./seededRandom.ts";

test("binarySegmentation(y, {cost: poisson}) splits 1,1,1,9,9,9,3,3,3,3 first after 3 then after 6", () => {
  // By hand, cost 2 x (log m - log x), penalty 2 log 10 = 4.61. Whole: x = 40, m = 10: 80 log(10/40) = -110.90.
  // Split after 3: 0 + 78 log(7/39) = -133.98, gain 23.07; after 6: 60 log(6/30) + 24 log(4/12) = -122.94,
  // gain 12.04; so the first change goes after 3. Then 9,9,9,3,3,3,3 splits after its third value:
  // 54 log(3/27) + 24 log(4/12) = -145.02, gain 11.04 > 4.61. Constant segments gain nothing.
  const result = binarySegmentation(Float64Array.from([1, 1, 1, 9, 9, 9, 3, 3, 3, 3]), { cost: "poisson" });
  assert.deepEqual(result.changepoints, [2, 5]);
  assert.equal(result.method, "binary-segmentation");
  const expected = 54 * Math.log(1 / 9) + 24 * Math.log(4 / 12) + 2 * 2 * Math.log(10);
  assert.ok(Math.abs(result.penalisedCost - expected) < 1e-12);
  assert.match(result.reading, /^Binary segmentation/);
});

test("binarySegmentation(y, {maxChangepoints: 1}) stops after the change with the largest gain", () => {
  // The first split (gain 23.07, see above) is after the third value.
  const result = binarySegmentation(Float64Array.from([1, 1, 1, 9, 9, 9, 3, 3, 3, 3]), { cost: "poisson", maxChangepoints: 1 });
  assert.deepEqual(result.changepoints, [2]);
});

test("binarySegmentation(y) throws InsufficientDataError for a series shorter than two segments", () => {
  assert.throws(() => binarySegmentation(Float64Array.from([1, 2, 3]), { minSegment: 2 }), InsufficientDataError);
});

test("binarySegmentation(y, options) never beats PELT's penalised cost on 1000 seeded random series", () => {
  // PELT is exact (see pelt.test.ts), binary segmentation greedy: its cost is >= PELT's, up to rounding.
  let equal = 0;
  for (let seed = 1; seed <= 1000; seed++) {
    const uniform = seededUniform(50000 + seed);
    const cost = (["normal-mean", "normal-meanvar", "poisson"] as ChangeCost[])[seed % 3] as ChangeCost;
    const n = 10 + Math.floor(uniform() * 60);
    let level = 4 * uniform();
    const y = Float64Array.from({ length: n }, () => {
      if (uniform() < 0.08) level = 4 * uniform();
      return cost === "poisson" ? poissonDraw(uniform, level) : level + normalDraw(uniform);
    });
    const options = { cost, penalty: seed % 2 === 0 ? ("bic" as const) : ("mbic" as const), variance: 1 };
    const greedy = binarySegmentation(y, options);
    const exact = pelt(y, options);
    assert.ok(greedy.penalisedCost >= exact.penalisedCost - 1e-9 * Math.max(1, Math.abs(exact.penalisedCost)), `seed ${seed}`);
    if (greedy.changepoints.join(",") === exact.changepoints.join(",")) equal += 1;
  }
  // Greedy and exact agree on most series of this kind; if they never did, the greedy search would be broken.
  assert.ok(equal > 700, `agreement in ${equal} of 1000`);
});

test("binarySegmentation(y) finds mean shifts of 6 noise standard deviations planted after 30 and 60 within 2 positions", () => {
  for (let seed = 1; seed <= 200; seed++) {
    const uniform = seededUniform(10000 + seed);
    const y = Float64Array.from({ length: 90 }, (_, i) => (i < 30 ? 0 : i < 60 ? 6 : 0) + normalDraw(uniform));
    const found = binarySegmentation(y, { penalty: "mbic" }).changepoints;
    for (const planted of [29, 59]) assert.ok(found.some((c) => Math.abs(c - planted) <= 2), `seed ${seed}: ${found.join(",")}`);
  }
});
