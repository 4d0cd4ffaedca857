import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { backtestMunicipal, backtestNational, municipalBacktestPoints, summarise } from "../../src/impact/backtest.ts";
import { readAsylumApplicants, readMunicipalStocks } from "../../src/impact/baseline.ts";
import type { MunicipalStocks, NationalSeries } from "../../src/impact/baseline.ts";
import { belgianGeography } from "../../src/reference/geography.ts";
import { makeImpactStore, readStatbelNonBelgians } from "./impactStore.ts";

describe("impact back-tests", () => {
  it("summarise(points) gives the MAPE over non-zero actuals and the share of actuals inside the interval, bounds included", () => {
    const p = (value: number, lower: number, upper: number, actual: number) => ({ area: "x", origin: 2010, year: 2011, horizon: 1, projected: { value, lower, upper }, actual });
    // |110-100|/100 = 10 %, |50-40|/40 = 25 %; the zero actual is left out of the MAPE but counts for coverage.
    const s = summarise([p(110, 90, 120, 100), p(50, 45, 60, 40), p(5, 0, 10, 0)]);
    assert.equal(s.mape, 17.5);
    assert.equal(s.zeroActuals, 1);
    assert.equal(s.coverage, 2 / 3);
    assert.deepEqual(summarise([]), { points: 0, mape: null, zeroActuals: 0, coverage: null });
  });

  describe("on the real store", () => {
    let stocks: MunicipalStocks;
    let asylum: NationalSeries;
    let remove: () => Promise<void>;
    before(async () => {
      const made = await makeImpactStore();
      stocks = await readMunicipalStocks(made.store);
      asylum = await readAsylumApplicants(made.store);
      remove = made.remove;
    });
    after(async () => { await remove(); });

    it("backtestMunicipal(stocks, 80) compares with the stored net changes: coverage in [0, 1], each actual equal to the raw file's", () => {
      const levels = backtestMunicipal(stocks, 80);
      assert.deepEqual(levels.map((l) => l.level), ["region", "municipality"]);
      for (const l of levels) {
        assert.ok(l.coverage !== null && l.coverage >= 0 && l.coverage <= 1, `${l.level} ${l.coverage}`);
        assert.ok(l.mape !== null && l.mape >= 0);
        assert.deepEqual(l.origins, [2011, 2012, 2013, 2014]);
        for (const h of l.byHorizon) assert.ok(h.coverage !== null && h.coverage >= 0 && h.coverage <= 1);
      }
      // Independent: net changes from the raw file (1 January y + 1 minus 1 January y), plain code.
      const geo = belgianGeography();
      const raw = readStatbelNonBelgians();
      const change = (pick: (refnis: string) => boolean, y: number) =>
        raw.filter((r) => r.year === y + 1 && pick(r.refnis)).reduce((s, r) => s + r.persons, 0) - raw.filter((r) => r.year === y && pick(r.refnis)).reduce((s, r) => s + r.persons, 0);
      const { regional, municipal } = municipalBacktestPoints(stocks, 80);
      assert.equal(regional.length, levels[0]!.points);
      assert.equal(municipal.length, levels[1]!.points);
      const flanders2013 = regional.find((p) => p.area === "02000" && p.origin === 2012 && p.year === 2013)!;
      assert.equal(flanders2013.actual, change((c) => geo.parentOf(c, "region") === "02000", 2013));
      const ghent2014 = municipal.find((p) => p.area === "44021" && p.origin === 2013 && p.year === 2014)!;
      assert.equal(ghent2014.actual, change((c) => c === "44021", 2014));
      assert.equal(ghent2014.horizon, 2);
      // The region's projected value is the mean of its changes up to the origin (mean forecast below 7 values).
      const meanTo2012 = [2009, 2010, 2011].reduce((s, y) => s + change((c) => geo.parentOf(c, "region") === "02000", y), 0) / 3;
      assert.ok(Math.abs(flanders2013.projected.value - meanTo2012) < 1e-6, `${flanders2013.projected.value} vs ${meanTo2012}`);
    });

    it("backtestNational(asylum applicants) projects from 4 values on and compares each year that has an outcome", () => {
      const l = backtestNational("asylum applicants", asylum, 80);
      assert.equal(l.level, "country");
      // Origins 2011..2023 (4 to 16 values); h = 1..3 where the year exists up to 2024: 13 + 12 + 11 points.
      assert.deepEqual(l.origins[0], 2011);
      assert.equal(l.points, 13 + 12 + 11);
      assert.ok(l.coverage !== null && l.coverage >= 0 && l.coverage <= 1);
      assert.match(l.method, /ets-ann/);
    });
  });
});
