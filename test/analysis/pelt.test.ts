import assert from "node:assert/strict";
import { test } from "node:test";
import { InsufficientDataError, MigmonError } from "../../src/core/index.ts";
import type { ChangeCost, ChangePenalty } from "../../src/analysis/changeCost.ts";
import { estimateNoiseVariance, penaltyValue } from "../../src/analysis/changeCost.ts";
import { pelt } from "../../src/analysis/pelt.ts";
import { normalMeanCost, normalMeanVarCost, optimalPartitioning, poissonCost } from "./optimal-partitioning.ts";
import type { DirectCost } from "./optimal-partitioning.ts";
import { normalDraw, poissonDraw, seededUniform } from "./seededRandom.ts";

// Tolerance for penalised costs: 1e-9 relative. PELT sums segments from prefix sums of centred data, the
// reference sums each segment directly, so the two differ by rounding (about 1e-13 relative), nothing more.
const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

test("pelt(y, {variance: 1}) splits 0,0,0,10,10,10 after the third value at cost 2 log 6", () => {
  // By hand: no change costs sum (y - 5)^2 = 150; one change after position 3 leaves two constant segments
  // (cost 0) plus the BIC penalty (1 + 1) log 6 = 3.58; more changes cannot lower the cost below 0.
  const result = pelt(Float64Array.from([0, 0, 0, 10, 10, 10]), { variance: 1 });
  assert.deepEqual(result.changepoints, [2]);
  assert.ok(relative(result.penalisedCost, 2 * Math.log(6)) < 1e-12);
  assert.deepEqual(result.segments.map((s) => [s.start, s.end, s.mean]), [[0, 2, 0], [3, 5, 10]]);
  assert.match(result.reading, /finds 1 change point/);
  assert.match(result.reading, /not why/);
});

test("pelt(y, {cost: poisson}) splits 1,1,1,9,9,9 at cost 54 log(1/9) + 2 log 6", () => {
  // By hand: cost 2 x (log m - log x). Whole series: 60 log(6/30) = -96.57. Split after 3: 6 log(3/3) = 0 and
  // 54 log(3/27) = -118.65, plus 2 log 6 = 3.58: -115.07, better. Split after 4: 24 log(4/12) + 36 log(2/18)
  // + 3.58 = -101.89. Splitting a constant segment gains nothing, so one change point.
  const result = pelt(Float64Array.from([1, 1, 1, 9, 9, 9]), { cost: "poisson" });
  assert.deepEqual(result.changepoints, [2]);
  assert.ok(relative(result.penalisedCost, 54 * Math.log(1 / 9) + 2 * Math.log(6)) < 1e-12);
});

test("pelt(y, {minSegment: 3}) moves the change to the nearest split that leaves 3 values on each side", () => {
  // By hand: 0,0,10,10,10,10 with segments of at least 3: the only split is after position 3, costing
  // ss(0,0,10) = 200/3 plus 2 log 6 = 70.25, against 133.33 for no split.
  const result = pelt(Float64Array.from([0, 0, 10, 10, 10, 10]), { variance: 1, minSegment: 3 });
  assert.deepEqual(result.changepoints, [2]);
  assert.ok(relative(result.penalisedCost, 200 / 3 + 2 * Math.log(6)) < 1e-12);
});

test("pelt(y, {penalty: 200}) finds no change when the penalty exceeds the gain", () => {
  const result = pelt(Float64Array.from([0, 0, 0, 10, 10, 10]), { variance: 1, penalty: 200 });
  assert.deepEqual(result.changepoints, []);
  assert.equal(result.penalisedCost, 150);
  assert.match(result.reading, /finds no change point/);
});

test("penaltyValue(penalty, cost, n) is (p + 1) log n for bic and (p + 2) log n for mbic", () => {
  assert.equal(penaltyValue("bic", "normal-mean", 100), 2 * Math.log(100));
  assert.equal(penaltyValue("bic", "normal-meanvar", 100), 3 * Math.log(100));
  assert.equal(penaltyValue("mbic", "poisson", 100), 3 * Math.log(100));
  assert.equal(penaltyValue(7.5, "poisson", 100), 7.5);
  assert.throws(() => penaltyValue(-1, "poisson", 100), MigmonError);
});

test("estimateNoiseVariance(y) ignores a mean shift and equals (mad(diff(y)) / sqrt 2)^2", () => {
  // diff of 1,2,1,2,101,102 is 1,-1,1,99,1: median 1, absolute deviations 0,2,0,98,0, median 0 -> MAD 0, so the
  // fallback is the sample variance; for 1,3,2,4,103,105,104: diffs 2,-1,2,99,2,-1 (median 2, deviations
  // 0,3,0,97,0,3 -> median 1.5), MAD 1.4826 * 1.5, variance (1.4826 * 1.5)^2 / 2.
  assert.ok(relative(estimateNoiseVariance(Float64Array.from([1, 3, 2, 4, 103, 105, 104])), (1.4826 * 1.5) ** 2 / 2) < 1e-15);
  const y = Float64Array.from([1, 2, 1, 2, 101, 102]);
  const mean = y.reduce((a, b) => a + b) / 6;
  const variance = y.reduce((a, b) => a + (b - mean) ** 2, 0) / 5;
  assert.ok(relative(estimateNoiseVariance(y), variance) < 1e-15);
});

test("pelt(y) throws InsufficientDataError below 2 * minSegment values and MigmonError for bad counts", () => {
  assert.throws(() => pelt(Float64Array.from([1, 2, 3]), { cost: "normal-meanvar" }), InsufficientDataError);
  assert.throws(() => pelt(Float64Array.from([1, 2, 3, 4]), { minSegment: 0 }), MigmonError);
  assert.throws(() => pelt(Float64Array.from([1, -2, 3, 4]), { cost: "poisson" }), /non-negative integer counts/);
  assert.throws(() => pelt(Float64Array.from([1, 2.5, 3, 4]), { cost: "poisson" }), /position 1/);
  assert.throws(() => pelt(Float64Array.from([1, NaN, 3, 4])), /missing values must be dropped/);
});

interface Case {
  readonly y: Float64Array;
  readonly cost: ChangeCost;
  readonly penalty: ChangePenalty;
  readonly minSegment: number;
  readonly variance: number;
}

function drawCase(seed: number): Case {
  const uniform = seededUniform(seed);
  const costs: ChangeCost[] = ["normal-mean", "normal-meanvar", "poisson"];
  const cost = costs[seed % 3] as ChangeCost;
  const penalties: ChangePenalty[] = ["bic", "mbic", 0.5 + 6 * uniform()];
  const penalty = penalties[Math.floor(seed / 3) % 3] as ChangePenalty;
  const minimum = cost === "normal-meanvar" ? 2 : 1;
  const minSegment = minimum + Math.floor(uniform() * 4);
  const n = 2 * minSegment + Math.floor(uniform() * 70);
  const y = new Float64Array(n);
  let level = 5 * uniform();
  let scale = 0.5 + uniform();
  for (let i = 0; i < n; i++) {
    if (uniform() < 0.08) {
      level = 5 * uniform();
      scale = 0.5 + 2 * uniform();
    }
    y[i] = cost === "poisson" ? poissonDraw(uniform, level) : level + scale * normalDraw(uniform);
  }
  return { y, cost, penalty, minSegment, variance: 0.5 + uniform() };
}

function directCost(c: Case): DirectCost {
  const n = c.y.length;
  const mbic = c.penalty === "mbic";
  const beta = typeof c.penalty === "number" ? c.penalty : ((c.cost === "normal-meanvar" ? 2 : 1) + (mbic ? 2 : 1)) * Math.log(n);
  if (c.cost === "normal-mean") return { segmentCost: normalMeanCost(c.variance, mbic), beta };
  if (c.cost === "poisson") return { segmentCost: poissonCost(mbic), beta };
  const mean = c.y.reduce((a, b) => a + b, 0) / n;
  const whole = c.y.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { segmentCost: normalMeanVarCost(1e-10 * (whole > 0 ? whole : 1), mbic), beta };
}

test("pelt(y, options) equals exact optimal partitioning on 3000 seeded random series of every cost and penalty", () => {
  let withChanges = 0;
  for (let seed = 1; seed <= 3000; seed++) {
    const c = drawCase(seed);
    const found = pelt(c.y, { cost: c.cost, penalty: c.penalty, minSegment: c.minSegment, variance: c.variance });
    const reference = optimalPartitioning(c.y, directCost(c), c.minSegment);
    assert.deepEqual(found.changepoints, reference.changepoints, `seed ${seed} (${c.cost}, ${c.penalty}, minSegment ${c.minSegment})`);
    assert.ok(relative(found.penalisedCost, reference.penalisedCost) < 1e-9, `seed ${seed}: ${found.penalisedCost} vs ${reference.penalisedCost}`);
    for (const s of found.segments) assert.ok(s.end - s.start + 1 >= c.minSegment, `seed ${seed}: short segment`);
    if (found.changepoints.length > 0) withChanges += 1;
  }
  // The check must exercise segmentations with change points, not only the trivial one.
  assert.ok(withChanges > 1000, `only ${withChanges} series had change points`);
});

test("pelt(y) finds mean shifts of 6 noise standard deviations planted after positions 30 and 60 in 200 seeded series", () => {
  // Every planted change is found within 2 positions under both penalties. BIC also finds spurious changes in
  // some pure-noise stretches (its penalty 2 log 90 = 9 is exceeded by the largest of ~90 split gains now and
  // then); MBIC, built to curb that, finds exactly the two planted changes in at least 90% of the series.
  for (const penalty of ["bic", "mbic"] as const) {
    let exact = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const uniform = seededUniform(10000 + seed);
      const y = Float64Array.from({ length: 90 }, (_, i) => (i < 30 ? 0 : i < 60 ? 6 : 0) + normalDraw(uniform));
      const found = pelt(y, { penalty }).changepoints;
      for (const planted of [29, 59]) {
        assert.ok(found.some((c) => Math.abs(c - planted) <= 2), `${penalty} seed ${seed}: ${planted} not in ${found.join(",")}`);
      }
      if (found.join(",") === "29,59") exact += 1;
    }
    if (penalty === "mbic") assert.ok(exact >= 180, `mbic exact in ${exact} of 200`);
  }
});
