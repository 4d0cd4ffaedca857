import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { estimateDifferenceInDifferences } from "../../src/analysis/differenceInDifferences.ts";
import { buildPanel } from "../../src/analysis/panel.ts";
import { UsageError } from "../../src/core/index.ts";

interface Term {
  estimate: number;
  se: number;
  t: number;
  p: number;
  ciLower: number;
  ciUpper: number;
}
interface DidCase extends Term {
  name: string;
  treated: string | string[];
  event: string;
  reference: number;
  level: number;
  df: number;
  input: { unit: string[]; period: string[]; value: number[] };
  eventStudy: (Term & { relative: number })[];
}
const golden = JSON.parse(readFileSync(new URL("did/did.json", import.meta.url), "utf8")) as { cases: DidCase[] };

// Closed form (least squares + sandwich): 1e-9 relative to max(1, |expected|), because QR and R's LINPACK QR
// round differently in the last digits and the JSON keeps 15 significant digits.
const close = (actual: number, expected: number, what: string): void => {
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs R ${expected}`);
};
const closeTerm = (actual: Term, expected: Term, what: string): void => {
  for (const key of ["estimate", "se", "t", "ciLower", "ciUpper"] as const) close(actual[key], expected[key], `${what} ${key}`);
  // p relative to itself: small p-values are compared in their own scale.
  assert.ok(Math.abs(actual.p - expected.p) <= 1e-9 * Math.max(expected.p, 1e-300) + 1e-15, `${what} p: ${actual.p} vs R ${expected.p}`);
};

for (const c of golden.cases) {
  test(`estimateDifferenceInDifferences(panel, {treated, event: ${c.event}}) matches lm + vcovCL(HC1) on ${c.name}`, () => {
    const panel = { unit: c.input.unit, period: c.input.period, value: Float64Array.from(c.input.value) };
    const treated = Array.isArray(c.treated) ? c.treated : [c.treated];
    const result = estimateDifferenceInDifferences(panel, { treated, event: c.event, reference: c.reference, level: c.level });
    closeTerm(result, c, "D");
    assert.equal(result.df, c.df);
    assert.deepEqual(result.eventStudy.map((e) => e.relative), c.eventStudy.map((e) => e.relative));
    c.eventStudy.forEach((e, j) => closeTerm(result.eventStudy[j]!, e, `relative ${e.relative}`));
    assert.match(result.reading, /clusters/);
  });
}

test("buildPanel(rows) drops null values so estimateDifferenceInDifferences gives R's unbalanced-panel answer", () => {
  const unbalanced = golden.cases[1]!;
  const balanced = golden.cases[0]!;
  // Put back the three rows R dropped, as null, and let buildPanel drop them again.
  const seen = new Set(unbalanced.input.unit.map((u, i) => `${u} ${unbalanced.input.period[i]}`));
  const rows = balanced.input.unit.map((unit, i) => {
    const period = balanced.input.period[i]!;
    return { unit, period, value: seen.has(`${unit} ${period}`) ? balanced.input.value[i]! : null };
  });
  const { panel, dropped } = buildPanel(rows);
  assert.equal(dropped, 3);
  const result = estimateDifferenceInDifferences(panel, { treated: unbalanced.treated as string[], event: unbalanced.event, reference: -2, level: 0.9 });
  close(result.estimate, unbalanced.estimate, "estimate");
});

test("estimateDifferenceInDifferences(panel, options) throws UsageError when every unit is treated or the treated unit is unknown", () => {
  const panel = { unit: ["A", "A", "B", "B"], period: ["2019", "2020", "2019", "2020"], value: Float64Array.from([1, 2, 3, 4]) };
  assert.throws(() => estimateDifferenceInDifferences(panel, { treated: ["A", "B"], event: "2020" }), UsageError);
  assert.throws(() => estimateDifferenceInDifferences(panel, { treated: ["C"], event: "2020" }), /treated unit "C"/);
  assert.throws(() => estimateDifferenceInDifferences(panel, { treated: ["A"], event: "2019" }), /first period/);
});
