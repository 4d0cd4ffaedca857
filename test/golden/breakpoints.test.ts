// Golden tests of findBreakpoints and breakDateIntervals against strucchange::breakpoints, summary()$RSS and
// confint() (test/golden/breakpoints/make.R). Break dates and interval bounds compare exactly (they are
// integers); RSS and BIC to 1e-9 relative (closed forms: sums of squared recursive residuals).
import assert from "node:assert/strict";
import { test } from "node:test";
import { breakDateIntervals } from "../../src/analysis/baiInterval.ts";
import { buildBreakDesign } from "../../src/analysis/breakDesign.ts";
import { findBreakpoints } from "../../src/analysis/breakpoints.ts";
import { InsufficientDataError, MigmonError } from "../../src/core/index.ts";
import { expectAllClose } from "./expectClose.ts";
import { readGolden } from "./goldenFile.ts";

interface Case {
  name: string;
  y: number[];
  trend: boolean;
  trim: number;
  maxBreaks: number | null;
  expected: {
    h: number;
    maxBreaks: number;
    rss: number[];
    bic: number[];
    breaksByCount: number[][];
    ci: (number | null)[][][];
    chosen: number[];
  };
}
const golden = readGolden<{ cases: Case[] }>("breakpoints", "breakpoints.json");
const minus1 = (xs: readonly number[]): number[] => xs.map((x) => x - 1);

for (const c of golden.cases) {
  const label = `findBreakpoints(y, {trim: ${c.trim}, trend: ${c.trend}${c.maxBreaks === null ? "" : `, maxBreaks: ${c.maxBreaks}`}})`;
  test(`${label} matches strucchange breakpoints, summary RSS/BIC and confint on ${c.name}`, () => {
    const y = Float64Array.from(c.y);
    const r = findBreakpoints(y, { trim: c.trim, trend: c.trend, ...(c.maxBreaks === null ? {} : { maxBreaks: c.maxBreaks }) });
    const e = c.expected;
    assert.equal(r.h, e.h, "h");
    assert.equal(r.maxBreaks, e.maxBreaks, "maximum number of breaks");
    expectAllClose(r.rss, e.rss, 1e-9, "RSS");
    expectAllClose(r.bic, e.bic, 1e-9, "BIC");
    e.breaksByCount.forEach((breaks, m) => assert.deepEqual(r.breaksByCount[m + 1], minus1(breaks), `breaks for m = ${m + 1}`));
    assert.deepEqual(r.breaks, minus1(e.chosen), "breaks chosen by BIC");
    assert.equal(r.chosen, e.chosen.length);
    // Intervals for every m, not only the chosen one, through the exported interval function.
    const { columns } = buildBreakDesign(y.length, { trend: c.trend });
    e.ci.forEach((rows, m) => {
      const intervals = breakDateIntervals(columns, y, minus1(e.breaksByCount[m] as number[]));
      rows.forEach((row, i) => {
        const got = intervals[i];
        if (row[0] === null || row[2] === null) {
          assert.equal(got, null, `m = ${m + 1}, break ${i + 1}: R gives no interval`);
        } else {
          assert.deepEqual(got, { lower: (row[0] as number) - 1, estimate: (row[1] as number) - 1, upper: (row[2] as number) - 1 }, `m = ${m + 1}, break ${i + 1}`);
        }
      });
    });
    if (r.chosen > 0) {
      const rows = e.ci[r.chosen - 1] as (number | null)[][];
      assert.deepEqual(
        r.ci.map((ci) => (ci === null ? null : [ci.lower + 1, ci.estimate + 1, ci.upper + 1])),
        rows.map((row) => (row[0] === null ? null : row)),
      );
    }
  });
}

test("findBreakpoints(y) throws InsufficientDataError for a series of 3", () => {
  assert.throws(() => findBreakpoints(Float64Array.from([1, 2, 3])), InsufficientDataError);
});

test("findBreakpoints(y, {minSegment}) throws MigmonError for a minimum segment not above k", () => {
  const y = Float64Array.from({ length: 30 }, (_, i) => Math.sin(i));
  assert.throws(() => findBreakpoints(y, { minSegment: 2, trend: true }), MigmonError);
});
