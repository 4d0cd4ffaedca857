import assert from "node:assert/strict";
import { test } from "node:test";
import { kpssTest } from "../../src/analysis/kpss.ts";
import { InsufficientDataError, MigmonError } from "../../src/core/index.ts";
import { expectClose, expectRelative } from "./expectClose.ts";
import { readGolden } from "./goldenFile.ts";

interface KpssCase {
  series: string;
  regression: "c" | "ct";
  nlags: "auto" | "legacy" | number;
  statistic: number;
  p: number;
  lags: number;
  critical: Record<"10%" | "5%" | "2.5%" | "1%", number>;
}
const golden = readGolden<{ series: { name: string; values: number[] }[]; cases: KpssCase[] }>("kpss", "kpss.json");

// Tolerance 1e-9 (relative above 1, absolute below): the statistic is a closed form (partial sums and a
// Bartlett-weighted variance) and the p-value a linear interpolation; differences are rounding only.
// p-values compare relatively at the same tolerance (expectRelative): an absolute 1e-9 would pass any p below it.
const TOLERANCE = 1e-9;

for (const c of golden.cases) {
  test(`kpssTest(x, {regression: ${c.regression}, lags: ${c.nlags}}) matches statsmodels kpss on ${c.series}`, () => {
    const series = golden.series.find((s) => s.name === c.series);
    assert.ok(series);
    const result = kpssTest(Float64Array.from(series.values), { regression: c.regression, lags: c.nlags });
    assert.equal(result.lags, c.lags);
    expectClose(result.statistic, c.statistic, TOLERANCE, "statistic");
    expectRelative(result.p, c.p, TOLERANCE, "p");
    assert.deepEqual(result.criticalValues, c.critical);
    assert.equal(result.pBound, c.p === 0.01 ? "at most" : c.p === 0.1 ? "at least" : "exact");
  });
}

test("kpssTest(x) says a p-value at the end of the table is a bound", () => {
  const trend = golden.series.find((s) => s.name === "simulated linear trend plus noise");
  assert.ok(trend);
  const result = kpssTest(Float64Array.from(trend.values));
  assert.equal(result.pBound, "at most");
  assert.match(result.reading, /rejects stationarity .* p <= 0\.01/);
});

test("kpssTest(x, options) throws for fewer than 3 values, a lag of n or more and a constant series", () => {
  assert.throws(() => kpssTest(Float64Array.from([1, 2])), InsufficientDataError);
  assert.throws(() => kpssTest(Float64Array.from([1, 2, 4, 3]), { lags: 4 }), MigmonError);
  assert.throws(() => kpssTest(Float64Array.from([2, 2, 2, 2])), /no variation/);
});
