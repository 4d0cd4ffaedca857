// Property tests of supFTest: it rejects on a planted break and mostly does not on white noise (seeded series).
import assert from "node:assert/strict";
import { test } from "node:test";
import { supFTest } from "../../src/analysis/supF.ts";
import { normalDraw, seededUniform } from "./seededRandom.ts";

test("supFTest(y) rejects at 5% on nearly every series with a planted mean shift of 1.5 sd and dates it within 5", () => {
  const uniform = seededUniform(11);
  const runs = 200;
  let rejected = 0;
  let dated = 0;
  for (let run = 0; run < runs; run++) {
    const at = 30 + Math.floor(uniform() * 40);
    const y = Float64Array.from({ length: 100 }, (_, i) => (i > at ? 1.5 : 0) + normalDraw(uniform));
    const r = supFTest(y);
    if (r.p < 0.05) rejected += 1;
    if (Math.abs(r.lastBefore - at) <= 5) dated += 1;
  }
  assert.ok(rejected >= 0.98 * runs, `rejected ${rejected} of ${runs}`);
  // Bai (1997): the dating error is argmax V scaled by sigma² / delta² = 0.44 observations, so P(|error| <= 5)
  // is pargmaxV(5.5 / 0.44) - pargmaxV(-5.5 / 0.44) = 0.96 asymptotically; 90% leaves room for sampling.
  assert.ok(dated >= 0.9 * runs, `dated within 5 observations ${dated} of ${runs}`);
});

test("supFTest(y) rejects at 5% on few white-noise series (size close to the nominal 5%)", () => {
  const uniform = seededUniform(12);
  const runs = 400;
  let rejected = 0;
  for (let run = 0; run < runs; run++) {
    const y = Float64Array.from({ length: 100 }, () => normalDraw(uniform));
    if (supFTest(y).p < 0.05) rejected += 1;
  }
  // Binomial(400, 0.05) has mean 20 and sd 4.4; 40 is far beyond chance for a correct-size test.
  assert.ok(rejected <= 40, `rejected ${rejected} of ${runs} white-noise series`);
});

test("supFTest(y, {trend: true}) rejects on a planted slope change and its p-value is uniform-ish on trend plus noise", () => {
  const uniform = seededUniform(13);
  let rejectedBreak = 0;
  let rejectedNull = 0;
  const runs = 100;
  for (let run = 0; run < runs; run++) {
    const broken = Float64Array.from({ length: 80 }, (_, i) => 0.1 * i + (i > 40 ? 0.15 * (i - 40) : 0) + normalDraw(uniform));
    const straight = Float64Array.from({ length: 80 }, (_, i) => 0.1 * i + normalDraw(uniform));
    if (supFTest(broken, { trend: true }).p < 0.05) rejectedBreak += 1;
    if (supFTest(straight, { trend: true }).p < 0.05) rejectedNull += 1;
  }
  assert.ok(rejectedBreak >= 95, `rejected ${rejectedBreak} of ${runs} broken trends`);
  assert.ok(rejectedNull <= 12, `rejected ${rejectedNull} of ${runs} straight trends`);
});
