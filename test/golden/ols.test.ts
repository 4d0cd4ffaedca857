// Golden tests of fitOls against R's lm (test/golden/ols/make.R).
// Tolerance 1e-9, relative above 1 and absolute below (expectClose): QR least squares is a closed form, and
// R (LINPACK dqrdc2) and ml-matrix (Householder) differ only by rounding, about 1e-13 on these designs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { dropMissing } from "../../src/analysis/missing.ts";
import { fitOls, RankDeficientError } from "../../src/analysis/ols.ts";
import { InsufficientDataError } from "../../src/core/index.ts";
import { expectAllClose, expectAllRelative, expectClose, expectRelative } from "./expectClose.ts";
import { readGolden } from "./goldenFile.ts";

// p-values compare relatively at the same tolerance (expectRelative): an absolute 1e-9 would pass any p below it.
const TOL = 1e-9;

interface Expected {
  names: string[];
  estimate: number[];
  se: number[];
  t: number[];
  p: number[];
  vcov: number[][];
  rSquared: number;
  adjustedRSquared: number;
  sigma: number;
  f: number | null;
  df1: number | null;
  df2: number | null;
  fP: number | null;
  logLik: number;
  aic: number;
  bic: number;
  residuals: number[];
  fitted: number[];
  dfResidual: number;
}
interface Case {
  name: string;
  intercept: boolean;
  y: (number | null)[];
  x: (number | null)[][];
  xNames: string[];
  expected: Expected;
}
const golden = readGolden<{ cases: Case[] }>("ols", "ols.json");

for (const c of golden.cases) {
  test(`fitOls(y, x) matches R lm on ${c.name}`, () => {
    const { columns } = dropMissing(c.y, ...c.x);
    const [y, ...x] = columns;
    const fit = fitOls(y as Float64Array, x, { intercept: c.intercept, names: c.xNames });
    const e = c.expected;
    assert.deepEqual(fit.names, e.names);
    assert.equal(fit.dfResidual, e.dfResidual);
    expectAllClose(fit.estimates, e.estimate, TOL, "estimate");
    expectAllClose(fit.coefficients.map((r) => r.se), e.se, TOL, "se");
    expectAllClose(fit.coefficients.map((r) => r.t), e.t, TOL, "t");
    expectAllRelative(fit.coefficients.map((r) => r.p), e.p, TOL, "p");
    fit.covariance.forEach((row, i) => expectAllClose(row, e.vcov[i] as number[], TOL, `vcov[${i}]`));
    expectClose(fit.rSquared, e.rSquared, TOL, "R²");
    expectClose(fit.adjustedRSquared, e.adjustedRSquared, TOL, "adjusted R²");
    expectClose(fit.sigma, e.sigma, TOL, "sigma");
    expectClose(fit.logLik, e.logLik, TOL, "logLik");
    expectClose(fit.aic, e.aic, TOL, "AIC");
    expectClose(fit.bic, e.bic, TOL, "BIC");
    expectAllClose(fit.residuals, e.residuals, TOL, "residuals");
    expectAllClose(fit.fitted, e.fitted, TOL, "fitted");
    if (e.f === null) {
      assert.equal(fit.fTest, null);
    } else {
      assert.ok(fit.fTest);
      expectClose(fit.fTest.value, e.f, TOL, "F");
      assert.equal(fit.fTest.df1, e.df1);
      assert.equal(fit.fTest.df2, e.df2);
      expectRelative(fit.fTest.p, e.fP as number, TOL, "F p");
    }
  });
}

test("fitOls(y, x) throws RankDeficientError naming the column that duplicates others", () => {
  const x1 = Float64Array.from([1, 2, 3, 4, 5, 6]);
  const x2 = Float64Array.from([2, 4, 6, 8, 10, 12]);
  const y = Float64Array.from([1, 3, 2, 5, 4, 6]);
  assert.throws(() => fitOls(y, [x1, x2], { names: ["a", "b"] }), (err: unknown) => {
    assert.ok(err instanceof RankDeficientError);
    assert.match(err.message, /column "b" is a linear combination/);
    return true;
  });
});

test("fitOls(y, x) throws InsufficientDataError when n is not above the number of coefficients", () => {
  const y = Float64Array.from([1, 2]);
  assert.throws(() => fitOls(y, [Float64Array.from([3, 5])], { series: "BE asylum" }), InsufficientDataError);
});
