import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { decomposePopulationChange } from "./populationChange.ts";
import { InputError } from "../core/index.ts";

const f = (...v: number[]): Float64Array => Float64Array.from(v);

test("decomposePopulationChange(input) splits Belgium 2015 into natural change, net migration and adjustment", () => {
  // Worked by hand: 11,267,910 - 11,209,044 = 58,866 total change; 122,274 - 110,508 = 11,766 natural change;
  // 146,626 - 97,000 = 49,626 net migration (the 146,626 is Eurostat migr_imm1ctz BE 2015 Total; the other
  // counts are round illustrative figures); adjustment = 58,866 - 11,766 - 49,626 = -2,526.
  const result = decomposePopulationChange({
    populationStart: f(11209044),
    populationEnd: f(11267910),
    births: f(122274),
    deaths: f(110508),
    immigration: f(146626),
    emigration: f(97000),
  });
  assert.deepEqual(result.components[0], { totalChange: 58866, naturalChange: 11766, netMigration: 49626, adjustment: -2526 });
  assert.match(result.reading, /statistical adjustment -2,526/);
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
