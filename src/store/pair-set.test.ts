import assert from "node:assert/strict";
import { test } from "node:test";
import { PairSet } from "./pair-set.ts";

test("PairSet.mark(series, period) is true exactly for pairs marked before, as a Set of strings says", () => {
  const pairs = new PairSet();
  const reference = new Set<string>();
  // A deterministic mix that forces both growth (series up to 3000) and widening (periods up to 300).
  let x = 12345;
  for (let i = 0; i < 40_000; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const series = x % 3000;
    const period = Math.floor(x / 3000) % 300;
    const key = `${series}/${period}`;
    assert.equal(pairs.mark(series, period), reference.has(key), `pair ${key} at step ${i}`);
    reference.add(key);
  }
  assert.equal(pairs.overflowed, false);
});

test("PairSet.mark(series, period) keeps earlier marks when the period range widens", () => {
  const pairs = new PairSet();
  for (let s = 0; s < 100; s++) assert.equal(pairs.mark(s, s % 7), false);
  assert.equal(pairs.mark(5, 1000), false);
  for (let s = 0; s < 100; s++) assert.equal(pairs.mark(s, s % 7), true, `series ${s}`);
  assert.equal(pairs.mark(5, 1000), true);
});

test("PairSet overflows instead of growing past maxBits, and then answers false", () => {
  const pairs = new PairSet(2 ** 16);
  assert.equal(pairs.mark(1, 1), false);
  assert.equal(pairs.mark(100_000, 1), false);
  assert.equal(pairs.overflowed, true);
  assert.equal(pairs.mark(1, 1), false);
});
