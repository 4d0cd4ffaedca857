import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { forecastMean } from "../../src/analysis/meanForecast.ts";
import { InsufficientDataError } from "../../src/core/index.ts";

interface MeanfCase { name: string; input: number[]; mean: number; lower80: number; upper80: number; lower95: number; upper95: number }
const golden = JSON.parse(readFileSync(new URL("meanf/meanf.json", import.meta.url), "utf8")) as { cases: MeanfCase[] };

// A closed form (mean, sd, a t quantile): 1e-9 relative, the tolerance of the other closed forms against R.
const close = (actual: number, expected: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs R ${expected}`);

for (const c of golden.cases) {
  test(`forecastMean(y, [80, 95]) equals forecast::meanf's mean and intervals on ${c.name}`, () => {
    const r = forecastMean(Float64Array.from(c.input), [80, 95]);
    close(r.mean, c.mean, "mean");
    close(r.intervals[0]!.lower, c.lower80, "80 % lower");
    close(r.intervals[0]!.upper, c.upper80, "80 % upper");
    close(r.intervals[1]!.lower, c.lower95, "95 % lower");
    close(r.intervals[1]!.upper, c.upper95, "95 % upper");
  });
}

test("forecastMean(y) throws InsufficientDataError for a single value", () => {
  assert.throws(() => forecastMean(Float64Array.of(3)), InsufficientDataError);
});
