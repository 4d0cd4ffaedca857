import assert from "node:assert/strict";
import { test } from "node:test";
import { adfTest } from "../../src/analysis/adf.ts";
import { mackinnonCriticalValues, mackinnonPValue } from "../../src/analysis/mackinnon.ts";
import type { DickeyFullerRegression } from "../../src/analysis/mackinnon.ts";
import { InsufficientDataError, MigmonError } from "../../src/core/index.ts";
import { expectClose, expectRelative } from "./expectClose.ts";
import { readGolden } from "./goldenFile.ts";

interface AdfCase {
  series: string;
  regression: DickeyFullerRegression;
  lags: "aic" | number;
  statistic: number;
  p: number;
  used_lag: number;
  nobs: number;
  critical: { "1%": number; "5%": number; "10%": number };
}
interface AdfGolden {
  series: { name: string; values: number[] }[];
  cases: AdfCase[];
  mackinnonp: { statistic: number; regression: DickeyFullerRegression; p: number }[];
  mackinnoncrit: { regression: DickeyFullerRegression; nobs: number; values: number[] }[];
}
const golden = readGolden<AdfGolden>("adf", "adf.json");

// Tolerance 1e-9 (relative above 1, absolute below): the statistic is a closed-form OLS t value and the p-value
// and critical values are polynomials in it; differences from statsmodels are rounding (QR vs its pinv).
// p-values compare relatively at the same tolerance (expectRelative): an absolute 1e-9 would pass any p below it.
const TOLERANCE = 1e-9;

for (const c of golden.cases) {
  test(`adfTest(x, {regression: ${c.regression}, lags: ${c.lags}}) matches statsmodels adfuller on ${c.series}`, () => {
    const series = golden.series.find((s) => s.name === c.series);
    assert.ok(series);
    const result = adfTest(Float64Array.from(series.values), { regression: c.regression, lags: c.lags });
    assert.equal(result.lags, c.used_lag);
    assert.equal(result.nobs, c.nobs);
    expectClose(result.statistic, c.statistic, TOLERANCE, "statistic");
    expectRelative(result.p, c.p, TOLERANCE, "p");
    for (const level of ["1%", "5%", "10%"] as const) expectClose(result.criticalValues[level], c.critical[level], TOLERANCE, level);
  });
}

test("mackinnonPValue(statistic, regression) matches statsmodels mackinnonp on a grid covering both branches and clamps", () => {
  for (const g of golden.mackinnonp) expectRelative(mackinnonPValue(g.statistic, g.regression), g.p, TOLERANCE, `${g.regression} ${g.statistic}`);
});

test("mackinnonCriticalValues(regression, nobs) matches statsmodels mackinnoncrit", () => {
  for (const g of golden.mackinnoncrit) {
    const v = mackinnonCriticalValues(g.regression, g.nobs);
    [v["1%"], v["5%"], v["10%"]].forEach((value, i) => expectClose(value, g.values[i] as number, TOLERANCE, `${g.regression} ${g.nobs}`));
  }
});

test("adfTest(x) reads a random walk as not rejecting a unit root and a stationary AR(1) as rejecting it", () => {
  const walk = golden.series.find((s) => s.name === "simulated random walk");
  const ar = golden.series.find((s) => s.name.startsWith("simulated AR(1)"));
  assert.ok(walk && ar);
  assert.match(adfTest(Float64Array.from(walk.values)).reading, /cannot reject a unit root/);
  assert.match(adfTest(Float64Array.from(ar.values)).reading, /rejects a unit root/);
});

test("adfTest(x, options) throws for a too short series and a lag beyond n / 2 - terms - 1", () => {
  assert.throws(() => adfTest(Float64Array.from([1, 2, 3])), InsufficientDataError);
  assert.throws(() => adfTest(Float64Array.from({ length: 20 }, (_, i) => Math.sin(i)), { lags: 9 }), MigmonError);
});
