import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { decomposeShiftShare } from "./shiftShare.ts";
import { InputError } from "../core/index.ts";

const f = (...v: number[]): Float64Array => Float64Array.from(v);

test("decomposeShiftShare(input) gives national share, mix and local parts of a hand-worked example", () => {
  // Reference area: group 1 100 -> 110 (+10 %), group 2 100 -> 130 (+30 %); overall 200 -> 240, g = 20 %.
  // Area: group 1 10 -> 12, group 2 30 -> 33; change 5.
  // national share = 40 x .2 = 8; mix = 10 x (.1 - .2) + 30 x (.3 - .2) = -1 + 3 = 2;
  // local = (2 - 10 x .1) + (3 - 30 x .3) = 1 - 6 = -5; 8 + 2 - 5 = 5.
  const r = decomposeShiftShare({ localStart: f(10, 30), localEnd: f(12, 33), referenceStart: f(100, 100), referenceEnd: f(110, 130) });
  const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);
  close(r.referenceGrowth, 0.2);
  close(r.nationalShare, 8);
  close(r.mix, 2);
  close(r.local, -5);
  assert.equal(r.change, 5);
});

test("decomposeShiftShare(input) parts add up to the change to 1e-9 on random inputs, also for groups absent at the start", () => {
  const count = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e5, noNaN: true }));
  const positive = fc.double({ min: 1, max: 1e6, noNaN: true });
  fc.assert(
    fc.property(fc.array(fc.tuple(count, count, positive, positive), { minLength: 1, maxLength: 30 }), (rows) => {
      const col = (j: number): Float64Array => Float64Array.from(rows.map((row) => row[j]!));
      const r = decomposeShiftShare({ localStart: col(0), localEnd: col(1), referenceStart: col(2), referenceEnd: col(3) });
      // Tolerance 1e-9 relative to the largest part: the parts are products start x growth that can be far larger
      // than the change they add up to, and double rounding is relative to their size, not to the change's.
      const scale = Math.max(1, Math.abs(r.change), Math.abs(r.nationalShare), Math.abs(r.mix), Math.abs(r.local));
      assert.ok(Math.abs(r.nationalShare + r.mix + r.local - r.change) <= 1e-9 * scale);
    }),
    { numRuns: 500 },
  );
});

test("decomposeShiftShare(input) throws InputError when a reference group is zero at the start", () => {
  assert.throws(() => decomposeShiftShare({ localStart: f(1, 1), localEnd: f(1, 1), referenceStart: f(0, 5), referenceEnd: f(1, 5) }), InputError);
});
