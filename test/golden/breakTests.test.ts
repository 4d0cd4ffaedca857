// Golden tests of chowTest, supFTest and olsCusumTest against strucchange (test/golden/{chow,supf,cusum}/make.R).
// Tolerance 1e-9 (expectClose: relative above 1, absolute below): all three are closed forms over least-squares
// fits. p-values compare relatively (expectRelative) at 1e-9, with one floor: strucchange computes the Chow and
// sup-F p-values as `1 - pf(...)` (sctest.formula; pvalue.Fstats with 1 - pchisq, see supF.ts), so its figure is exact only to the rounding of
// a number near 1 (Number.EPSILON) and is 0 or 2.2e-16 where the true tail is smaller; the modules compute the upper
// tail directly and agree with R within that rounding (largest difference 2.4e-17). Break dates compare exactly.
import assert from "node:assert/strict";
import { test } from "node:test";
import { chowTest } from "../../src/analysis/chow.ts";
import { olsCusumTest } from "../../src/analysis/cusum.ts";
import { supFTest } from "../../src/analysis/supF.ts";
import { InsufficientDataError, MigmonError } from "../../src/core/index.ts";
import { expectAllClose, expectClose, expectRelative } from "./expectClose.ts";
import { readGolden } from "./goldenFile.ts";

const TOL = 1e-9;
/** The absolute error of strucchange's `1 - pf(...)` p-values: the rounding of a number near 1. */
const ONE_MINUS_ROUNDING = Number.EPSILON;

interface Base {
  name: string;
  y: number[];
  trend: boolean;
}
const chow = readGolden<{ cases: (Base & { point: number; expected: { F: number; p: number } })[] }>("chow", "chow.json");
const supf = readGolden<{
  cases: (Base & {
    trim: number;
    expected: { supF: number; p: number; breakpoint: number; Fstats: number[]; from: number; lambda: number };
  })[];
}>("supf", "supf.json");
const cusum = readGolden<{
  cases: (Base & { expected: { statistic: number; p: number; process: number[]; critical5: number } })[];
}>("cusum", "cusum.json");

for (const c of chow.cases) {
  test(`chowTest(y, {lastBefore: ${c.point - 1}, trend: ${c.trend}}) matches strucchange sctest type Chow on ${c.name}`, () => {
    const r = chowTest(Float64Array.from(c.y), { lastBefore: c.point - 1, trend: c.trend });
    expectClose(r.F, c.expected.F, TOL, "F");
    expectRelative(r.p, c.expected.p, TOL, "p", ONE_MINUS_ROUNDING);
  });
}

for (const c of supf.cases) {
  test(`supFTest(y, {trim: ${c.trim}, trend: ${c.trend}}) matches strucchange Fstats + sctest supF on ${c.name}`, () => {
    const r = supFTest(Float64Array.from(c.y), { trim: c.trim, trend: c.trend });
    assert.equal(r.lastBefore, c.expected.breakpoint - 1, "break date");
    assert.equal(r.firstCandidate, c.expected.from - 1, "first candidate");
    expectClose(r.lambda, c.expected.lambda, TOL, "lambda");
    expectClose(r.supF, c.expected.supF, TOL, "supF");
    expectRelative(r.p, c.expected.p, TOL, "p", ONE_MINUS_ROUNDING);
    expectAllClose(r.Fstats, c.expected.Fstats, TOL, "Fstats");
  });
}

for (const c of cusum.cases) {
  test(`olsCusumTest(y, {trend: ${c.trend}}) matches strucchange efp OLS-CUSUM + sctest on ${c.name}`, () => {
    const r = olsCusumTest(Float64Array.from(c.y), { trend: c.trend });
    expectClose(r.statistic, c.expected.statistic, TOL, "S0");
    expectRelative(r.p, c.expected.p, TOL, "p");
    expectAllClose(r.process, c.expected.process, TOL, "process");
    expectClose(r.critical5, c.expected.critical5, TOL, "5% boundary");
  });
}

test("chowTest(y, {lastBefore}) throws MigmonError when one side has k observations or fewer", () => {
  const y = Float64Array.from({ length: 20 }, (_, i) => i % 3);
  assert.throws(() => chowTest(y, { lastBefore: 0 }), MigmonError);
  assert.throws(() => chowTest(y, { lastBefore: 18 }), MigmonError);
});

test("supFTest(y) throws InsufficientDataError on a series of 3", () => {
  assert.throws(() => supFTest(Float64Array.from([1, 2, 3])), InsufficientDataError);
});

test("olsCusumTest(y) throws InsufficientDataError on a series of 2", () => {
  assert.throws(() => olsCusumTest(Float64Array.from([1, 2])), InsufficientDataError);
});
