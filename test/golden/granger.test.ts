import assert from "node:assert/strict";
import { test } from "node:test";
import { grangerTest } from "../../src/analysis/granger.ts";
import { InsufficientDataError, MigmonError } from "../../src/core/index.ts";
import { expectClose, expectRelative } from "./expectClose.ts";
import { readGolden } from "./goldenFile.ts";

interface GrangerCase {
  name: string;
  y: number[];
  x: number[];
  order: number;
  F: number;
  p: number;
  df1: number;
  df2: number;
}
const golden = readGolden<{ r: string; cases: GrangerCase[] }>("granger", "granger.json");

// Tolerance 1e-9 (relative above 1, absolute below): F is a closed form of two least-squares fits (QR) and p an
// F tail computed to double precision; differences from R are rounding only.
// p-values compare relatively at the same tolerance (expectRelative): an absolute 1e-9 would pass any p below it.
const TOLERANCE = 1e-9;

for (const c of golden.cases) {
  test(`grangerTest(y, x, {order: ${c.order}}) matches lmtest::grangertest on ${c.name}`, () => {
    const result = grangerTest(Float64Array.from(c.y), Float64Array.from(c.x), { order: c.order });
    expectClose(result.F, c.F, TOLERANCE, "F");
    expectRelative(result.p, c.p, TOLERANCE, "p");
    assert.equal(result.df1, c.df1);
    assert.equal(result.df2, c.df2);
    assert.equal(result.n, c.y.length - c.order);
  });
}

test("grangerTest(y, x) reads a small p as predictive precedence and says it is not causation", () => {
  const c = golden.cases[0] as GrangerCase;
  const result = grangerTest(Float64Array.from(c.y), Float64Array.from(c.x), { names: { x: "unemployment", y: "immigration" } });
  assert.match(result.reading, /^Past values of unemployment \(the previous period\) improve the prediction of immigration/);
  assert.match(result.reading, /not causation/);
});

test("grangerTest(y, x, {order}) throws for too few values, unequal lengths and a bad order", () => {
  assert.throws(() => grangerTest(new Float64Array(7), new Float64Array(7), { order: 2 }), InsufficientDataError);
  assert.throws(() => grangerTest(new Float64Array(10), new Float64Array(9)), /has 10 values/);
  assert.throws(() => grangerTest(new Float64Array(10), new Float64Array(10), { order: 0 }), MigmonError);
});
