import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { decomposePopulationChange } from "./populationChange.ts";
import { InputError } from "../core/index.ts";

const f = (...v: number[]): Float64Array => Float64Array.from(v);

test("decomposePopulationChange(input) splits a hand-worked period into natural change, net migration and adjustment", () => {
  // Made-up counts, worked by hand: 1,000,500 - 1,000,000 = 500 total change; 10,000 - 9,700 = 300 natural
  // change; 8,000 - 7,500 = 500 net migration; adjustment = 500 - 300 - 500 = -300.
  const result = decomposePopulationChange({
    populationStart: f(1000000),
    populationEnd: f(1000500),
    births: f(10000),
    deaths: f(9700),
    immigration: f(8000),
    emigration: f(7500),
  });
  assert.deepEqual(result.components[0], { totalChange: 500, naturalChange: 300, netMigration: 500, adjustment: -300 });
  assert.match(result.reading, /statistical adjustment -300/);
});

test("decomposePopulationChange(input) parts add up to the total change to 1e-9 on random inputs", () => {
  const count = fc.double({ min: 0, max: 2e7, noNaN: true });
  fc.assert(
    fc.property(fc.array(fc.tuple(count, count, count, count, count, count), { minLength: 1, maxLength: 20 }), (rows) => {
      const col = (j: number): Float64Array => Float64Array.from(rows.map((r) => r[j]!));
      const { components } = decomposePopulationChange({
        populationStart: col(0),
        populationEnd: col(1),
        births: col(2),
        deaths: col(3),
        immigration: col(4),
        emigration: col(5),
      });
      for (const c of components) {
        // Tolerance 1e-9 relative to the largest part (double rounding is relative to the size of the terms).
        const scale = Math.max(1, Math.abs(c.totalChange), Math.abs(c.naturalChange), Math.abs(c.netMigration), Math.abs(c.adjustment));
        assert.ok(Math.abs(c.naturalChange + c.netMigration + c.adjustment - c.totalChange) <= 1e-9 * scale);
      }
    }),
    { numRuns: 500 },
  );
});

test("decomposePopulationChange(input) throws InputError when the arrays differ in length or hold NaN", () => {
  const base = { populationStart: f(1, 2), populationEnd: f(1, 2), births: f(0, 0), deaths: f(0, 0), immigration: f(0, 0), emigration: f(0, 0) };
  assert.throws(() => decomposePopulationChange({ ...base, births: f(0) }), InputError);
  assert.throws(() => decomposePopulationChange({ ...base, deaths: f(0, Number.NaN) }), /deaths at position 1/);
});
