// The rule that places an event's in-force date on a series' periods, checked on dates counted by hand.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readPeriodAxis } from "../../src/assess/periodAxis.ts";
import { MigmonError } from "../../src/core/index.ts";
import type { Period } from "../../src/core/index.ts";
import { eventsFor } from "../../src/events/query.ts";
import { loadRegister, resolveEventsDir } from "../../src/events/register.ts";
import { loadIndicatorCatalogue, topicsOf } from "../../src/indicators/catalogue.ts";

const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i) as Period);

describe("readPeriodAxis(label, periods).firstPeriodInForce(date)", () => {
  const annual = readPeriodAxis("annual", years(2008, 2024));

  it("firstPeriodInForce takes the year when the event is in force for at least half of it", () => {
    // 2016-03-20 to 2016-12-31: 287 of 366 days; 2011-09-22 to 2011-12-31: 101 of 365 days; 2016-07-02: 183 of 366.
    assert.equal(annual.firstPeriodInForce("2016-03-20"), 8);
    assert.equal(annual.firstPeriodInForce("2011-09-22"), 4);
    assert.equal(annual.firstPeriodInForce("2016-07-02"), 8);
    assert.equal(annual.firstPeriodInForce("2016-07-03"), 9);
  });

  it("firstPeriodInForce counts a date known only to the year or month from its first day", () => {
    assert.equal(annual.firstPeriodInForce("2010"), 2);
    // 2015-08-01 to 2015-12-31: 153 of 365 days, under half.
    assert.equal(annual.firstPeriodInForce("2015-08"), 8);
    assert.equal(annual.firstPeriodInForce("2015-07"), 7);
  });

  it("firstPeriodInForce gives positions outside the series as they fall", () => {
    assert.equal(annual.firstPeriodInForce("2001-01-01"), -7);
    assert.equal(annual.firstPeriodInForce("2030-01-01"), 22);
  });

  it("firstPeriodInForce on months and quarters uses the same half rule", () => {
    const monthly = readPeriodAxis("monthly", ["2016-01", "2016-02", "2016-03", "2016-04", "2016-05"] as Period[]);
    // March has 31 days: from the 20th, 12 days in force (under half); from the 10th, 22 days.
    assert.equal(monthly.frequency, 12);
    assert.equal(monthly.firstPeriodInForce("2016-03-20"), 3);
    assert.equal(monthly.firstPeriodInForce("2016-03-10"), 2);
    const quarterly = readPeriodAxis("quarterly", ["2016-Q1", "2016-Q2", "2016-Q3"] as Period[]);
    // Q1 2016 has 91 days; from 2016-02-15, 46 days in force (at least half).
    assert.equal(quarterly.firstPeriodInForce("2016-02-15"), 0);
    assert.equal(quarterly.firstPeriodInForce("2016-02-16"), 1);
  });

  it("firstPeriodInForce on dated stocks takes the first date on or after the event", () => {
    const stocks = readPeriodAxis("stocks", ["2010-01-01", "2011-01-01", "2012-01-01", "2013-01-01"] as Period[]);
    assert.equal(stocks.frequency, null);
    assert.equal(stocks.firstPeriodInForce("2011-09-22"), 2);
    assert.equal(stocks.firstPeriodInForce("2011-01-01"), 1);
    assert.equal(stocks.firstPeriodInForce("2014"), 4);
  });

  it("readPeriodAxis refuses a series that skips a period or mixes kinds", () => {
    assert.throws(() => readPeriodAxis("gappy", ["2010", "2012"] as Period[]), (e: unknown) => e instanceof MigmonError && /gappy is not regular at 2012/.test(e.message));
    assert.throws(() => readPeriodAxis("mixed", ["2010", "2011-Q1"] as Period[]), /mixes year and quarter periods/);
  });
});

describe("the register's topics and the indicator catalogue", () => {
  it("every topic an indicator declares is used by some register event", async () => {
    const used = new Set(loadRegister(resolveEventsDir({})).flatMap((e) => e.indicators));
    for (const indicator of await loadIndicatorCatalogue()) {
      for (const topic of indicator.topics) assert.ok(used.has(topic), `${topic} (of ${indicator.id}) is used by no register event`);
    }
  });

  it("eventsFor(events, topicsOf(catalogue, id), geo) finds an indicator's events through its declared topics", async () => {
    const events = loadRegister(resolveEventsDir({}));
    const catalogue = await loadIndicatorCatalogue();
    const viaIndicator = eventsFor(events, topicsOf(catalogue, "net_migration_adjusted"), "BE2").map((e) => e.id);
    assert.ok(viaIndicator.length > 0);
    assert.deepEqual(viaIndicator, eventsFor(events, "net-migration", "BE2").map((e) => e.id));
    assert.deepEqual(topicsOf(catalogue, "civic-integration-trajectories"), ["civic-integration-trajectories"]);
  });

  it("every topic the register uses is declared by an indicator, or is listed here as not yet measured", async () => {
    // Topics of the register with no indicator in data/indicators yet: their data are agency deliveries or are not
    // in the source catalogue. An event tagged with one of them is still shown, but no series links to it.
    const notYetMeasured = new Set(["civic-integration-trajectories", "gdp-growth", "regularisations"]);
    const declared = new Set((await loadIndicatorCatalogue()).flatMap((i) => i.topics));
    for (const topic of new Set(loadRegister(resolveEventsDir({})).flatMap((e) => e.indicators))) {
      assert.ok(declared.has(topic) || notYetMeasured.has(topic), `register topic ${topic} is declared by no indicator`);
    }
  });
});
