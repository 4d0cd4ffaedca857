// Comparison of computed numbers with the reference numbers of a golden file, with the tolerance in the message.
import assert from "node:assert/strict";

/**
 * Asserts |actual - expected| <= tolerance * max(1, |expected|): relative for numbers above 1 in magnitude,
 * absolute below (p-values, residuals near zero), so one tolerance serves a whole table.
 */
export function expectClose(actual: number, expected: number, tolerance: number, what: string): void {
  const bound = tolerance * Math.max(1, Math.abs(expected));
  assert.ok(
    Math.abs(actual - expected) <= bound,
    `${what}: got ${actual}, R gives ${expected} (difference ${Math.abs(actual - expected)} > ${bound})`,
  );
}

/** expectClose over two arrays of the same length. */
export function expectAllClose(actual: ArrayLike<number>, expected: readonly number[], tolerance: number, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    expectClose(actual[i] as number, expected[i] as number, tolerance, `${what}[${i}]`);
  }
}

/**
 * Asserts |actual - expected| <= max(tolerance * |expected|, floor): relative at every magnitude, for p-values and
 * other quantities whose small values carry the information (expectClose would pass any p-value under its
 * tolerance). `floor` is the reference's own absolute error where it has one, stated by the caller: R code that
 * computes an upper tail as `1 - pf(...)` is exact only to the rounding of a number near 1 (Number.EPSILON), and
 * gives 0 for every p below it. Without a floor an expected 0 must be matched exactly.
 */
export function expectRelative(actual: number, expected: number, tolerance: number, what: string, floor = 0): void {
  const bound = Math.max(tolerance * Math.abs(expected), floor);
  assert.ok(
    Math.abs(actual - expected) <= bound,
    `${what}: got ${actual}, the reference gives ${expected} (difference ${Math.abs(actual - expected)} > ${bound})`,
  );
}

/** expectRelative over two arrays of the same length. */
export function expectAllRelative(actual: ArrayLike<number>, expected: readonly number[], tolerance: number, what: string, floor = 0): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    expectRelative(actual[i] as number, expected[i] as number, tolerance, `${what}[${i}]`, floor);
  }
}
