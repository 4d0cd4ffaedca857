import assert from "node:assert/strict";
import { test } from "node:test";
import { loadIndicatorCatalogue } from "../../src/indicators/catalogue.ts";
import { decimalsOf, roundForDisplay } from "../../src/indicators/precision.ts";

test("roundForDisplay(value, decimals) removes float noise, rounds half away from zero and never shows -0", () => {
  assert.equal(roundForDisplay(9.8 - 5.0, 1), 4.8);
  assert.notEqual(9.8 - 5.0, 4.8, "the noise this guards against");
  assert.equal(roundForDisplay(1.005, 2), 1.01);
  assert.equal(roundForDisplay(-2.25, 1), -2.3);
  assert.ok(Object.is(roundForDisplay(-0.04, 1), 0));
  assert.equal(roundForDisplay(253266, 0), 253266);
  assert.equal(roundForDisplay(null, 1), null);
});

test("decimalsOf(indicator) is the declared decimals, else by unit: whole persons, one decimal for percentages and rates", async () => {
  assert.equal(decimalsOf({ unit: "persons" }), 0);
  assert.equal(decimalsOf({ unit: "percent" }), 1);
  assert.equal(decimalsOf({ unit: "per 1,000 inhabitants" }), 1);
  assert.equal(decimalsOf({ unit: "percent", decimals: 2 }), 2);
  assert.equal(decimalsOf({ unit: "an unit nobody declared" }), 2);
  // Every indicator of the catalogue gets a precision, and every count of persons is whole.
  for (const indicator of await loadIndicatorCatalogue()) {
    const digits = decimalsOf(indicator);
    assert.ok(Number.isInteger(digits) && digits >= 0 && digits <= 6, indicator.id);
    if (indicator.unit === "persons") assert.equal(digits, 0, indicator.id);
  }
});
