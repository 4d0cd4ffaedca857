import assert from "node:assert/strict";
import { test } from "node:test";
import { dropMissing } from "./missing.ts";
import { MigmonError } from "../core/index.ts";

test("dropMissing(values) keeps the non-null values with their original positions", () => {
  const { columns, kept, dropped } = dropMissing([3, null, 5, 0, null]);
  assert.deepEqual(Array.from(columns[0]), [3, 5, 0]);
  assert.deepEqual(Array.from(kept), [0, 2, 3]);
  assert.equal(dropped, 2);
});

test("dropMissing(y, x) drops a row when any aligned column is null there", () => {
  const { columns, kept, dropped } = dropMissing([1, 2, null, 4], [10, null, 30, 40]);
  assert.deepEqual(Array.from(columns[0]), [1, 4]);
  assert.deepEqual(Array.from(columns[1]), [10, 40]);
  assert.deepEqual(Array.from(kept), [0, 3]);
  assert.equal(dropped, 2);
});

test("dropMissing(values) throws MigmonError on NaN, since missing values must be null", () => {
  assert.throws(() => dropMissing([1, Number.NaN]), (err: unknown) => err instanceof MigmonError && /position 1/.test(err.message));
});

test("dropMissing(y, x) throws MigmonError when the columns differ in length", () => {
  assert.throws(() => dropMissing([1, 2], [1]), MigmonError);
});
