import { test } from "node:test";
import assert from "node:assert/strict";
import { arrangePanel, buildPanel } from "./panel.ts";
import { InputError } from "../core/index.ts";

test("arrangePanel(panel) orders periods in time and leaves null where a unit has no row", () => {
  const grid = arrangePanel({ unit: ["B", "A", "A"], period: ["2020", "2021", "2019-Q4"], value: Float64Array.from([1, 2, 3]) });
  assert.deepEqual(grid.units, ["A", "B"]);
  assert.deepEqual(grid.periods, ["2019-Q4", "2020", "2021"]);
  assert.deepEqual(grid.values, [
    [3, null, 2],
    [null, 1, null],
  ]);
});

test("arrangePanel(panel) throws InputError when a unit has two values for one period", () => {
  assert.throws(() => arrangePanel({ unit: ["A", "A"], period: ["2020", "2020"], value: Float64Array.from([1, 2]) }, "did.csv"), InputError);
});

test("buildPanel(rows) drops null values through dropMissing and counts them", () => {
  const { panel, dropped } = buildPanel([
    { unit: "A", period: "2020", value: 1 },
    { unit: "A", period: "2021", value: null },
    { unit: "B", period: "2020", value: 0 },
  ]);
  assert.equal(dropped, 1);
  assert.deepEqual(panel.unit, ["A", "B"]);
  assert.deepEqual(Array.from(panel.value), [1, 0]);
});
