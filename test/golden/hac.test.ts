// Golden tests of neweyWest and clusterRobust against sandwich::NeweyWest, sandwich::vcovCL and
// lmtest::coeftest (test/golden/hac/make.R). Tolerance 1e-9 (expectClose, relative above 1, absolute below):
// both are closed forms over an OLS fit, equal to R's up to rounding (about 1e-12 here).
import assert from "node:assert/strict";
import { test } from "node:test";
import { clusterRobust, neweyWest } from "../../src/analysis/hac.ts";
import { dropMissing } from "../../src/analysis/missing.ts";
import { fitOls } from "../../src/analysis/ols.ts";
import { MigmonError } from "../../src/core/index.ts";
import { expectAllClose, expectAllRelative } from "./expectClose.ts";
import { readGolden } from "./goldenFile.ts";

// p-values compare relatively at the same tolerance (expectRelative): an absolute 1e-9 would pass any p below it.
const TOL = 1e-9;
interface Expected {
  vcov: number[][];
  estimate: number[];
  se: number[];
  t: number[];
  p: number[];
}
interface NwCase {
  name: string;
  y: number[];
  x: number[][];
  xNames: string[];
  lag: number;
  prewhite: boolean;
  adjust: boolean;
  expected: Expected;
}
interface ClCase {
  name: string;
  y: number[];
  x: number[][];
  xNames: string[];
  cluster: (string | number)[];
  type: "HC0" | "HC1";
  cadjust: boolean;
  expected: Expected;
}
const golden = readGolden<{ neweyWest: NwCase[]; cluster: ClCase[] }>("hac", "hac.json");

function compare(result: ReturnType<typeof neweyWest>, e: Expected): void {
  result.covariance.forEach((row, i) => expectAllClose(row, e.vcov[i] as number[], TOL, `vcov[${i}]`));
  expectAllClose(result.coefficients.map((r) => r.estimate), e.estimate, TOL, "estimate");
  expectAllClose(result.coefficients.map((r) => r.se), e.se, TOL, "se");
  expectAllClose(result.coefficients.map((r) => r.t), e.t, TOL, "t");
  expectAllRelative(result.coefficients.map((r) => r.p), e.p, TOL, "p");
}

for (const c of golden.neweyWest) {
  test(`neweyWest(fit, {lag, prewhite, adjust}) matches sandwich::NeweyWest on ${c.name}`, () => {
    const [y, ...x] = dropMissing(c.y, ...c.x).columns;
    const fit = fitOls(y as Float64Array, x, { names: c.xNames });
    compare(neweyWest(fit, { lag: c.lag, prewhite: c.prewhite, adjust: c.adjust }), c.expected);
  });
}

for (const c of golden.cluster) {
  test(`clusterRobust(fit, cluster, {type, cadjust}) matches sandwich::vcovCL on ${c.name}`, () => {
    const [y, ...x] = dropMissing(c.y, ...c.x).columns;
    const fit = fitOls(y as Float64Array, x, { names: c.xNames });
    compare(clusterRobust(fit, c.cluster, { type: c.type, cadjust: c.cadjust }), c.expected);
  });
}

test("neweyWest(fit, {lag}) throws MigmonError for a negative or fractional lag", () => {
  const fit = fitOls(Float64Array.from([1, 3, 2, 5, 4]), [Float64Array.from([1, 2, 3, 4, 5])]);
  assert.throws(() => neweyWest(fit, { lag: -1 }), MigmonError);
  assert.throws(() => neweyWest(fit, { lag: 1.5 }), MigmonError);
});

test("clusterRobust(fit, cluster) throws MigmonError with a single cluster", () => {
  const fit = fitOls(Float64Array.from([1, 3, 2, 5, 4]), [Float64Array.from([1, 2, 3, 4, 5])]);
  assert.throws(() => clusterRobust(fit, ["a", "a", "a", "a", "a"]), /at least 2 clusters/);
});
