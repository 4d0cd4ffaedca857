import assert from "node:assert/strict";
import { test } from "node:test";
import { applyAutoregressiveFilter, fitAutoregression } from "../../src/analysis/autoregression.ts";
import { crossCorrelation } from "../../src/analysis/crossCorrelation.ts";
import { InsufficientDataError, MigmonError } from "../../src/core/index.ts";
import { expectAllClose, expectClose } from "./expectClose.ts";
import { readGolden } from "./goldenFile.ts";

interface CcfCase {
  name: string;
  x: number[];
  y: number[];
  lag_max: number;
  ccf: { lag: number[]; r: number[] };
  ccf_default_lag_max: number;
  ar: { order: number; coefficients: number[]; var_pred: number; x_mean: number; aic: number[]; order_max: number };
  prewhitened: { lag: number[]; r: number[]; n_used: number };
}
const golden = readGolden<{ r: string; cases: CcfCase[] }>("ccf", "ccf.json");

// Tolerance 1e-9 (relative above 1, absolute below): ccf and the Yule-Walker fit are closed forms (sums and a
// Levinson-Durbin recursion); differences from R are rounding in the summation order only.
const TOLERANCE = 1e-9;

for (const c of golden.cases) {
  const x = Float64Array.from(c.x);
  const y = Float64Array.from(c.y);

  test(`crossCorrelation(x, y, {maxLag: ${c.lag_max}}) matches R's ccf on ${c.name}`, () => {
    const result = crossCorrelation(x, y, { maxLag: c.lag_max });
    assert.deepEqual(result.lags.map((l) => l.lag), c.ccf.lag);
    expectAllClose(result.lags.map((l) => l.r), c.ccf.r, TOLERANCE, "r");
    assert.equal(result.prewhitening, null);
    assert.equal(crossCorrelation(x, y).maxLag, c.ccf_default_lag_max);
  });

  test(`fitAutoregression(x) matches R's ar(x) (Yule-Walker, AIC) on ${c.name}`, () => {
    const model = fitAutoregression(x);
    assert.equal(model.order, c.ar.order);
    assert.equal(model.aic.length - 1, c.ar.order_max);
    expectAllClose(model.coefficients, c.ar.coefficients, TOLERANCE, "ar");
    expectClose(model.innovationVariance, c.ar.var_pred, TOLERANCE, "var.pred");
    expectClose(model.mean, c.ar.x_mean, TOLERANCE, "x.mean");
    expectAllClose(model.aic, c.ar.aic, TOLERANCE, "aic");
  });

  test(`crossCorrelation(x, y, {prewhiten: true}) matches ccf of both series filtered by ar(x) on ${c.name}`, () => {
    const result = crossCorrelation(x, y, { maxLag: c.lag_max, prewhiten: true });
    assert.equal(result.n, c.prewhitened.n_used);
    assert.equal(result.prewhitening?.order, c.ar.order);
    assert.deepEqual(result.lags.map((l) => l.lag), c.prewhitened.lag);
    expectAllClose(result.lags.map((l) => l.r), c.prewhitened.r, TOLERANCE, "r");
    assert.match(result.reading, /pre-whitening/);
  });
}

test("crossCorrelation(x, y) puts the peak at a negative lag when y follows x (R's sign convention)", () => {
  const simulated = golden.cases[0] as CcfCase;
  const result = crossCorrelation(Float64Array.from(simulated.x), Float64Array.from(simulated.y), { maxLag: 8, prewhiten: true });
  let peak = result.lags[0];
  for (const l of result.lags) if (Math.abs(l.r) > Math.abs(peak?.r ?? 0)) peak = l;
  assert.equal(peak?.lag, -2);
  assert.match(result.reading, /x leading y by 2 periods/);
  assert.match(result.reading, /not a causal effect/);
});

test("applyAutoregressiveFilter(x, phi) drops the first p values and subtracts the lagged terms", () => {
  // By hand: w[t] = x[t] - 0.5 x[t-1] - 0.25 x[t-2]: (4 - 1 - 0.25, 8 - 2 - 0.5) for x = 1, 2, 4, 8.
  assert.deepEqual(Array.from(applyAutoregressiveFilter(Float64Array.from([1, 2, 4, 8]), [0.5, 0.25])), [2.75, 5.5]);
});

test("crossCorrelation(x, y) throws for too few pairs, unequal lengths, a constant series and a bad lag", () => {
  assert.throws(() => crossCorrelation(Float64Array.from([1, 2, 3]), Float64Array.from([1, 2, 3])), InsufficientDataError);
  assert.throws(() => crossCorrelation(Float64Array.from([1, 2, 3, 4]), Float64Array.from([1, 2, 3])), /has 4 values/);
  assert.throws(() => crossCorrelation(Float64Array.from([1, 2, 3, 4]), Float64Array.from([2, 2, 2, 2])), /constant/);
  assert.throws(() => crossCorrelation(Float64Array.from([1, 2, 3, 4]), Float64Array.from([1, 3, 2, 4]), { maxLag: 4 }), MigmonError);
});
