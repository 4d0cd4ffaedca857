import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { allocationHalfWidth, allocationResiduals, widen } from "../../src/impact/allocationError.ts";
import type { MunicipalStocks } from "../../src/impact/baseline.ts";

describe("allocation error, hand-computed", () => {
  // Two Flemish municipalities, non-Belgians on 1 January 2010-2012: Aartselaar 100, 110, 130; Antwerp 300, 310, 320.
  const stocks: MunicipalStocks = {
    years: [2010, 2011, 2012],
    cells: new Map([["11001|M|Y25-44", new Map([[2010, 100], [2011, 110], [2012, 130]])], ["11002|M|Y25-44", new Map([[2010, 300], [2011, 310], [2012, 320]])]]),
    source: "test",
  };
  const keys = [{ region: "02000", key: new Map([["11001", 130 / 450], ["11002", 320 / 450]]), description: "stock 2012" }];

  it("allocationResiduals(stocks, 2012, 2012, keys) is each change minus the key share of the region's: 10 - 130/450 x 20 in 2010", () => {
    const r = allocationResiduals(stocks, 2012, 2012, keys);
    assert.ok(Math.abs(r.get("11001")!.get(2010)! - (10 - (130 / 450) * 20)) < 1e-9);
    assert.ok(Math.abs(r.get("11001")!.get(2011)! - (20 - (130 / 450) * 30)) < 1e-9);
    // The residuals of a region add up to 0 in every year.
    for (const y of [2010, 2011]) assert.ok(Math.abs(r.get("11001")!.get(y)! + r.get("11002")!.get(y)!) < 1e-9);
  });

  it("allocationHalfWidth(residuals, members, 80) is z(0.9) x the root mean square of the members' summed residuals; 0 for the whole region", () => {
    const r = allocationResiduals(stocks, 2012, 2012, keys);
    const a = 10 - (130 / 450) * 20;
    const b = 20 - (130 / 450) * 30;
    // qnorm(0.9) in R: 1.2815515655446004.
    assert.ok(Math.abs(allocationHalfWidth(r, ["11001"], 80) - 1.2815515655446004 * Math.sqrt((a * a + b * b) / 2)) < 1e-9);
    assert.ok(Math.abs(allocationHalfWidth(r, ["11001", "11002"], 80)) < 1e-9);
  });

  it("widen(x, h) adds h to each side's half-width in quadrature and cuts at 0: 10 [7, 14] with 4 becomes [5, 10 + sqrt(32)]", () => {
    const w = widen({ value: 10, lower: 7, upper: 14 }, 4);
    assert.deepEqual(w.widened, { value: 10, lower: 5, upper: 10 + Math.sqrt(32) });
    assert.equal(widen({ value: 1, lower: 0.5, upper: 2 }, 10).widened.lower, 0);
  });
});
