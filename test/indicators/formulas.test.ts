import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { balance, sumCells } from "../../src/indicators/balances.ts";
import { diversity, effectiveGroups, groupCount, shannonEntropy, simpsonIndex } from "../../src/indicators/diversity.ts";
import { combineInputs, withheldNote } from "../../src/indicators/flags.ts";
import { gapInPoints } from "../../src/indicators/gaps.ts";
import { poissonInterval } from "../../src/indicators/poisson.ts";
import { averagePopulation, crudeRate } from "../../src/indicators/rates.ts";
import { share } from "../../src/indicators/shares.ts";
import type { IntervalCell } from "../../src/indicators/cell.ts";
import { flandersBelgiumEurope, municipalityWithParents, readComparisonSet, similarMunicipalities } from "../../src/indicators/comparison.ts";
import { belgianGeography } from "../../src/reference/geography.ts";

const c = (value: number | null, flags = "") => ({ value, flags });
const close = (a: number | null | undefined, b: number, tol = 1e-9) => assert.ok(a !== null && a !== undefined && Math.abs(a - b) <= tol, `${a} vs ${b}`);

describe("indicator formulas", () => {
  it("poissonInterval(x) equals R's poisson.test(x)$conf.int for 0, 1, 10, 19, 500 and 100000 to 1e-12 relative", () => {
    // Printed by test/indicators/poisson-interval.R (R 4.2.2) at 17 significant digits.
    const r: [number, number, number][] = [
      [0, 0, 3.6888794541139354], [1, 0.025317807984289897, 5.5716433909388989], [10, 4.7953886961324343, 18.390356042017778],
      [19, 11.439241164366734, 29.670853571585599], [500, 457.12857689962948, 545.80926856517135], [100000, 99381.152663744724, 100621.74473974388],
    ];
    // Tolerance 1e-12 relative: the chi-square quantiles are Newton-refined on double-precision cdfs
    // (analysis/distributions.ts); jstat's own quantiles were off by up to 3.3e-12 (x = 500) and fail this.
    const relative = (a: number, b: number) => assert.ok(Math.abs(a - b) <= 1e-12 * Math.abs(b), `${a} vs ${b}`);
    for (const [x, lo, hi] of r) {
      const i = poissonInterval(x);
      relative(i.lower, lo);
      relative(i.upper, hi);
    }
  });

  it("averagePopulation(jan1, nextJan1) is their mean and carries a provisional flag", () => {
    // (1000 + 1200) / 2 = 1100
    assert.deepEqual(averagePopulation(c(1000), c(1200, "p")), { value: 1100, flags: "p" });
  });

  it("crudeRate(count, population) is count / population x 1000 with the exact Poisson bounds and u below 20 events", () => {
    // 10 / 1100 x 1000 = 9.0909...; bounds 4.7953886961 / 1100 x 1000 = 4.35944..., 18.390356042 / 1100 x 1000 = 16.71850...
    const r = crudeRate(c(10), c(1100), { per: 1000, interval: true, lowCount: 20 }) as IntervalCell;
    close(r.value, 9.090909090909091);
    close(r.lower, 4.359444269, 1e-7);
    close(r.upper, 16.718505493, 1e-7);
    assert.equal(r.flags, "u");
    // 25 events: not low reliability. 25 / 5000 x 1000 = 5.
    const big = crudeRate(c(25), c(5000), { per: 1000, interval: true, lowCount: 20 });
    assert.equal(big.value, 5);
    assert.equal(big.flags, "");
  });

  it("crudeRate(count, population) without an interval has no bounds (a net balance is not a count of events)", () => {
    const r = crudeRate(c(-1459), c(1159060.5), { per: 1000, interval: false, lowCount: 20 });
    assert.equal("lower" in r, false);
    close(r.value, -1.2587781224534866, 1e-12);
  });

  it("crudeRate(count, population) is provisional from a provisional count, withheld from a confidential one and null for population 0", () => {
    assert.equal(crudeRate(c(30, "p"), c(1000), { per: 1000, interval: false, lowCount: 20 }).flags, "p");
    const withheld = crudeRate(c(30, "c"), c(1000), { per: 1000, interval: true, lowCount: 20 });
    assert.equal(withheld.value, null);
    assert.equal(withheld.flags, "c");
    assert.ok(withheld.notes?.includes(withheldNote));
    const zero = crudeRate(c(3), c(0), { per: 1000, interval: true, lowCount: 20 });
    assert.equal(zero.value, null);
  });

  it("share(part, whole) is part / whole x 100 and keeps a break flag of either term", () => {
    // 1,255,286 / 11,209,044 x 100 = 11.19886762867556 (Statbel, Belgium 1 January 2015)
    const s = share(c(1255286), c(11209044, "b"));
    close(s.value, 11.19886762867556, 1e-12);
    assert.equal(s.flags, "b");
    assert.equal(share(c(5), c(0)).value, null);
  });

  it("balance(plus, minus) and gapInPoints(of, against) subtract; a missing term makes the result missing", () => {
    // 150,006 - 100,000 = 50,006 ; 9.8 - 5.0 = 4.8 percentage points
    assert.deepEqual(balance(c(150006, "e"), c(100000)), { value: 50006, flags: "e" });
    close(gapInPoints(c(9.8), c(5.0)).value, 4.8, 1e-12);
    const gap = gapInPoints(c(null), c(5));
    assert.equal(gap.value, null);
    assert.ok(gap.notes && gap.notes.length > 0);
  });

  it("sumCells(cells) adds up and a confidential part withholds the sum", () => {
    assert.deepEqual(sumCells([c(1), c(2, "p"), c(3)]), { value: 6, flags: "p" });
    assert.equal(sumCells([c(1), c(2, "c")]).value, null);
    assert.equal(combineInputs([c(1), c(2, "c")]).flags, "c");
  });

  it("diversity measures of counts 50, 30, 20 equal the hand-computed values", () => {
    // p = .5, .3, .2. H = -(.5 ln .5 + .3 ln .3 + .2 ln .2) = .34657359 + .36119184 + .32188758 = 1.02965301
    // Gini-Simpson = 1 - (.25 + .09 + .04) = .62 ; effective number = exp(1.02965301) = 2.80016...
    const counts = [50, 30, 20];
    assert.equal(groupCount([50, 0, 20]), 2);
    close(shannonEntropy(counts), 1.0296530140645737, 1e-12);
    close(simpsonIndex(counts), 0.62, 1e-12);
    close(effectiveGroups(counts), Math.exp(1.0296530140645737), 1e-12);
    assert.equal(shannonEntropy([0, 0]), null);
  });

  it("diversity(groups, measure) is withheld when one group is confidential and keeps the groups' flags", () => {
    assert.equal(diversity([c(50), c(30, "c")], "shannon").value, null);
    const d = diversity([c(50, "p"), c(50)], "effective");
    close(d.value, 2, 1e-12);
    assert.equal(d.flags, "p");
  });

  it("similarMunicipalities(target, features, k) ranks by the standardised distance on ln population and share", () => {
    // ln populations: A 1000 -> 6.9078, B 1100 -> 7.0031, C 100000 -> 11.5129, D 1000 -> 6.9078.
    // Shares: A 10, B 11, C 10, D 30. B is closest to A on both features; D differs in share only by 20 points,
    // C in ln population by 4.6: with the standard deviations (ln pop 2.287, share 9.845) C is 4.605/2.287 = 2.014 away, D 20/9.845 = 2.031.
    const f = new Map([["A", { population: 1000, shareNonNationals: 10 }], ["B", { population: 1100, shareNonNationals: 11 }],
      ["C", { population: 100000, shareNonNationals: 10 }], ["D", { population: 1000, shareNonNationals: 30 }]]);
    assert.deepEqual(similarMunicipalities("A", f, 3), ["B", "C", "D"]);
  });

  it("readComparisonSet(text) reads the named set, municipality:<REFNIS>[:k] and a list of codes", () => {
    assert.deepEqual(readComparisonSet("flanders-belgium-europe"), { kind: "codes", codes: flandersBelgiumEurope });
    assert.deepEqual(flandersBelgiumEurope, ["BE2", "BE1", "BE3", "BE", "NL", "FR", "DE", "LU", "EU27_2020"]);
    assert.deepEqual(readComparisonSet("municipality:11002:3"), { kind: "municipality", code: "11002", k: 3 });
    assert.deepEqual(readComparisonSet("municipality:21004"), { kind: "municipality", code: "21004", k: 5 });
    assert.deepEqual(readComparisonSet("BE, NL"), { kind: "codes", codes: ["BE", "NL"] });
  });

  it("municipalityWithParents(geography, code) skips the province Brussels does not have", () => {
    assert.deepEqual(municipalityWithParents(belgianGeography(), "21004"), ["21004", "21000", "04000", "BE"]);
    assert.deepEqual(municipalityWithParents(belgianGeography(), "11002"), ["11002", "11000", "10000", "02000", "BE"]);
  });
});
