import assert from "node:assert/strict";
import { test } from "node:test";
import type { DatasetId, Period, ReleaseId } from "../../core/index.ts";
import { MigmonError } from "../../core/index.ts";
import type { IndicatorResult, IndicatorValue } from "../result.ts";
import { joinNotes, resultRows } from "./resultRows.ts";

const p = (s: string) => s as Period;

function resultOf(values: IndicatorValue[], breakdownDimensions: string[] = ["sex"]): IndicatorResult {
  const titles = { nl: "t", fr: "t", en: "t" };
  return {
    indicator: { id: "share-women", title: titles, definition: titles, unit: "%", notes: [], breaks: [] },
    breakdownDimensions,
    values,
    provenance: [{
      dataset: "statbel:pop" as DatasetId, datasetTitle: titles, release: 1 as ReleaseId, retrievedAt: "2025-01-01T00:00:00Z",
      sourceUpdatedAt: null, licence: "Statbel", query: "q",
    }],
    asOf: null,
  };
}

test("resultRows(result) flattens values with breakdown codes in the declared order and canonical flags", () => {
  const rows = resultRows(resultOf([
    { geo: "BE", period: p("2020"), breakdown: { age: "Y15-64", sex: "F" }, value: 50.5, flags: "pe", lower: 49 },
  ], ["sex", "age"]));
  assert.deepEqual(rows, [{
    geo: "BE", breakdown: ["F", "Y15-64"], period: "2020", value: 50.5, flags: "ep", lower: 49, upper: null, notes: [],
  }]);
});

test("resultRows(result) keeps a null value null and a zero zero", () => {
  const rows = resultRows(resultOf([
    { geo: "BE", period: p("2020"), breakdown: { sex: "F" }, value: null, flags: "c" },
    { geo: "BE", period: p("2021"), breakdown: { sex: "F" }, value: 0, flags: "" },
  ]));
  assert.deepEqual(rows.map((r) => r.value), [null, 0]);
});

test("resultRows(result) throws MigmonError naming the cell given twice", () => {
  const v = { geo: "BE10", period: p("2020"), breakdown: { sex: "M" }, value: 1, flags: "" };
  assert.throws(() => resultRows(resultOf([v, v])),
    (e: unknown) => e instanceof MigmonError && e.message === "two values for geo BE10, period 2020, sex M of indicator share-women");
});

test("resultRows(result) throws MigmonError for a missing or an undeclared breakdown code", () => {
  assert.throws(() => resultRows(resultOf([{ geo: "BE", period: p("2020"), value: 1, flags: "" }])),
    /no sex code for geo BE, period 2020 of indicator share-women/);
  assert.throws(() => resultRows(resultOf([{ geo: "BE", period: p("2020"), breakdown: { sex: "F", age: "TOTAL" }, value: 1, flags: "" }])),
    /breakdown age is not declared for geo BE, period 2020, sex F, age TOTAL of indicator share-women/);
});

test("resultRows(result) throws MigmonError for a NaN figure: a missing figure must be null", () => {
  assert.throws(() => resultRows(resultOf([{ geo: "BE", period: p("2020"), breakdown: { sex: "F" }, value: Number.NaN, flags: "" }])),
    /value is NaN for geo BE, period 2020, sex F of indicator share-women: a missing figure must be null/);
  assert.throws(() => resultRows(resultOf([{ geo: "BE", period: p("2020"), breakdown: { sex: "F" }, value: 1, flags: "", upper: Infinity }])),
    /upper bound is Infinity/);
});

test("resultRows(result) throws MigmonError for a breakdown dimension named like a fixed column", () => {
  assert.throws(() => resultRows(resultOf([], ["period"])), /breakdown dimension "period" of indicator share-women has the name of a fixed column/);
});

test("joinNotes(notes) joins a value's notes with a semicolon", () => {
  assert.equal(joinNotes(["a", "b"]), "a; b");
  assert.equal(joinNotes([]), "");
});
