import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { minimizeNelderMead } from "../../src/analysis/nelderMead.ts";

interface NelderMeadCase {
  name: string;
  start: number[];
  maxit: number;
  par: number[];
  value: number;
  evaluations: number;
  convergence: number;
}
const golden = JSON.parse(readFileSync(new URL("nelderMead/nelderMead.json", import.meta.url), "utf8")) as { cases: NelderMeadCase[] };

const functions: Record<string, (x: Float64Array) => number> = {
  rosenbrock: (x) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2,
  boxed: (x) => (x.some((v) => Math.abs(v) > 1) ? Number.POSITIVE_INFINITY : (x[0]! - 0.3) ** 2 + (x[1]! + 0.2) ** 2 * 10 + (x[2]! - 0.5) ** 2 * 100),
};

for (const c of golden.cases) {
  test(`minimizeNelderMead(fn, start, {maxit: ${c.maxit}}) takes optim's steps on ${c.name}`, () => {
    const fn = functions[c.name.startsWith("rosenbrock") ? "rosenbrock" : "boxed"]!;
    const r = minimizeNelderMead(fn, Float64Array.from(c.start), { maxit: c.maxit });
    // Iterative: 1e-6 relative; the evaluation count and the convergence code must agree exactly, which they do
    // only if every step is the same.
    c.par.forEach((v, i) => assert.ok(Math.abs(r.par[i]! - v) <= 1e-6 * Math.max(1, Math.abs(v)), `par ${i}: ${r.par[i]} vs R ${v}`));
    assert.ok(Math.abs(r.value - c.value) <= 1e-6 * Math.max(1, Math.abs(c.value)));
    assert.equal(r.evaluations, c.evaluations);
    assert.equal(r.fail, c.convergence);
  });
}
