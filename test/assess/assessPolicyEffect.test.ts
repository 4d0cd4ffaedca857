// assessPolicyEffect on real Belgian series and real register events (../shared/data, data/events), and on a
// hand-made series whose placebo level changes were computed in R. Break dates and intervals are R strucchange's.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { interruptedTimeSeries } from "../../src/analysis/interruptedTimeSeries.ts";
import { assessPolicyEffect } from "../../src/assess/assessPolicyEffect.ts";
import type { AssessedSeries } from "../../src/assess/assessedSeries.ts";
import { collectDefinitionBreaks } from "../../src/assess/definitionBreaks.ts";
import { InsufficientDataError, MigmonError } from "../../src/core/index.ts";
import type { Period } from "../../src/core/index.ts";
import { findEvent } from "../../src/events/query.ts";
import { loadRegister, resolveEventsDir } from "../../src/events/register.ts";
import type { PolicyEvent } from "../../src/events/schema.ts";
import { findIndicator, loadIndicatorCatalogue } from "../../src/indicators/catalogue.ts";
import { findEntry, loadCatalogue } from "../../src/ingest/catalogue.ts";
import { readBelgianAsylumApplicants, readNetMigration } from "./realSeries.ts";

const register = loadRegister(resolveEventsDir({}));
const indicators = await loadIndicatorCatalogue();
const sources = await loadCatalogue();

/** A real series with the breaks its catalogue entries declare. */
function realSeries(label: string, indicatorId: string, datasetId: string, geo: string, data: ReturnType<typeof readNetMigration>): AssessedSeries {
  const indicator = findIndicator(indicators, indicatorId);
  return {
    label,
    ...data,
    indicator: indicatorId,
    registerIndicators: indicator.topics,
    geo,
    definitionBreaks: collectDefinitionBreaks(indicator, [findEntry(sources, datasetId)]),
  };
}

const asylum = realSeries("asylum_applicants BE", "asylum_applicants", "eurostat:migr_asyappctza", "BE", readBelgianAsylumApplicants());
const netMigration = realSeries("net_migration_adjusted BE", "net_migration_adjusted", "eurostat:demo_r_gind3", "BE", readNetMigration("BE"));

describe("assessPolicyEffect on Belgian asylum applicants (migr_asyappctza) and the EU-Turkey statement", () => {
  const event = findEvent(register, "eu-2016-eu-turkey-statement");
  const a = assessPolicyEffect(asylum, event, register);

  it("assessPolicyEffect(series, event) reads the real series 2008-2024 (PROVENANCE.md: BE 2015 = 44,760)", () => {
    assert.equal(asylum.periods[0], "2008");
    assert.equal(asylum.periods.at(-1), "2024");
    assert.equal(asylum.values[asylum.periods.indexOf("2015" as Period)], 44760);
    assert.equal(a.n, 17);
    assert.equal(a.missing, 0);
  });

  it("assessPolicyEffect takes 2016 as the first period under an event in force from 2016-03-20 (287 of 366 days)", () => {
    assert.equal(a.interventionPeriod, "2016");
    assert.equal(a.its.before, 8);
    assert.equal(a.its.after, 9);
  });

  it("assessPolicyEffect's ITS numbers are interruptedTimeSeries' on the same values, lag 2 by the rule", () => {
    // floor(4 (17/100)^(2/9)) = floor(4 exp(2/9 ln 0.17)) = floor(4 x 0.6745) = floor(2.698) = 2.
    const its = interruptedTimeSeries(Float64Array.from(asylum.values as number[]), { interventionIndex: 8, lag: 2, series: asylum.label });
    assert.equal(a.its.lag, 2);
    assert.equal(a.its.lagChoice, "rule");
    assert.deepEqual(a.its.levelChange, its.levelChange);
    assert.deepEqual(a.its.slopeChange, its.slopeChange);
    assert.deepEqual(a.its.preSlope, its.preSlope);
  });

  it("assessPolicyEffect's unknown-date tests give R strucchange's breaks, intervals and sup-F, and an interval covers the event", () => {
    // R 4.2.2, strucchange 1.5.3: trend <- 1:17; bp <- breakpoints(y ~ trend, h = 3); which.min(summary(bp)$RSS["BIC", ])
    // -> 3 breaks at 5, 8, 12 (2012, 2015, 2019); confint(bp, breaks = 3): [2, 6], [7, 9], [8, 13] -> 2009-2013,
    // 2014-2016, 2015-2020. sctest(Fstats(y ~ trend, from = 3, to = 14), type = "supF"): sup.F = 12.461,
    // p-value = 0.03109, breakpoint 8 (2015).
    const bt = a.breakTest;
    assert.ok(bt !== null);
    assert.equal(bt.chosen, 3);
    assert.deepEqual(bt.breaks.map((b) => [b.lower, b.lastBefore, b.upper]), [["2009", "2012", "2013"], ["2014", "2015", "2016"], ["2015", "2019", "2020"]]);
    assert.deepEqual(bt.breaks.map((b) => b.coversEvent), [false, true, true]);
    assert.equal(bt.coversEvent, true);
    assert.ok(Math.abs(bt.supF.statistic - 12.461) < 5e-4);
    assert.ok(Math.abs(bt.supF.p - 0.03109) < 5e-6);
    assert.equal(bt.supF.lastBefore, "2015");
  });

  it("assessPolicyEffect finds no artefact sign near 2016: the 2008 statistics regulation and the indicator's 2008 break are 8 periods away", () => {
    assert.equal(a.artefact.possible, false);
    assert.deepEqual(a.artefact.signs, []);
    assert.deepEqual(asylum.definitionBreaks.map((b) => [b.source, b.date]), [["indicator asylum_applicants", "2008-01-01"]]);
    assert.match(a.reading.en.split("\n\n")[1] as string, /^Artefact check: no statistical break/);
  });

  it("assessPolicyEffect lists the EU relocation decisions (2015-09) and the Belgian asylum influx (2015-08) as concurrent, both falling on 2016", () => {
    // 2015-09-01 to 2015-12-31 is 122 of 365 days, under half of 2015, so the first period under them is 2016.
    assert.deepEqual(a.concurrent.map((c) => [c.id, c.distance]), [["eu-2015-relocation-decisions", 0], ["federal-2015-asylum-influx", 0]]);
    assert.match(a.reading.en, /Other events of the register within 2 periods that concern this series: .*eu-2015-relocation-decisions/);
  });

  it("assessPolicyEffect runs the placebo ITS at the 11 other admissible dates 2011-2022 with the same lag", () => {
    assert.deepEqual(a.placebo.dates.map((d) => d.period), ["2011", "2012", "2013", "2014", "2015", "2017", "2018", "2019", "2020", "2021", "2022"]);
    const at2012 = interruptedTimeSeries(Float64Array.from(asylum.values as number[]), { interventionIndex: 4, lag: 2 });
    assert.equal(a.placebo.dates[1]?.levelChange, at2012.levelChange.estimate);
    const larger = a.placebo.dates.filter((d) => Math.abs(d.levelChange) >= Math.abs(a.its.levelChange.estimate)).length;
    assert.equal(a.placebo.atLeastAsLarge, larger);
    assert.equal(a.placebo.p, larger / 11);
  });

  it("assessPolicyEffect writes the reading in nl, fr and en with the caveats (no causal claim, few points, autocorrelation)", () => {
    assert.match(a.reading.en, /a causal claim needs a comparison design/);
    assert.match(a.reading.en, /With only 17 values/);
    assert.match(a.reading.en, /Newey-West standard errors allow for that/);
    assert.match(a.reading.nl, /een causale uitspraak vraagt een vergelijkend design/);
    assert.match(a.reading.fr, /une affirmation causale demande un plan de comparaison/);
    assert.match(a.reading.nl, /Onderbroken tijdreeks \(17 waarden/);
    assert.match(a.reading.fr, /Série temporelle interrompue \(17 valeurs/);
  });
});

describe("assessPolicyEffect on Belgian net migration (demo_r_gind3) where the change coincides with a statistical break", () => {
  const event = findEvent(register, "federal-2011-family-reunification-reform");
  const a = assessPolicyEffect(netMigration, event, register);

  it("assessPolicyEffect names the b flags of 2011 and 2012 and the register's 2010 counting change as artefact signs", () => {
    // In force 2011-09-22: 101 of 365 days in 2011, so the first period under the reform is 2012.
    assert.equal(a.interventionPeriod, "2012");
    assert.equal(a.artefact.possible, true);
    assert.deepEqual(
      a.artefact.signs.map((s) => [s.kind, s.kind === "break-flag" ? s.period : s.kind === "statistical-event" ? s.id : s.date, s.distance]),
      [["break-flag", "2012", 0], ["break-flag", "2011", -1], ["statistical-event", "federal-2010-ex-officio-deletions-definition", -2]],
    );
  });

  it("assessPolicyEffect's reading says 'possible artefact' first, before the numbers, in nl, fr and en", () => {
    const starts = { en: /^Possible artefact, read this first/, nl: /^Mogelijk artefact, lees dit eerst/, fr: /^Artefact possible, à lire d'abord/ };
    for (const lang of ["en", "nl", "fr"] as const) {
      const paragraphs = a.reading[lang].split("\n\n");
      assert.match(paragraphs[1] as string, starts[lang]);
      assert.ok((paragraphs[1] as string).includes("federal-2010-ex-officio-deletions-definition"));
      assert.ok(paragraphs.findIndex((p) => p.includes("2012") && /\(b\)/.test(p)) < paragraphs.findIndex((p) => /Interrupted|Onderbroken|interrompue/.test(p)));
    }
  });

  it("assessPolicyEffect says the register does not link a family-reunification event to net migration", () => {
    assert.equal(a.event.concernsSeries, false);
    assert.match(a.reading.en, /The register does not link this event to this series/);
  });

  it("assessPolicyEffect's break tests on net migration agree with R strucchange (4 breaks, 2011-2013 covering the event)", () => {
    // R 4.2.2, strucchange 1.5.3, trend <- 1:19, breakpoints(y ~ trend, h = 3): BIC chooses 4 breaks at 3, 10, 13,
    // 16 (2002, 2009, 2012, 2015); confint: [2, 6], [9, 11], [12, 14], [NA, NA]; Fstats(y ~ trend, from = 3,
    // to = 16): sup.F = 42.267, p-value = 2.37e-08, breakpoint 12 (2011).
    const bt = a.breakTest;
    assert.ok(bt !== null);
    assert.deepEqual(bt.breaks.map((b) => [b.lower, b.lastBefore, b.upper]), [["2001", "2002", "2005"], ["2008", "2009", "2010"], ["2011", "2012", "2013"], [null, "2015", null]]);
    assert.equal(bt.coversEvent, true);
    assert.ok(Math.abs(bt.supF.statistic - 42.267) < 5e-4);
    assert.ok(Math.abs(bt.supF.p - 2.37e-8) < 5e-11);
  });

  it("assessPolicyEffect's ITS at 2012 is interruptedTimeSeries at index 12 (lag floor(4 (19/100)^(2/9)) = 2)", () => {
    // 4 exp(2/9 ln 0.19) = 4 x 0.6911 = 2.76 -> 2.
    const its = interruptedTimeSeries(Float64Array.from(netMigration.values as number[]), { interventionIndex: 12, lag: 2, series: netMigration.label });
    assert.deepEqual(a.its.levelChange, its.levelChange);
    assert.deepEqual(a.its.slopeChange, its.slopeChange);
  });
});

/** A hand-made policy event (not from the register) in force on 1 January 2006. */
const handMadeEvent: PolicyEvent = {
  id: "federal-2006-hand-made-test",
  kind: "policy",
  inForce: "2006-01-01",
  level: "federal",
  area: "asylum-reception",
  targetGroup: "asylum-seekers",
  direction: 1,
  directionReason: "hand-made for a test",
  title: { nl: "Testgebeurtenis", fr: "Événement de test", en: "Test event" },
  summary: { nl: "Test.", fr: "Test.", en: "Test." },
  sources: ["https://example.org/"],
  checked: false,
  indicators: ["asylum-applications"],
  geography: ["BE"],
};

function handMadeSeries(values: (number | null)[]): AssessedSeries {
  return {
    label: "hand-made",
    periods: values.map((_, i) => String(2000 + i) as Period),
    values,
    flags: values.map(() => ""),
    indicator: null,
    registerIndicators: null,
    geo: null,
    definitionBreaks: [],
  };
}

describe("assessPolicyEffect placebo dates on a hand-made series", () => {
  it("assessPolicyEffect's placebo p is the share of placebo level changes at least as large as the actual one (3 of 6 = 0.5)", () => {
    // R 4.2.2: y <- c(1, 2, 1, 2, 1, 2, 5, 6, 5, 6, 14, 15); time <- 1:12; for k0 (0-based first post index),
    // post <- time >= k0 + 1; since <- ifelse(post, time - (k0 + 1), 0); coef(lm(y ~ time + post + since))["post"]:
    // k0 = 6 (2006, actual): 1.34285714285714; placebos k0 = 3, 4, 5, 7, 8, 9: -1.711111111111105,
    // -1.916666666666664, 0.064285714285717, 0.085714285714287, -0.985714285714284, 1.388888888888889.
    // |placebo| >= 1.342857 for k0 = 3, 4, 9: 3 of 6.
    const a = assessPolicyEffect(handMadeSeries([1, 2, 1, 2, 1, 2, 5, 6, 5, 6, 14, 15]), handMadeEvent, [handMadeEvent]);
    assert.equal(a.interventionPeriod, "2006");
    assert.ok(Math.abs(a.its.levelChange.estimate - 1.34285714285714) < 1e-9);
    const expected = [-1.711111111111105, -1.916666666666664, 0.064285714285717, 0.085714285714287, -0.985714285714284, 1.388888888888889];
    assert.deepEqual(a.placebo.dates.map((d) => d.period), ["2003", "2004", "2005", "2007", "2008", "2009"]);
    a.placebo.dates.forEach((d, i) => assert.ok(Math.abs(d.levelChange - (expected[i] as number)) < 1e-9, `${d.period}: ${d.levelChange}`));
    assert.equal(a.placebo.count, 6);
    assert.equal(a.placebo.atLeastAsLarge, 3);
    assert.equal(a.placebo.p, 0.5);
    assert.match(a.reading.en, /at 3 of them \(empirical p = 0\.500; with 6 placebo dates the smallest possible p is 0\.167\)/);
  });

  it("assessPolicyEffect's reading says \"1 other admissible date\" in the singular when there is one placebo date (nl, fr, en)", () => {
    // 2003-2009 with the event in 2006 (position 3): a placebo date needs 3 values either side, so positions 3 and 4
    // are admissible and 2007 is the one placebo date; its p is then 0 or 1 and the smallest possible p is 1/1.
    const series = { ...handMadeSeries([1, 2, 1, 5, 6, 5, 6]), periods: ["2003", "2004", "2005", "2006", "2007", "2008", "2009"] as Period[] };
    const a = assessPolicyEffect(series, handMadeEvent, [handMadeEvent]);
    assert.deepEqual(a.placebo.dates.map((d) => d.period), ["2007"]);
    assert.equal(a.placebo.count, 1);
    assert.match(a.reading.en, /Placebo dates: at 1 other admissible date the same model .* with 1 placebo date the smallest possible p is 1\.000\)/);
    assert.match(a.reading.fr, /à 1 autre date admissible, .* avec 1 date placebo, le plus petit p possible est 1,000\)/);
    assert.match(a.reading.nl, /op 1 andere toelaatbare datum .* met 1 placebodatum is de kleinst mogelijke p 1,000\)/);
    for (const lang of ["nl", "fr", "en"] as const) assert.doesNotMatch(a.reading[lang], /1 other admissible dates|1 autres dates|1 andere toelaatbare data/);
    assert.doesNotMatch(a.reading.en, /\b1 times\b/);
  });

  it("assessPolicyEffect keeps a missing value's place (null, not 0) and skips the break tests over the gap", () => {
    const a = assessPolicyEffect(handMadeSeries([1, 2, 1, 2, null, 2, 5, 6, 5, 6, 14, 15]), handMadeEvent, [handMadeEvent]);
    assert.equal(a.n, 11);
    assert.equal(a.missing, 1);
    assert.equal(a.breakTest, null);
    assert.equal(a.breakTestNote, "gaps");
    assert.equal(a.its.before, 5);
    assert.match(a.reading.en, /1 period\(s\) without a value were left out/);
    assert.match(a.reading.en, /The register entry federal-2006-hand-made-test is not checked/);
  });

  it("assessPolicyEffect throws MigmonError when the event falls outside the series", () => {
    const late = { ...handMadeEvent, inForce: "2030-05-01" };
    assert.throws(() => assessPolicyEffect(handMadeSeries([1, 2, 1, 2, 1, 2, 5, 6, 5, 6, 14, 15]), late, []), (e: unknown) => e instanceof MigmonError && /falls after the end of hand-made \(2000 to 2011\)/.test(e.message));
  });

  it("assessPolicyEffect throws InsufficientDataError with fewer than 3 values from the event on", () => {
    const late = { ...handMadeEvent, inForce: "2010-01-01" };
    assert.throws(() => assessPolicyEffect(handMadeSeries([1, 2, 1, 2, 1, 2, 5, 6, 5, 6, 14, 15]), late, []), InsufficientDataError);
  });
});

describe("assessPolicyEffect options and the no-break case", () => {
  it("assessPolicyEffect reports the best single break and its interval when BIC prefers no break (R strucchange)", () => {
    // R 4.2.2, strucchange 1.5.3: y <- c(10.2, 11.1, 11.8, 13.1, 14.0, 14.8, 16.1, 17.0, 17.9, 19.2, 19.8, 21.1);
    // trend <- 1:12; bp <- breakpoints(y ~ trend, h = 3); summary(bp)$RSS["BIC", ] = -5.2310636763, -2.3560287326,
    // 0.6856128969 (0 breaks); breakpoints(bp, breaks = 1) = 3; confint(bp, breaks = 1) = [2, 4] -> 2001 to 2003.
    const a = assessPolicyEffect(handMadeSeries([10.2, 11.1, 11.8, 13.1, 14.0, 14.8, 16.1, 17.0, 17.9, 19.2, 19.8, 21.1]), handMadeEvent, [handMadeEvent]);
    const bt = a.breakTest;
    assert.ok(bt !== null);
    assert.equal(bt.chosen, 0);
    assert.deepEqual(bt.breaks, []);
    assert.deepEqual(bt.bestSingle, { lastBefore: "2002", lower: "2001", upper: "2003", coversEvent: false });
    assert.equal(bt.coversEvent, false);
    assert.match(a.reading.en, /BIC prefers no break; the best single break would be after 2002 \(95% interval 2001 to 2003\), which does not cover the event's date/);
  });

  it("assessPolicyEffect with window 0 keeps only the b flag of the event's own period", () => {
    const a = assessPolicyEffect(netMigration, findEvent(register, "federal-2011-family-reunification-reform"), register, { window: 0 });
    assert.deepEqual(a.artefact.signs.map((s) => s.distance), [0]);
    assert.equal(a.window, 0);
  });

  it("assessPolicyEffect with seasonal terms and a given lag is interruptedTimeSeries with the season of the first period, also when it has no value", () => {
    const values = [null, 12, 9, 11, 14, 13, 10, 12, 15, 14, 11, 13, 19, 18, 15, 17, 20, 19, 16, 18];
    const series = { ...handMadeSeries(values), periods: values.map((_, i) => `${2001 + Math.floor((i + 1) / 4)}-Q${((i + 1) % 4) + 1}` as Period) };
    // The first period is 2001-Q2 (season 2); the event in force 2004-01-01 starts 2004-Q1, position 11.
    assert.equal(series.periods[0], "2001-Q2");
    assert.equal(series.periods[11], "2004-Q1");
    const a = assessPolicyEffect(series, { ...handMadeEvent, inForce: "2004-01-01" }, [], { seasonal: true, lag: 1, trend: false });
    const kept = Int32Array.from({ length: 19 }, (_, i) => i + 1);
    const its = interruptedTimeSeries(Float64Array.from(values.slice(1) as number[]), { interventionIndex: 11, positions: kept, lag: 1, seasonal: { frequency: 4, firstSeason: 2 } });
    assert.equal(a.interventionPeriod, "2004-Q1");
    assert.equal(a.its.seasonal, true);
    assert.equal(a.its.lagChoice, "given");
    assert.deepEqual(a.its.levelChange, its.levelChange);
    assert.deepEqual(a.its.slopeChange, its.slopeChange);
    assert.equal(a.window, 4);
    assert.equal(a.breakTest?.trend, false);
  });
});
