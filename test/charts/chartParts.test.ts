process.env.TZ = "UTC";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { createSvgElement, followsDirectly, nextPeriod, periodDate, periodLabel, periodsBetween } from "../../src/charts/index.ts";
import { placeEventLabels } from "../../src/charts/eventLabels.ts";
import { serverDocument, svgToString } from "../../src/charts/svgString.ts";
import { catalogues, languages, t } from "../../src/i18n/index.ts";
import type { MessageKey } from "../../src/i18n/index.ts";
import { assertSnapshot } from "./snapshot.ts";

test("periodDate(period) is the first day of the period in UTC", () => {
  assert.equal(periodDate("2019").toISOString(), "2019-01-01T00:00:00.000Z");
  assert.equal(periodDate("2019-03").toISOString(), "2019-03-01T00:00:00.000Z");
  assert.equal(periodDate("2019-Q3").toISOString(), "2019-07-01T00:00:00.000Z");
  assert.equal(periodDate("2011-09-22").toISOString(), "2011-09-22T00:00:00.000Z");
  assert.throws(() => periodDate("2019-13"), /not a period/);
});

test("periodLabel(period, lang) writes months in the language and keeps quarters canonical", () => {
  assert.equal(periodLabel("2015-08", "nl"), "augustus 2015");
  assert.equal(periodLabel("2015-08", "fr"), "août 2015");
  assert.equal(periodLabel("2015-08", "en"), "August 2015");
  assert.equal(periodLabel("2019-Q1", "nl"), "2019-Q1");
  assert.equal(periodLabel("2016-03-20", "fr"), "20 mars 2016");
});

test("nextPeriod(period) steps over year, quarter, month, ISO week and day ends", () => {
  assert.equal(nextPeriod("2019"), "2020");
  assert.equal(nextPeriod("2019-Q4"), "2020-Q1");
  assert.equal(nextPeriod("2019-S2"), "2020-S1");
  assert.equal(nextPeriod("2019-12"), "2020-01");
  // 2020 has 53 ISO weeks (a leap year starting on a Wednesday); 2019 has 52.
  assert.equal(nextPeriod("2020-W52"), "2020-W53");
  assert.equal(nextPeriod("2020-W53"), "2021-W01");
  assert.equal(nextPeriod("2019-W52"), "2020-W01");
  assert.equal(nextPeriod("2020-02-28"), "2020-02-29");
});

test("followsDirectly(a, b) and periodsBetween(a, b) see absent periods", () => {
  assert.equal(followsDirectly("2012-09", "2012-10"), true);
  assert.equal(followsDirectly("2012-09", "2012-11"), false);
  assert.equal(followsDirectly("2019", "2019-01"), false);
  assert.equal(periodsBetween("2019-03", "2019-07"), 3);
  assert.equal(periodsBetween("2019", "2020"), 0);
  assert.equal(periodsBetween("2020", "2019"), 0);
});

test("placeEventLabels(labels, xs, right) stacks labels that would overlap and turns those at the right edge", () => {
  // 'aaaaaaaaaa' is 10 characters, about 62 px wide: the second label at x=130 overlaps the first at x=100.
  const places = placeEventLabels(["aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc", "dd"], [100, 130, 300, 598], 600);
  assert.deepEqual(places, [
    { row: 0, anchor: "start" },
    { row: 1, anchor: "start" },
    { row: 0, anchor: "start" },
    { row: 0, anchor: "end" },
  ]);
});

test("svgToString(svg) rounds numbers in geometry attributes only and adds the SVG namespace", () => {
  const document = serverDocument();
  const svg = createSvgElement(document, "svg", { viewBox: "0 0 10 10" });
  svg.appendChild(createSvgElement(document, "path", { d: "M1.23456,145.00000000000003L-0.001,2", "aria-label": "3.14159" }));
  svg.appendChild(createSvgElement(document, "text", { x: 1.005 }, "1.23456 & <x>"));
  const text = svgToString(svg);
  assert.match(text, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(text, /viewBox="0 0 10 10"/);
  assert.match(text, /d="M1\.23,145L0,2"/);
  assert.match(text, /aria-label="3\.14159"/);
  assert.match(text, />1\.23456 &amp; &lt;x&gt;</);
});

test("t(lang, key) has a non-empty text for each of the 28 chart.* keys in nl, fr and en, and throws for a missing parameter", () => {
  const chartKeys = (Object.keys(catalogues.en) as MessageKey[]).filter((key) => key.startsWith("chart."));
  assert.equal(chartKeys.length, 28);
  for (const lang of languages) for (const key of chartKeys) assert.ok(t(lang, key, { unit: "u", from: "a", to: "b", count: 1, label: "l", first: "1", firstPeriod: "p", last: "2", lastPeriod: "q", list: "x", classes: 2, method: "m", minName: "n", min: "0", maxName: "n", max: "9" }).trim() !== "", `${lang} ${key}`);
  assert.throws(() => t("nl", "chart.line.gaps"), /needs the parameter \{count\}/);
});

test("assertSnapshot(name, svg, dir) passes on equal text, writes <name>-changed.svg and throws on a difference", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "migmon-snap-"));
  writeFileSync(path.join(dir, "a.svg"), "<svg/>");
  assertSnapshot("a", "<svg/>", dir);
  assert.throws(() => assertSnapshot("a", "<svg></svg>", dir), /differs/);
  assert.equal(readFileSync(path.join(dir, "a-changed.svg"), "utf8"), "<svg></svg>");
  assertSnapshot("a", "<svg/>", dir);
  assert.equal(existsSync(path.join(dir, "a-changed.svg")), false);
});

test("assertSnapshot(name, svg, dir) never creates a missing snapshot under CI=true, even with MIGMON_UPDATE_SNAPSHOTS=1", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "migmon-snap-"));
  const saved = { ci: process.env.CI, update: process.env.MIGMON_UPDATE_SNAPSHOTS };
  try {
    process.env.CI = "true";
    process.env.MIGMON_UPDATE_SNAPSHOTS = "1";
    assert.throws(() => assertSnapshot("b", "<svg/>", dir), /missing/);
    assert.equal(existsSync(path.join(dir, "b.svg")), false);
    delete process.env.CI;
    assertSnapshot("b", "<svg/>", dir);
    assert.equal(readFileSync(path.join(dir, "b.svg"), "utf8"), "<svg/>");
    delete process.env.MIGMON_UPDATE_SNAPSHOTS;
    assert.throws(() => assertSnapshot("c", "<svg/>", dir), /missing/);
  } finally {
    if (saved.ci === undefined) delete process.env.CI; else process.env.CI = saved.ci;
    if (saved.update === undefined) delete process.env.MIGMON_UPDATE_SNAPSHOTS; else process.env.MIGMON_UPDATE_SNAPSHOTS = saved.update;
  }
});
