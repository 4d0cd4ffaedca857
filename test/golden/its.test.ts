// Golden tests of interruptedTimeSeries against R lm / glm(poisson) + sandwich::NeweyWest + lmtest::coeftest
// (test/golden/its/make.R). Tolerances (expectClose, relative above 1, absolute below): 1e-9 for the OLS cases
// (closed form); 1e-6 for the Poisson cases (iterative: IRLS stops, as R's glm.fit, when the deviance changes by
// less than 1e-8 relative, so both stop at the same iteration but carry rounding through it). p-values compare
// relatively at the same tolerances (expectAllRelative; 30 of the 114 are below 1e-9): measured, they agree with R
// to 1.2e-12 (OLS) and 1.3e-11 (Poisson) relative.
import assert from "node:assert/strict";
import { test } from "node:test";
import { interruptedTimeSeries } from "../../src/analysis/interruptedTimeSeries.ts";
import { dropMissing } from "../../src/analysis/missing.ts";
import { fitPoissonGlm } from "../../src/analysis/poissonGlm.ts";
import { InsufficientDataError, MigmonError } from "../../src/core/index.ts";
import { expectAllClose, expectAllRelative, expectClose } from "./expectClose.ts";
import { readGolden } from "./goldenFile.ts";

interface Case {
  name: string;
  y: (number | null)[];
  interventionIndex: number;
  lag: number;
  model: "gaussian" | "poisson";
  seasonal: { frequency: number; firstSeason: number } | null;
  expected: {
    names: string[];
    estimate: number[];
    se: number[];
    t: number[];
    p: number[];
    modelSe: number[];
    modelP: number[];
    vcov: number[][];
    fitted: number[];
    deviance: number | null;
    aic: number | null;
    iterations: number | null;
  };
}
const golden = readGolden<{ cases: Case[] }>("its", "its.json");

for (const c of golden.cases) {
  test(`interruptedTimeSeries(y, {interventionIndex, lag, model, seasonal}) matches R on ${c.name}`, () => {
    const tol = c.model === "poisson" ? 1e-6 : 1e-9;
    const { columns, kept } = dropMissing(c.y);
    const r = interruptedTimeSeries(columns[0], {
      interventionIndex: c.interventionIndex,
      positions: kept,
      lag: c.lag,
      model: c.model,
      ...(c.seasonal === null ? {} : { seasonal: c.seasonal }),
    });
    const e = c.expected;
    assert.deepEqual(r.coefficients.map((row) => row.name), e.names);
    expectAllClose(r.coefficients.map((row) => row.estimate), e.estimate, tol, "estimate");
    expectAllClose(r.coefficients.map((row) => row.se), e.se, tol, "NW se");
    expectAllClose(r.coefficients.map((row) => row.t), e.t, tol, "t");
    expectAllRelative(r.coefficients.map((row) => row.p), e.p, tol, "p");
    expectAllClose(r.modelCoefficients.map((row) => row.se), e.modelSe, tol, "model se");
    expectAllRelative(r.modelCoefficients.map((row) => row.p), e.modelP, tol, "model p");
    r.covariance.forEach((row, i) => expectAllClose(row, e.vcov[i] as number[], tol, `vcov[${i}]`));
    expectAllClose(r.fitted, e.fitted, tol, "fitted");
    expectClose(r.levelChange.estimate, e.estimate[2] as number, tol, "levelChange");
    expectClose(r.slopeChange.se, e.se[3] as number, tol, "slopeChange se");
    assert.match(r.reading, /cannot separate the intervention/);
  });
}

test("interruptedTimeSeries(y, {interventionIndex}) throws InsufficientDataError with 2 periods before the intervention", () => {
  const y = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
  assert.throws(() => interruptedTimeSeries(y, { interventionIndex: 2, series: "test" }), InsufficientDataError);
});

test("interruptedTimeSeries(y, {interventionIndex}) recovers a planted level and slope change with a default lag", () => {
  const n = 60;
  // Deterministic series with a +10 jump and +0.5 slope change at position 30 and a small alternating wiggle.
  const y = Float64Array.from({ length: n }, (_, i) => 5 + 0.2 * i + (i >= 30 ? 10 + 0.5 * (i - 30) : 0) + (i % 2 === 0 ? 0.3 : -0.3));
  const r = interruptedTimeSeries(y, { interventionIndex: 30 });
  assert.equal(r.lag, Math.floor(4 * (60 / 100) ** (2 / 9)));
  expectClose(r.levelChange.estimate, 10, 0.1, "level");
  expectClose(r.slopeChange.estimate, 0.5, 0.01, "slope");
  assert.ok(r.levelChange.p < 0.001);
});

test("fitPoissonGlm(y, x) matches R glm(family = poisson) deviance, AIC and iteration count on the ITS cases", () => {
  for (const c of golden.cases.filter((k) => k.model === "poisson")) {
    const y = dropMissing(c.y).columns[0];
    const n = y.length;
    const t0 = c.interventionIndex;
    const columns = [
      Float64Array.from({ length: n }, (_, i) => i + 1),
      Float64Array.from({ length: n }, (_, i) => (i >= t0 ? 1 : 0)),
      Float64Array.from({ length: n }, (_, i) => (i >= t0 ? i - t0 : 0)),
    ];
    if (c.seasonal !== null) {
      const { frequency, firstSeason } = c.seasonal;
      for (let s = 2; s <= frequency; s++) {
        columns.push(Float64Array.from({ length: n }, (_, i) => (((firstSeason - 1 + i) % frequency) + 1 === s ? 1 : 0)));
      }
    }
    const fit = fitPoissonGlm(y, columns);
    assert.equal(fit.iterations, c.expected.iterations, `${c.name}: iterations`);
    assert.ok(fit.converged);
    expectClose(fit.deviance, c.expected.deviance as number, 1e-6, `${c.name}: deviance`);
    expectClose(fit.aic, c.expected.aic as number, 1e-6, `${c.name}: AIC`);
  }
});

test("interruptedTimeSeries(y, {seasonal}) throws MigmonError for a first season outside 1..frequency", () => {
  const y = Float64Array.from({ length: 40 }, (_, i) => i);
  assert.throws(() => interruptedTimeSeries(y, { interventionIndex: 20, seasonal: { frequency: 12, firstSeason: 13 } }), MigmonError);
});
