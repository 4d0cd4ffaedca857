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
