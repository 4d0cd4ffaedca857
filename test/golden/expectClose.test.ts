// The comparison helpers of the golden tests: the hole of an absolute comparison below 1 and the relative one that
// closes it for p-values.
import assert from "node:assert/strict";
import { test } from "node:test";
import { expectClose, expectRelative } from "./expectClose.ts";

test("expectClose(actual, expected, 1e-9) passes a p-value of 1e-12 for 1e-20 (absolute below 1), expectRelative refuses it", () => {
  assert.doesNotThrow(() => expectClose(1e-12, 1e-20, 1e-9, "p"));
  assert.throws(() => expectRelative(1e-12, 1e-20, 1e-9, "p"), /p: got 1e-12, the reference gives 1e-20/);
  assert.doesNotThrow(() => expectRelative(1.0000000001e-20, 1e-20, 1e-9, "p"));
});

test("expectRelative(actual, expected, tolerance, what, floor) allows the reference's stated absolute error and nothing more", () => {
  // R's 1 - pf(...) gives 0 where the tail is 3e-26: within Number.EPSILON, not within 1e-30.
  assert.doesNotThrow(() => expectRelative(3e-26, 0, 1e-9, "p", Number.EPSILON));
  assert.throws(() => expectRelative(3e-26, 0, 1e-9, "p", 1e-30));
  assert.throws(() => expectRelative(3e-26, 0, 1e-9, "p"));
  assert.throws(() => expectRelative(1e-15, 0, 1e-9, "p", Number.EPSILON));
});
