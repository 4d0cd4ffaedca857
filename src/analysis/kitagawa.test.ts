import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { decomposeRateDifference } from "./kitagawa.ts";
import { InputError } from "../core/index.ts";

const f = (...v: number[]): Float64Array => Float64Array.from(v);

test("decomposeRateDifference(input) gives the composition and rate parts of a hand-worked two-group example", () => {
  // A: groups of 600 and 400 persons with 30 and 60 events: shares .6/.4, rates .05/.15, crude .03 + .06 = .09.
  // B: 300 and 700 persons with 12 and 70 events: shares .3/.7, rates .04/.10, crude .012 + .07 = .082.
  // composition = (.3-.6)(.05+.04)/2 + (.7-.4)(.15+.10)/2 = -.0135 + .0375 = .024
  // rate        = (.04-.05)(.6+.3)/2 + (.10-.15)(.4+.7)/2 = -.0045 - .0275 = -.032; sum -.008 = .082 - .09.
  const r = decomposeRateDifference({ populationA: f(600, 400), eventsA: f(30, 60), populationB: f(300, 700), eventsB: f(12, 70) });
  const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);
  close(r.crudeA, 0.09);
  close(r.crudeB, 0.082);
  close(r.composition, 0.024);
  close(r.rate, -0.032);
  close(r.difference, -0.008);
});

test("decomposeRateDifference(input) composition + rate equals the crude rate difference to 1e-9 on random inputs", () => {
  const group = fc.tuple(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }));
  fc.assert(
    fc.property(fc.array(fc.tuple(group, group), { minLength: 1, maxLength: 30 }), (groups) => {
      const r = decomposeRateDifference({
        populationA: Float64Array.from(groups.map(([a]) => a[0])),
        eventsA: Float64Array.from(groups.map(([a]) => a[0] * a[1])),
        populationB: Float64Array.from(groups.map(([, b]) => b[0])),
        eventsB: Float64Array.from(groups.map(([, b]) => b[0] * b[1])),
      });
      assert.ok(Math.abs(r.composition + r.rate - r.difference) <= 1e-9);
    }),
    { numRuns: 500 },
  );
});

test("decomposeRateDifference(input) throws InputError when a group has zero population", () => {
  assert.throws(() => decomposeRateDifference({ populationA: f(0, 1), eventsA: f(0, 0), populationB: f(1, 1), eventsB: f(0, 0) }), InputError);
  assert.throws(() => decomposeRateDifference({ populationA: f(), eventsA: f(), populationB: f(), eventsB: f() }), /no groups/);
});
