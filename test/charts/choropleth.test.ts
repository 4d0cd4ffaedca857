process.env.TZ = "UTC";
import assert from "node:assert/strict";
import { test } from "node:test";
import { geoArea } from "d3-geo";
import type { ChartElement, ChoroplethInput, MapShape } from "../../src/charts/index.ts";
import { choropleth, classBreaks, classColors, classIndex, fitMapProjection, mainlandParts, mapTable, missingColor, windForD3 } from "../../src/charts/index.ts";
import { serverDocument } from "../../src/charts/svgString.ts";
import { UnknownCodeError } from "../../src/core/index.ts";
import { boundaryShapes, foreignUnemploymentMap, municipalPopulationMap } from "./chartInputs.ts";

function draw(input: ChoroplethInput): ChartElement {
  return choropleth(input, { document: serverDocument(), idPrefix: "m" });
}
const all = (svg: ChartElement, selector: string) => Array.from(svg.querySelectorAll(selector));
const titleOf = (element: ChartElement) => element.querySelector("title")?.textContent ?? "";

test("classBreaks(values, 'jenks', 3) splits at the natural gaps", () => {
  // By hand: the within-class spread is least with {1,2,3} {10,11,12} {50}.
  const breaks = classBreaks([12, 1, 50, 3, 10, 2, 11], "jenks", 3);
  assert.deepEqual(breaks.bounds, [[1, 3], [10, 12], [50, 50]]);
  assert.deepEqual(breaks.uppers, [3, 12, 50]);
});

test("classBreaks(values, 'quantile', 2) puts half the values in each class", () => {
  // 1..10: the median is 5.5 (simple-statistics quantileSorted averages the two middle values), so 1-5 and 6-10.
  const breaks = classBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "quantile", 2);
  assert.deepEqual(breaks.bounds, [[1, 5], [6, 10]]);
});

test("classBreaks(values, method, count) gives fewer classes when there are fewer distinct values, and throws for none", () => {
  assert.equal(classBreaks([4, 4, 7], "jenks", 5).bounds.length, 2);
  assert.equal(classBreaks([4, 4, 7], "quantile", 5).bounds.length, 2);
  assert.throws(() => classBreaks([], "jenks", 5), /no values/);
  assert.throws(() => classBreaks([1], "jenks", 0), /at least 1/);
});

test("classIndex(uppers, value) is the first class whose upper bound the value does not exceed", () => {
  assert.equal(classIndex([3, 12, 50], 3), 0);
  assert.equal(classIndex([3, 12, 50], 4), 1);
  assert.equal(classIndex([3, 12, 50], 50), 2);
});

test("choropleth(foreign unemployment by country, real u flags) hatches exactly the areas whose figure is flagged u", () => {
  const input = foreignUnemploymentMap("en");
  const svg = draw(input);
  // LFSA_URGAN 2023, sex T, age 15-64, citizen FOR: figures flagged u are LT 6.5, PL 4.3, RS 17.9, SI 4.4
  // (BG, HR, HU, RO, SK carry u without a figure: no data, not hatched); read from the file with Python.
  const expected = ["LT", "PL", "RS", "SI"].map((c) => input.names?.[c] as string).sort();
  const hatched = all(svg, "g.migmon-hatched path");
  assert.deepEqual(hatched.map((p) => titleOf(p).split(":")[0]).sort(), expected);
  assert.equal(all(svg, "g.migmon-hatched").every((g) => g.getAttribute("fill") === "url(#m-hatch)"), true);
  assert.ok(svg.querySelector("pattern#m-hatch"), "the hatch pattern is defined");
});

test("choropleth(foreign unemployment by country) fills the areas without a figure in the missing grey", () => {
  const input = foreignUnemploymentMap("en");
  const svg = draw(input);
  const areas = all(svg, "g.migmon-area path");
  assert.equal(areas.length, 37);
  // 31 countries of the file have a NUTS 0 shape; 5 of them (BG, HR, HU, RO, SK) have no figure: 26 with a figure.
  const grey = areas.filter((p) => p.getAttribute("fill") === missingColor);
  assert.equal(grey.length, 37 - 26);
  assert.ok(grey.some((p) => titleOf(p) === `${input.names?.BG}: no data (u: low reliability)`));
});

test("choropleth(input) draws a legend entry per class with its bounds in the language, then no data and low reliability", () => {
  const input = foreignUnemploymentMap("nl");
  const svg = draw(input);
  const labels = all(svg, "g.migmon-legend-entry text").map((t) => t.textContent);
  const breaks = classBreaks(Object.values(input.values).flatMap((v) => (v.value === null ? [] : [v.value])), "jenks", 5);
  const expected = breaks.bounds.map(([lo, hi]) => `${lo.toFixed(1).replace(".", ",")} – ${hi.toFixed(1).replace(".", ",")}`);
  assert.deepEqual(labels, [...expected, "geen gegevens", "lage betrouwbaarheid"]);
  // The smallest figure is CZ 3.2, the largest SE 18.7 (from the file).
  assert.match(labels[0] as string, /^3,2 – /);
  assert.match(labels[breaks.bounds.length - 1] as string, / – 18,7$/);
  const swatches = all(svg, "g.migmon-legend-entry rect").map((r) => r.getAttribute("fill"));
  assert.deepEqual(swatches, [...classColors(breaks.bounds.length), missingColor, "url(#m-hatch)"]);
});

test("choropleth(municipal population) gives each of the 581 municipalities a class colour and a tooltip", () => {
  const input = municipalPopulationMap("nl");
  const svg = draw(input);
  const areas = all(svg, "g.migmon-area path");
  assert.equal(areas.length, 581);
  const colors = new Set(classColors(6));
  assert.equal(areas.every((p) => colors.has(p.getAttribute("fill") ?? "")), true);
  // Antwerpen (11002) had 529,247 inhabitants on 1 January 2020 (the TopoJSON's population property).
  assert.ok(areas.some((p) => titleOf(p) === "Antwerpen: 529.247"));
  assert.equal(svg.getAttribute("role"), "img");
  assert.match(svg.querySelector("desc#m-desc")?.textContent ?? "", /^Kaart van inwoners voor 581 gebieden, in 6 klassen volgens natuurlijke grenzen \(Jenks\)\. Laagste: Herstappe \(79\); hoogste: Antwerpen \(529\.247\)\.$/);
});

test("choropleth(input) throws UnknownCodeError naming a figure whose code has no shape", () => {
  const input = foreignUnemploymentMap("en");
  assert.throws(() => draw({ ...input, values: { ...input.values, XX: { value: 1, flags: "" } } }), (e: unknown) => e instanceof UnknownCodeError && /"XX"/.test(e.message));
});

test("mapTable(foreign unemployment) has a row per area sorted by name, with figure, flags and class", () => {
  const input = foreignUnemploymentMap("nl");
  const table = mapTable(input);
  assert.deepEqual(table.columns, ["Gebied", "Code", "Waarde", "Vlaggen", "Klasse"]);
  assert.equal(table.rows.length, 37);
  const names = table.rows.map((r) => r[0] as string);
  assert.deepEqual(names, [...names].sort(new Intl.Collator("nl-BE").compare));
  const be = table.rows.find((r) => r[1] === "BE");
  // PROVENANCE.md's sanity figure: LFS unemployment rate BE 2023, 15-64, foreigners 9.8 %.
  assert.equal(be?.[2], "9,8");
  assert.equal(be?.[3], "");
  assert.match(be?.[4] ?? "", /^\d+,\d – \d+,\d$/);
  const pl = table.rows.find((r) => r[1] === "PL");
  assert.deepEqual(pl?.slice(2, 4), ["4,3", "u"]);
  // The shapes are keyed by ISO code (GB), as the store codes figures; the file has no 2023 figure for it.
  assert.deepEqual(table.rows.find((r) => r[1] === "GB")?.slice(2), ["geen gegevens", "", ""]);
  assert.notEqual(table.rows.find((r) => r[1] === "GR")?.[2], "geen gegevens");
  assert.ok(table.notes.includes("u: lage betrouwbaarheid"));
});

test("windForD3(shapes) reverses RFC 7946 rings, which d3 reads as the whole globe, and keeps d3-wound rings", () => {
  const ccw: MapShape = { type: "Feature", properties: { code: "A" }, geometry: { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } };
  assert.ok(geoArea(ccw) > 2 * Math.PI);
  const [fixed] = windForD3([ccw]);
  assert.ok(fixed !== undefined && geoArea(fixed) < 0.001);
  const [again] = windForD3([fixed as MapShape]);
  assert.deepEqual(again?.geometry, fixed?.geometry);
});

test("fitMapProjection('europe', NUTS 0 shapes, frame) fits the mainland to the frame and leaves overseas parts out", () => {
  const shapes = windForD3(boundaryShapes("nuts0"));
  const frame = { left: 10, top: 20, right: 710, bottom: 700 };
  const projection = fitMapProjection("europe", shapes, frame);
  const inside = ([x, y]: [number, number]) => x >= frame.left && x <= frame.right && y >= frame.top && y <= frame.bottom;
  assert.ok(inside(projection([4.35, 50.85]) as [number, number]), "Brussels");
  assert.ok(inside(projection([-21.9, 64.1]) as [number, number]), "Reykjavik");
  assert.ok(!inside(projection([55.5, -21.1]) as [number, number]), "Réunion");
  assert.ok(!inside(projection([-52.3, 4.9]) as [number, number]), "Cayenne");
  assert.ok(!inside(projection([-15.4, 28.1]) as [number, number]), "Las Palmas");
  // French Guiana is a polygon of FR far outside the box, so the mainland parts have fewer polygons than FR.
  const fr = shapes.filter((s) => s.properties.code === "FR");
  const polygons = (c: { features: { geometry: { coordinates: unknown[] } }[] }) => c.features.reduce((n, f) => n + f.geometry.coordinates.length, 0);
  assert.ok(polygons(mainlandParts(fr)) < (fr[0]?.geometry.type === "MultiPolygon" ? fr[0].geometry.coordinates.length : 1));
});
