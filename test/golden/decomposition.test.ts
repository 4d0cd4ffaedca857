import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { decomposeRateDifference } from "../../src/analysis/kitagawa.ts";
import { decomposeShiftShare } from "../../src/analysis/shiftShare.ts";

const golden = JSON.parse(readFileSync(new URL("decomposition/decomposition.json", import.meta.url), "utf8")) as {
  kitagawa: Record<"populationA" | "eventsA" | "populationB" | "eventsB", number[]> & Record<"crudeA" | "crudeB" | "difference" | "composition" | "rate", number>;
  shiftShare: Record<"localStart" | "localEnd" | "referenceStart" | "referenceEnd", number[]> &
    Record<"change" | "referenceGrowth" | "nationalShare" | "mix" | "local", number>;
};

// Closed forms: 1e-9 relative to max(1, |expected|); R sums the same products, possibly in another order.
const close = (actual: number, expected: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs R ${expected}`);
const f = (values: number[]): Float64Array => Float64Array.from(values);

test("decomposeRateDifference(input) matches R on the non-Belgian share of Antwerp vs Brussels by sex and age (Statbel 2015)", () => {
  const k = golden.kitagawa;
  const r = decomposeRateDifference({ populationA: f(k.populationA), eventsA: f(k.eventsA), populationB: f(k.populationB), eventsB: f(k.eventsB) });
  for (const key of ["crudeA", "crudeB", "difference", "composition", "rate"] as const) close(r[key], k[key], key);
});

test("decomposeShiftShare(input) matches R on the growth of Antwerp's non-Belgian population 2009-2015 against Belgium (Statbel)", () => {
  const s = golden.shiftShare;
  const r = decomposeShiftShare({ localStart: f(s.localStart), localEnd: f(s.localEnd), referenceStart: f(s.referenceStart), referenceEnd: f(s.referenceEnd) });
  for (const key of ["change", "referenceGrowth", "nationalShare", "mix", "local"] as const) close(r[key], s[key], key);
});
