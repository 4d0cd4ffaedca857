// Golden tests of the distribution tails against R (test/golden/distributions/make.R).
// Tolerance: relative 1e-9 on every tail (these are closed-form special functions computed to about 1e-14; a
// relative test is the one that shows upper tails are free of cancellation, down to 1e-300), and 1e-9
// relative-or-absolute (expectClose) for quantiles.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  chiSquareCdf,
  chiSquareUpperTail,
  fUpperTail,
  normalQuantile,
  normalTwoSidedP,
  normalUpperTail,
  tQuantile,
  tTwoSidedP,
  tUpperTail,
} from "../../src/analysis/distributions.ts";
import { expectClose } from "./expectClose.ts";
import { readGolden } from "./goldenFile.ts";

interface Golden {
  t: { x: number[]; df: number[]; upper: number[]; twoSided: number[] };
  f: { x: number[]; df1: number[]; df2: number[]; upper: number[] };
  chisq: { x: number[]; df: number[]; upper: number[]; lower: number[] };
  normal: { z: number[]; upper: number[]; twoSided: number[] };
  quantile: { p: number[]; qnorm: number[]; qt5: number[]; qt30: number[] };
}
const g = readGolden<Golden>("distributions", "distributions.json");
const REL = 1e-9;

function expectRelative(actual: number, expected: number, what: string): void {
  const ok = expected === 0 ? actual === 0 : Math.abs(actual - expected) <= REL * Math.abs(expected);
  assert.ok(ok, `${what}: got ${actual}, R gives ${expected}`);
}

test("tUpperTail(t, df) and tTwoSidedP(t, df) match R pt to 1e-9 relative, far tails included", () => {
  g.t.x.forEach((x, i) => {
    const df = g.t.df[i] as number;
    expectRelative(tUpperTail(x, df), g.t.upper[i] as number, `pt(${x}, ${df}, lower = FALSE)`);
    expectRelative(tTwoSidedP(x, df), g.t.twoSided[i] as number, `2 pt(-|${x}|, ${df})`);
  });
});

test("fUpperTail(f, df1, df2) matches R pf(lower.tail = FALSE) to 1e-9 relative", () => {
  g.f.x.forEach((x, i) => {
    const [d1, d2] = [g.f.df1[i] as number, g.f.df2[i] as number];
    expectRelative(fUpperTail(x, d1, d2), g.f.upper[i] as number, `pf(${x}, ${d1}, ${d2}, lower = FALSE)`);
  });
});

test("chiSquareUpperTail(x, k) and chiSquareCdf(x, k) match R pchisq to 1e-9 relative", () => {
  g.chisq.x.forEach((x, i) => {
    const k = g.chisq.df[i] as number;
    expectRelative(chiSquareUpperTail(x, k), g.chisq.upper[i] as number, `pchisq(${x}, ${k}, lower = FALSE)`);
    expectRelative(chiSquareCdf(x, k), g.chisq.lower[i] as number, `pchisq(${x}, ${k})`);
  });
});

test("normalUpperTail(z) and normalTwoSidedP(z) match R pnorm to 1e-9 relative up to z = 37", () => {
  g.normal.z.forEach((z, i) => {
    expectRelative(normalUpperTail(z), g.normal.upper[i] as number, `pnorm(${z}, lower = FALSE)`);
    expectRelative(normalTwoSidedP(z), g.normal.twoSided[i] as number, `2 pnorm(-|${z}|)`);
  });
});

test("normalQuantile(p) and tQuantile(p, df) match R qnorm and qt", () => {
  g.quantile.p.forEach((p, i) => {
    expectClose(normalQuantile(p), g.quantile.qnorm[i] as number, 1e-9, `qnorm(${p})`);
    expectClose(tQuantile(p, 5), g.quantile.qt5[i] as number, 1e-9, `qt(${p}, 5)`);
    expectClose(tQuantile(p, 30), g.quantile.qt30[i] as number, 1e-9, `qt(${p}, 30)`);
  });
});
