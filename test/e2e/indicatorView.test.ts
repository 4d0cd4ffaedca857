// The indicator view's tabs (Chart | Map | Table | Sources) in a real Chromium: the WAI-ARIA tabs pattern by
// keyboard (arrows, Home, End; only the selected tab is a Tab stop), the tab and the map's year in the URL and a
// reload restoring them, the table sorted by a column against the API's figures, and the Sources tab's releases,
// citation, BibTeX, permalink and API query checked against the API. Also counts the API requests made before the
// first chart is drawn (figure for bench/README.md).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { formatNumber, t } from "../../src/i18n/index.ts";
import { launchChromium } from "./chromium.ts";
import type { TestBrowser } from "./chromium.ts";
import { axeViolations, openPage, screenshot } from "./explorerPage.ts";
import { startExplorerServer } from "./explorerServer.ts";
import type { ExplorerServer } from "./explorerServer.ts";

interface Figure { geo: string; period: string; value: number | null; flags: string; breakdown?: unknown }
interface Provenance { dataset: string; release: number; retrievedAt: string }

let server: ExplorerServer;
let chromium: TestBrowser;

before(async () => {
  [server, chromium] = await Promise.all([startExplorerServer(), launchChromium()]);
});

after(async () => {
  await chromium?.close();
  await server?.close();
});

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`);
  assert.equal(response.status, 200, path);
  return (await response.json()) as T;
}

const active = (page: Page) => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id ?? "");
const tabParam = (page: Page) => new URL(page.url()).searchParams.get("tab");

test("indicator tabs follow the ARIA tabs pattern: arrows, Home and End select and focus, the tab is in the URL, one panel shows", { timeout: 90_000 }, async () => {
  const { page, errors } = await openPage(chromium.context, `${server.url}/indicator?id=first_permits&lang=nl`);
  try {
    assert.deepEqual(await page.$$eval("[role=tab]", (tabs) => tabs.map((x) => (x as unknown as { textContent: string }).textContent)),
      [t("nl", "web.tab.chart"), t("nl", "web.tab.map"), t("nl", "web.tab.table"), t("nl", "web.tab.sources")]);
    assert.deepEqual(await page.$$eval("[role=tab]", (tabs) => tabs.map((x) => (x as unknown as { tabIndex: number }).tabIndex)), [0, -1, -1, -1]);
    await page.focus("#tab-chart");
    await page.keyboard.press("ArrowRight");
    assert.equal(await active(page), "tab-map");
    assert.equal(await page.getAttribute("#tab-map", "aria-selected"), "true");
    assert.equal(tabParam(page), "map");
    await page.waitForSelector("#panel-map[aria-busy=false] svg[role=img]", { timeout: 40_000 });
    assert.ok(await page.isVisible("#panel-map") && !(await page.isVisible("#panel-chart")));
    // The map's slider moves the year: the URL keeps it and the map's title follows.
    const years = await page.getAttribute("#panel-map-year", "max");
    assert.ok(Number(years) > 0, "the map has several years");
    await page.focus("#panel-map-year");
    await page.keyboard.press("Home");
    const first = await page.textContent("#panel-map-year-value");
    assert.equal(new URL(page.url()).searchParams.get("year"), first);
    assert.ok(((await page.textContent("#panel-map svg title")) ?? "").endsWith(first ?? "?"));
    await screenshot(page, "indicator-tab-map-nl");
    await page.focus("#tab-map");
    await page.keyboard.press("End");
    assert.equal(await active(page), "tab-sources");
    assert.equal(tabParam(page), "sources");
    await page.keyboard.press("ArrowRight");
    assert.equal(await active(page), "tab-chart", "ArrowRight wraps from the last tab to the first");
    await page.keyboard.press("ArrowLeft");
    assert.equal(await active(page), "tab-sources", "ArrowLeft wraps from the first tab to the last");
    await page.keyboard.press("Home");
    assert.equal(await active(page), "tab-chart");
    assert.equal(await page.locator("[role=tabpanel]:visible").count(), 1);
    const violations = await axeViolations(page);
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")}`), []);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test("indicator Sources tab: releases, citation, BibTeX and permalink of the view; a reload restores the tab", { timeout: 60_000 }, async () => {
  const url = `${server.url}/indicator?id=first_permits&lang=en&tab=sources`;
  const { page } = await openPage(chromium.context, url);
  try {
    await page.waitForSelector("#panel-sources #bibtex");
    assert.equal(await page.getAttribute("#tab-sources", "aria-selected"), "true");
    const apiQuery = (await page.getAttribute("#api-query", "href")) ?? "";
    const data = await api<{ values: Figure[]; provenance: Provenance[] }>(new URL(apiQuery).pathname + new URL(apiQuery).search);
    assert.ok(data.provenance.length > 0);
    const releases = await page.$$eval("#releases li", (items) => items.map((x) => (x as unknown as { textContent: string }).textContent));
    assert.equal(releases.length, data.provenance.length);
    for (const [i, p] of data.provenance.entries()) assert.ok(releases[i]?.startsWith(`${p.dataset}: release ${p.release}`), releases[i]);
    const citation = (await page.textContent("#citation")) ?? "";
    for (const p of data.provenance) assert.ok(citation.includes(p.dataset.split(":")[1] as string), citation);
    const bibtex = (await page.textContent("#bibtex")) ?? "";
    const year = data.provenance.map((p) => p.retrievedAt).sort().at(-1)?.slice(0, 4);
    assert.equal(bibtex.split("\n")[0], `@misc{migmon_first_permits_${year},`);
    assert.ok(bibtex.includes(`url = {${url}}`), bibtex);
    assert.equal(await page.getAttribute("#permalink", "href"), url);
    await page.reload();
    await page.waitForSelector("html[data-ready=true]");
    await page.waitForSelector("#panel-sources #bibtex");
    assert.ok(await page.isVisible("#panel-sources") && !(await page.isVisible("#panel-chart")), "the reload opens the Sources tab");
    await screenshot(page, "indicator-tab-sources-en");
  } finally {
    await page.close();
  }
});

test("indicator Table tab: every figure of the API with flags spelled out, sorted by value on a click", { timeout: 60_000 }, async () => {
  const { page } = await openPage(chromium.context, `${server.url}/indicator?id=first_permits&lang=fr&tab=table`);
  try {
    const geo = new URL(`${server.url}${await page.getAttribute("a[data-format=csv]", "href")}`).searchParams.get("geo") ?? "";
    const data = await api<{ values: Figure[] }>(`/api/indicators/first_permits/data?geo=${geo}`);
    const plain = data.values.filter((v) => v.breakdown === undefined);
    assert.equal(await page.locator("#figures tbody tr").count(), plain.length);
    await page.click("#figures thead th:nth-child(3) button");
    assert.equal(await page.getAttribute("#figures thead th:nth-child(3)", "aria-sort"), "descending");
    const largest = Math.max(...plain.flatMap((v) => (v.value === null ? [] : [v.value])));
    assert.equal(await page.textContent("#figures tbody tr:first-child td:nth-child(3)"), formatNumber(largest, "fr"));
    await page.click("#figures thead th:nth-child(3) button");
    assert.equal(await page.getAttribute("#figures thead th:nth-child(3)", "aria-sort"), "ascending");
    const smallest = Math.min(...plain.flatMap((v) => (v.value === null ? [] : [v.value])));
    assert.equal(await page.textContent("#figures tbody tr:first-child td:nth-child(3)"), formatNumber(smallest, "fr"));
    await screenshot(page, "indicator-tab-table-fr");
  } finally {
    await page.close();
  }
});

test("indicator chart downloads: the SVG holds the title and the source with its releases, the PNG is a PNG image", { timeout: 60_000 }, async () => {
  const { page } = await openPage(chromium.context, `${server.url}/indicator?id=first_permits&lang=nl`);
  try {
    const title = (await api<{ title: Record<string, string> }>("/api/indicators/first_permits")).title.nl;
    const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.click("[data-export=svg]")]);
    assert.equal(svgDownload.suggestedFilename(), "first_permits.svg");
    const svg = readFileSync(await svgDownload.path(), "utf8");
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(svg.includes(`>${title} (`), "the title is in the image");
    assert.ok(svg.includes("Bron") && svg.includes("tps00170"), "the source and dataset are in the image");
    const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.click("[data-export=png]")]);
    assert.equal(pngDownload.suggestedFilename(), "first_permits.png");
    const png = readFileSync(await pngDownload.path());
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "PNG signature");
    assert.ok(png.readUInt32BE(16) >= 1000, `PNG ${png.readUInt32BE(16)} px wide, twice the chart`);
    // The Map tab's map downloads the same way, with the year in its title.
    await page.click("#tab-map");
    await page.waitForSelector("#panel-map[aria-busy=false] svg[role=img]", { timeout: 40_000 });
    const year = (await page.textContent("#panel-map-year-value")) ?? "?";
    const [mapDownload] = await Promise.all([page.waitForEvent("download"), page.click("#panel-map [data-export=svg]")]);
    assert.equal(mapDownload.suggestedFilename(), "first_permits-map.svg");
    const map = readFileSync(await mapDownload.path(), "utf8");
    assert.ok(map.includes(`>${title}, ${year}</text>`) && map.includes("tps00170"), "the map's title with its year and the source");
  } finally {
    await page.close();
  }
});

test("indicator page: API requests before the first chart is drawn", { timeout: 60_000 }, async () => {
  const page = await chromium.context.newPage();
  try {
    const requests: string[] = [];
    page.on("request", (request) => { if (new URL(request.url()).pathname.startsWith("/api/")) requests.push(request.url()); });
    const started = Date.now();
    await page.goto(`${server.url}/indicator?id=asylum_applicants&lang=en`);
    await page.waitForSelector("#panel-chart svg[role=img]", { timeout: 40_000 });
    const elapsed = Date.now() - started;
    const before = requests.length;
    console.log(`indicator page: ${before} API requests and ${elapsed} ms before the first chart`);
    assert.ok(before <= 6, `${before} API requests before the first chart: ${requests.join(" ")}`);
  } finally {
    await page.close();
  }
});
