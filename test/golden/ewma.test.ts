import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { detectEwmaAlerts } from "../../src/analysis/ewma.ts";
import { InsufficientDataError, UsageError } from "../../src/core/index.ts";

interface EwmaCase {
  name: string;
  lambda: number;
  L: number;
  baseline: number;
  sigmaEstimator: "moving-range" | "sd";
  asymptotic: boolean;
  input: number[];
  periods: string[];
  target: number;
  sigma: number;
  statistic: number[];
  lower: number[];
  upper: number[];
  alertIndex: number[];
  alertPeriod: string[];
  alertDirection: string[];
}
const golden = JSON.parse(readFileSync(new URL("ewma/ewma.json", import.meta.url), "utf8")) as { cases: EwmaCase[] };

// Closed form (a recursion and square roots): 1e-9 relative to max(1, |expected|); R's recursive filter sums in
// the same order, and the JSON keeps 15 significant digits.
const close = (actual: number, expected: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs R ${expected}`);

for (const c of golden.cases) {
  test(`detectEwmaAlerts(x, {lambda: ${c.lambda}, L: ${c.L}, baseline: ${c.baseline}}) matches R's recursive filter and limits on ${c.name}`, () => {
    const r = detectEwmaAlerts(Float64Array.from(c.input), {
      lambda: c.lambda,
      L: c.L,
      baseline: c.baseline,
      sigmaEstimator: c.sigmaEstimator,
      asymptotic: c.asymptotic,
      periods: c.periods,
    });
    close(r.target, c.target, "target");
    close(r.sigma, c.sigma, "sigma");
    c.statistic.forEach((v, t) => {
      close(r.statistic[t]!, v, `statistic[${t}]`);
      close(r.lower[t]!, c.lower[t]!, `lower[${t}]`);
      close(r.upper[t]!, c.upper[t]!, `upper[${t}]`);
    });
    // Alerts are decisions: compared exactly.
    assert.deepEqual(r.alerts.map((a) => a.index), c.alertIndex);
    assert.deepEqual(r.alerts.map((a) => a.period), c.alertPeriod);
    assert.deepEqual(r.alerts.map((a) => a.direction), c.alertDirection);
    assert.match(r.reading, c.alertIndex.length > 0 ? /first in/ : /None of/);
  });
}

test("detectEwmaAlerts(x, {target, sigma}) raises no alert on a constant series at the target and one on a step", () => {
  const flat = detectEwmaAlerts(new Float64Array(20).fill(5), { target: 5, sigma: 1 });
  assert.equal(flat.alerts.length, 0);
  // lambda 1 makes the EWMA the observation itself: limits 5 +/- 3, so only the 9 is outside.
  const step = detectEwmaAlerts(Float64Array.from([5, 6, 4, 9, 5]), { target: 5, sigma: 1, lambda: 1, periods: ["a", "b", "c", "d", "e"] });
  assert.deepEqual(step.alerts.map((a) => [a.period, a.direction]), [["d", "above"]]);
});

test("detectEwmaAlerts(x, options) throws UsageError for lambda outside (0, 1] and InsufficientDataError for a one-point baseline", () => {
  assert.throws(() => detectEwmaAlerts(Float64Array.from([1, 2, 3]), { lambda: 0 }), UsageError);
  assert.throws(() => detectEwmaAlerts(Float64Array.from([1, 2, 3]), { baseline: 1 }), InsufficientDataError);
});
