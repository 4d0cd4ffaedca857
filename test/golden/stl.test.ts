import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { decomposeStl } from "../../src/analysis/stl.ts";
import { InsufficientDataError, UsageError } from "../../src/core/index.ts";

interface StlCase {
  name: string;
  period: number;
  seasonalWindow: "periodic" | number;
  robust: boolean;
  options: { s_degree?: number; t_window?: number; "s.degree"?: number; "t.window"?: number };
  input: number[];
  seasonal: number[];
  trend: number[];
  remainder: number[];
  weights: number[];
}
const golden = JSON.parse(readFileSync(new URL("stl/stl.json", import.meta.url), "utf8")) as { R: string; cases: StlCase[] };

// Tolerance 1e-6 absolute (the brief's figure for STL): the port follows R's Fortran operation by operation, so
// the observed differences are rounding only (about 1e-12); 1e-6 leaves room for a different summation order.
const TOLERANCE = 1e-6;
const assertClose = (actual: Float64Array, expected: number[], what: string): void => {
  assert.equal(actual.length, expected.length, `${what} length`);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
  assert.ok(worst <= TOLERANCE, `${what}: largest difference ${worst}`);
};

for (const c of golden.cases) {
  test(`decomposeStl(y, {period: ${c.period}, seasonalWindow: ${c.seasonalWindow}, robust: ${c.robust}}) matches R's stl on ${c.name}`, () => {
    const degree = c.options["s.degree"];
    const trendWindow = c.options["t.window"];
    const result = decomposeStl(Float64Array.from(c.input), {
      period: c.period,
      seasonalWindow: c.seasonalWindow,
      robust: c.robust,
      ...(degree === undefined ? {} : { seasonalDegree: degree as 0 | 1 }),
      ...(trendWindow === undefined ? {} : { trendWindow }),
    });
    assertClose(result.seasonal, c.seasonal, "seasonal");
    assertClose(result.trend, c.trend, "trend");
    assertClose(result.remainder, c.remainder, "remainder");
    assertClose(result.weights, c.weights, "weights");
    assert.match(result.reading, /trend moves from/);
  });
}

test("decomposeStl(y, options) throws InsufficientDataError for two cycles or fewer, as R's stl, and UsageError for a fractional window", () => {
  assert.throws(() => decomposeStl(new Float64Array(24), { period: 12, seasonalWindow: "periodic", series: "BE asylum" }), InsufficientDataError);
  assert.throws(() => decomposeStl(Float64Array.from({ length: 30 }, (_, i) => (i === 3 ? Number.NaN : i)), { period: 12, seasonalWindow: 7 }), /position 3/);
  assert.throws(() => decomposeStl(Float64Array.from({ length: 30 }, (_, i) => i), { period: 12, seasonalWindow: 7.5 }), UsageError);
});
