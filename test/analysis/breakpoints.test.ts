// Property tests of findBreakpoints: breaks planted in simulated series (seeded, so every run draws the same
// series) are found, in the mean (y ~ 1) and in the trend (y ~ trend).
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { findBreakpoints } from "../../src/analysis/breakpoints.ts";
import { normalDraw, seededUniform } from "./seededRandom.ts";

/** Segment lengths of at least 15 and mean shifts of 3 to 6 standard deviations with alternating sign. */
const plantedMeanBreaks = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  lengths: fc.array(fc.integer({ min: 15, max: 40 }), { minLength: 2, maxLength: 4 }),
  shifts: fc.array(fc.double({ min: 3, max: 6, noNaN: true }), { minLength: 3, maxLength: 3 }),
});

function plantedSeries(seed: number, lengths: readonly number[], shifts: readonly number[]): { y: Float64Array; planted: number[] } {
  const uniform = seededUniform(seed);
  const values: number[] = [];
  let level = 0;
  lengths.forEach((length, s) => {
    if (s > 0) level += (s % 2 === 1 ? 1 : -1) * (shifts[s - 1] as number);
    for (let i = 0; i < length; i++) values.push(level + normalDraw(uniform));
  });
  const planted = lengths.slice(0, -1).map((_, s) => lengths.slice(0, s + 1).reduce((a, b) => a + b, 0) - 1);
  return { y: Float64Array.from(values), planted };
}

// Bai (1997): the dating error of a shift of delta = 3 sd is argmax V scaled by sigma² / delta² = 1/9 observation,
// so P(|error| <= 2) = pargmaxV(22.5) - pargmaxV(-22.5) = 0.994 and P(|error| <= 5) = 0.9999 asymptotically.
test("findBreakpoints(y) finds every planted mean shift of 3 sd or more within 5 observations, nearly all within 2", () => {
  let exactCount = 0;
  let runs = 0;
  let plantedTotal = 0;
  let within2 = 0;
  fc.assert(
    fc.property(plantedMeanBreaks, ({ seed, lengths, shifts }) => {
      const { y, planted } = plantedSeries(seed, lengths, shifts);
      // h = floor(0.15 n) must not exceed the shortest planted segment, or the planted breaks are inadmissible.
      const minSegment = Math.min(Math.floor(0.15 * y.length), ...lengths);
      const r = findBreakpoints(y, { minSegment });
      for (const p of planted) {
        const nearest = Math.min(...r.breaks.map((b) => Math.abs(b - p)));
        assert.ok(nearest <= 5, `planted ${planted.join(",")}, found ${r.breaks.join(",")}`);
        plantedTotal += 1;
        if (nearest <= 2) within2 += 1;
      }
      runs += 1;
      if (r.chosen === planted.length) exactCount += 1;
    }),
    { seed: 20261126, numRuns: 100 },
  );
  assert.ok(within2 >= 0.97 * plantedTotal, `${within2} of ${plantedTotal} planted breaks found within 2 observations`);
  // BIC may add a spurious break now and then (a marginal BIC gain on noise), but should rarely.
  assert.ok(exactCount >= 0.9 * runs, `the number of breaks was right in ${exactCount} of ${runs} series`);
});

test("findBreakpoints(y, {trend: true}) finds a planted jump of 5 sd with a slope change within 2 observations", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 15, max: 54 }), (seed, at) => {
      const uniform = seededUniform(seed);
      const y = Float64Array.from({ length: 70 }, (_, i) => 2 + 0.2 * i + (i > at ? 5 - 0.3 * (i - at) : 0) + normalDraw(uniform));
      const r = findBreakpoints(y, { trend: true });
      const nearest = Math.min(...r.breaks.map((b) => Math.abs(b - at)));
      assert.ok(nearest <= 2, `planted after ${at}, found ${r.breaks.join(",")}`);
    }),
    { seed: 20261127, numRuns: 60 },
  );
});

test("findBreakpoints(y) on white noise mostly chooses no break by BIC", () => {
  const uniform = seededUniform(7);
  let withBreaks = 0;
  const runs = 100;
  for (let run = 0; run < runs; run++) {
    const y = Float64Array.from({ length: 60 }, () => normalDraw(uniform));
    if (findBreakpoints(y).chosen > 0) withBreaks += 1;
  }
  assert.ok(withBreaks <= 10, `${withBreaks} of ${runs} white-noise series got a break`);
});
