process.env.TZ = "UTC";
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ChartElement, LineChartInput, LineSeries } from "../../src/charts/index.ts";
import { chartTable, describeLineChart, eventColors, lineChart, seriesColors, seriesDashes, seriesStyle } from "../../src/charts/index.ts";
import { serverDocument } from "../../src/charts/svgString.ts";
import { asylumMonthlyChart, netMigrationChart } from "./chartInputs.ts";

function draw(input: LineChartInput): ChartElement {
  return lineChart(input, { document: serverDocument(), idPrefix: "t" });
}

const all = (svg: ChartElement, selector: string) => Array.from(svg.querySelectorAll(selector));
const titleOf = (element: ChartElement) => element.querySelector("title")?.textContent ?? "";

/** The number of `M` (move to) commands in a path: one per drawn run of the line. */
const subpaths = (d: string) => (d.match(/M/g) ?? []).length;

/** Months from `from` to `to` (YYYY-MM), inclusive, for counting runs over the full calendar. */
function months(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  for (;;) {
    const p = `${y}-${String(m).padStart(2, "0")}`;
    out.push(p);
    if (p === to) return out;
    m += 1;
    if (m === 13) [y, m] = [y + 1, 1];
  }
}

/** Runs of consecutive months with a figure, counted over the calendar so that absent months break runs too. */
function runsOverCalendar(series: LineSeries): number {
  const byPeriod = new Map(series.points.map((p) => [p.period, p.value]));
  const periods = series.points.map((p) => p.period).sort();
  let runs = 0;
  let inRun = false;
  for (const p of months(periods[0] as string, periods[periods.length - 1] as string)) {
    const known = (byPeriod.get(p) ?? null) !== null;
    if (known && !inRun) runs += 1;
    inRun = known;
  }
  return runs;
}

test("lineChart(monthly asylum series with suppressed and absent months) draws one subpath per run of figures, gaps never joined", () => {
  const input = asylumMonthlyChart("en");
  const svg = draw(input);
  const paths = all(svg, "g.migmon-line path");
  assert.equal(paths.length, input.series.length);
  input.series.forEach((series, i) => {
    const path = paths.find((p) => p.getAttribute("stroke") === seriesColors[i]);
    assert.ok(path, `a path for ${series.key}`);
    const expected = runsOverCalendar(series);
    assert.ok(expected > 1, `${series.key} has gaps in the real file`);
    assert.equal(subpaths(path.getAttribute("d") ?? ""), expected, series.key);
  });
});

test("lineChart(series with a null inside) draws two subpaths, and a lone figure between nulls adds one more", () => {
  const input: LineChartInput = {
    lang: "en",
    unit: "persons",
    series: [{ key: "A", label: "A", points: [
      { period: "2010", value: 1, flags: "" }, { period: "2011", value: 2, flags: "" }, { period: "2012", value: null, flags: "" },
      { period: "2013", value: 4, flags: "" }, { period: "2014", value: 5, flags: "" }, { period: "2015", value: null, flags: "c" },
      { period: "2016", value: 7, flags: "" }, { period: "2017", value: null, flags: "" },
    ] }],
  };
  const d = all(draw(input), "g.migmon-line path")[0]?.getAttribute("d") ?? "";
  assert.equal(subpaths(d), 3);
});

const flagged: LineChartInput = {
  lang: "nl",
  unit: "personen",
  series: [
    { key: "A", label: "Alpha", points: [
      { period: "2019-Q1", value: 10, flags: "" }, { period: "2019-Q2", value: 11, flags: "p" }, { period: "2019-Q3", value: 12, flags: "e" },
      { period: "2019-Q4", value: 13, flags: "b" }, { period: "2020-Q1", value: 14, flags: "bep" }, { period: "2020-Q2", value: null, flags: "p" },
    ] },
    { key: "B", label: "Beta", points: [
      { period: "2019-Q1", value: 20, flags: "s" }, { period: "2019-Q2", value: 21, flags: "u" }, { period: "2019-Q3", value: 22, flags: "f" },
    ] },
  ],
};

test("lineChart(points flagged p, e, s, f) draws hollow circles exactly at those points, with their flags spelled out", () => {
  const svg = draw(flagged);
  const hollow = all(svg, "g.migmon-point-hollow circle").map(titleOf).sort();
  assert.deepEqual(hollow, [
    "Alpha, 2019-Q2: 11 (p: voorlopig)",
    "Alpha, 2019-Q3: 12 (e: geschat)",
    "Alpha, 2020-Q1: 14 (b: breuk in de tijdreeks, e: geschat, p: voorlopig)",
    "Beta, 2019-Q1: 20 (s: schatting van Eurostat)",
    "Beta, 2019-Q3: 22 (f: prognose)",
  ].sort());
  assert.equal(all(svg, "g.migmon-point circle").length, 3);
});

test("lineChart(points flagged b) marks exactly those points with a break bar and adds a legend entry", () => {
  const svg = draw(flagged);
  assert.deepEqual(all(svg, "g.migmon-break path").map(titleOf).map((t) => t.split(":")[0]), ["Alpha, 2019-Q4", "Alpha, 2020-Q1"]);
  const legend = all(svg, "g.migmon-legend-entry text").map((t) => t.textContent);
  assert.deepEqual(legend, ["Alpha", "Beta", "voorlopig of geschat", "breuk in de tijdreeks"]);
});

test("lineChart(net migration with two register events) draws one rule per event, the unchecked one dashed and called unchecked", () => {
  const input = netMigrationChart("en");
  const svg = draw(input);
  const rules = all(svg, "g.migmon-event line");
  assert.equal(rules.length, 2);
  const dashed = all(svg, "g.migmon-event").filter((g) => g.getAttribute("stroke-dasharray") !== null);
  assert.equal(dashed.length, 1);
  const dashedTitles = Array.from(dashed[0]?.querySelectorAll("line") ?? []).map(titleOf);
  assert.equal(dashedTitles.length, 1);
  assert.match(dashedTitles[0] as string, /^2014: Reception pathway for newcomers in Wallonia \(policy, more restrictive, unchecked\)\. /);
  assert.match(titleOf(rules.find((r) => !dashedTitles.includes(titleOf(r))) as ChartElement), /^22 September 2011: Stricter family reunification \(policy, more restrictive\)\. .*\(source: https?:\/\//);
  const labels = all(svg, "g.migmon-event-label text").map((t) => (t.textContent ?? "").replace(titleOf(t), "")).sort();
  assert.deepEqual(labels, ["Reception pathway for newcomers in Wallonia (unchecked)", "Stricter family reunification"]);
  assert.equal(all(svg, "g.migmon-event").every((g) => g.getAttribute("stroke") === eventColors.policy), true);
});

test("lineChart(net migration) is an img with a title and a desc that give first and last figures, breaks and events", () => {
  const svg = draw(netMigrationChart("nl"));
  assert.equal(svg.getAttribute("role"), "img");
  assert.equal(svg.getAttribute("aria-labelledby"), "t-title t-desc");
  assert.equal(svg.querySelector("title#t-title")?.textContent, "Netto migratie (incl. statistische correctie), België en gewesten, 2000-2019");
  const desc = svg.querySelector("desc#t-desc")?.textContent ?? "";
  // From the CNMIGRAT row of BE in demo_r_gind3: 2000 = 12836, 2018 = 49304, 2019 = ':'; b flags in 2011 and
  // 2012 for BE and in 2014 for BE1, BE2 and BE3 (5 breaks); the four 2019 cells are missing (4 gaps).
  assert.match(desc, /België: 12\.836 in 2000, 49\.304 in 2018/);
  assert.match(desc, /Brussels Hoofdstedelijk Gewest: 1\.687 in 2000, 1\.290 in 2018/);
  assert.match(desc, /4 cijfers ontbreken/);
  assert.match(desc, /5 breuken in de reeks/);
  assert.match(desc, /22 september 2011: Strengere gezinshereniging \(beleid, restrictiever\); 2014: Onthaaltraject voor nieuwkomers in Wallonië \(beleid, restrictiever, niet gecontroleerd\)/);
});

test("describeLineChart(monthly asylum series) in fr names months in French, uses French punctuation and counts absent months as missing", () => {
  const desc = describeLineChart(asylumMonthlyChart("fr"));
  assert.match(desc, /^Graphique linéaire de demandes d’asile par mois, de janvier 2012 à juin 2017, 2 séries\./);
  assert.match(desc, /Ukraine\u00a0: 7 en janvier 2012, 16 en juin 2017\u00a0; Arménie\u00a0: 25 en janvier 2012, 9 en juin 2017\./);
  assert.match(desc, /août 2015\u00a0: Pic des demandes d'asile 2015 \(contexte, ni plus ni moins restrictif\)\u00a0; 20 mars 2016/);
  // 66 months from January 2012 to June 2017 per series; Ukraine has 62 rows, 3 of them `*`; Armenia 66 rows, 4
  // of them `*` (counted in the file with Python): 4 + 3 + 0 + 4 = 11 figures missing.
  assert.match(desc, /11 chiffres manquent/);
});

test("chartTable(net migration) has one row per area and period with the figure in nl format, flags and their meanings", () => {
  const table = chartTable(netMigrationChart("nl"));
  assert.deepEqual(table.columns, ["Gebied", "Periode", "Waarde", "Vlaggen"]);
  assert.equal(table.rows.length, 4 * 20);
  assert.deepEqual(table.rows.find((r) => r[0] === "België" && r[1] === "2012"), ["België", "2012", "43.110", "b"]);
  assert.deepEqual(table.rows.find((r) => r[0] === "Waals Gewest" && r[1] === "2019"), ["Waals Gewest", "2019", "geen gegevens", ""]);
  assert.deepEqual(table.notes, ["b: breuk in de tijdreeks"]);
});

test("lineChart(input without any period) throws a UsageError naming the chart", () => {
  assert.throws(() => draw({ lang: "en", unit: "persons", title: "Empty", series: [{ key: "A", label: "A", points: [] }] }), /line chart "Empty" has no periods to draw/);
});

test("lineChart(one series with a single provisional figure) draws it hollow in the middle of the frame", () => {
  const svg = draw({ lang: "en", unit: "persons", series: [{ key: "A", label: "A", points: [{ period: "2019", value: 5, flags: "p" }] }] });
  const circles = all(svg, "g.migmon-point-hollow circle");
  assert.equal(circles.length, 1);
  assert.equal(titleOf(circles[0] as ChartElement), "A, 2019: 5 (p: provisional)");
  // Frame from the left margin 40 to 720 - 24 = 696: its middle is 368.
  assert.equal(Number(circles[0]?.getAttribute("cx")), 368);
});

test("lineChart(nine series) gives six a colour of their own and draws the seventh to ninth dashed in the first colours", () => {
  const series: LineSeries[] = Array.from({ length: 9 }, (_, i) => ({
    key: `S${i}`, label: `series ${i}`, points: [{ period: "2020", value: i, flags: "" }, { period: "2021", value: i + 1, flags: "" }],
  }));
  const svg = draw({ series, unit: "persons", lang: "en" });
  const paths = all(svg, "g.migmon-line path");
  assert.equal(paths.length, 9);
  assert.equal(new Set(paths.map((p) => p.getAttribute("stroke"))).size, seriesColors.length, "six colours");
  assert.equal(seriesColors.length, 6);
  assert.deepEqual([6, 7, 8].map((i) => seriesStyle(i)), [0, 1, 2].map((i) => ({ color: seriesColors[i], dash: seriesDashes[1] })));
  const dashedGroups = all(svg, `g.migmon-line[stroke-dasharray="${seriesDashes[1]}"] path`);
  assert.deepEqual(dashedGroups.map((p) => p.getAttribute("stroke")), seriesColors.slice(0, 3));
  const legendLines = all(svg, ".migmon-legend-entry line").slice(0, 9);
  assert.deepEqual(legendLines.map((l) => l.getAttribute("stroke-dasharray")), [null, null, null, null, null, null, "7,3", "7,3", "7,3"]);
});

test("lineChart(net migration, endLabels) writes each series' name once at the right, none overlapping another", () => {
  const input = netMigrationChart("en");
  const svg = lineChart(input, { document: serverDocument(), idPrefix: "t", endLabels: true, textSize: 12 });
  const texts = all(svg, ".migmon-end-labels text");
  const named = input.series.filter((s) => s.points.some((p) => p.value !== null));
  assert.deepEqual(texts.map((x) => x.textContent).sort(), named.map((s) => s.label).sort());
  const ys = texts.map((x) => Number(x.getAttribute("y"))).sort((a, b) => a - b);
  for (let i = 1; i < ys.length; i++) assert.ok((ys[i] as number) - (ys[i - 1] as number) >= 14 - 1e-9, `labels ${i - 1} and ${i} are ${(ys[i] as number) - (ys[i - 1] as number)} px apart`);
  assert.equal(all(draw(input), ".migmon-end-labels").length, 0, "no end labels unless asked");
});

test("lineChart(ten events in two years, eventLabelRows 2) writes the labels as their numbers, in input order, when titles would crowd", () => {
  const series: LineSeries[] = [{ key: "BE", label: "Belgium", points: [{ period: "2015", value: 1, flags: "" }, { period: "2016", value: 2, flags: "" }] }];
  const events = Array.from({ length: 10 }, (_, i) => ({
    date: `2015-${String(i + 1).padStart(2, "0")}-01`, label: `A long title of event number ${i + 1}`, kind: "policy" as const,
    direction: 0 as const, checked: true, summary: "s", source: "https://example.org",
  }));
  const crowded = lineChart({ series, events, unit: "persons", lang: "en" }, { document: serverDocument(), idPrefix: "t", width: 320, eventLabelRows: 2 });
  // A label's text is its own text node; its <title> (the tooltip) follows it.
  const ownText = (x: ChartElement) => (x.textContent ?? "").slice(0, (x.textContent ?? "").length - titleOf(x).length);
  const labels = all(crowded, ".migmon-event-label text").map(ownText);
  assert.deepEqual([...labels].sort((a, b) => Number(a) - Number(b)), events.map((_, i) => String(i + 1)));
  const roomy = lineChart({ series, events: events.slice(0, 1), unit: "persons", lang: "en" }, { document: serverDocument(), idPrefix: "t", width: 320, eventLabelRows: 2 });
  assert.deepEqual(all(roomy, ".migmon-event-label text").map(ownText), [events[0]?.label], "one event keeps its title");
});
