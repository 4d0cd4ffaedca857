// The web explorer in a real Chromium (Debian's, driven by playwright-core) against the real server over a store
// loaded from the publishers' files (explorerServer.ts): every page in every language with axe-core's WCAG 2.1 AA
// rules, figures written as each language writes them, switching areas, an event's tooltip, a CSV download against
// the API, a shared URL reloaded, and the keyboard alone. Screenshots go to var/screenshots/ for review.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { catalogues, describeFlags, languages, t } from "../../src/i18n/index.ts";
import type { Lang } from "../../src/i18n/index.ts";
import { launchChromium } from "./chromium.ts";
import type { TestBrowser } from "./chromium.ts";
import { axeViolations, drawn, openPage, screenshot } from "./explorerPage.ts";
import { startExplorerServer } from "./explorerServer.ts";
import type { ExplorerServer } from "./explorerServer.ts";

interface Figure { geo: string; period: string; value: number | null; flags: string; breakdown?: unknown }
interface RegisterEvent { id: string; inForce: string; title: Record<Lang, string>; summary: Record<Lang, string>; sources: string[] }

let server: ExplorerServer;
let chromium: TestBrowser;

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`);
  assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
  return (await response.json()) as T;
}

/** A whole number with thousands separators written by hand, independently of Intl (nl `.`, fr U+202F, en `,`). */
function grouped(value: number, lang: Lang): string {
  const separator = { nl: ".", fr: "\u202f", en: "," }[lang];
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** The texts of the cells of a table, row by row. */
async function tableRows(page: Page, selector: string): Promise<string[][]> {
  return page.$$eval(`${selector} tbody tr`, (rows) => rows.map((r) => Array.from((r as unknown as { children: ArrayLike<{ textContent: string | null }> }).children, (c) => c.textContent ?? "")));
}

before(async () => {
  [server, chromium] = await Promise.all([startExplorerServer(), launchChromium()]);
});

after(async () => {
  await chromium?.close();
  await server?.close();
});

describe("every page in nl, fr and en", () => {
  const permits = "first_permits";
  const assessedEvent = "federal-2017-integration-efforts-residence-condition";
  const pages = (lang: Lang) => [
    { name: "home", path: `/?lang=${lang}`, heading: t(lang, "app.name") },
    { name: "indicator", path: `/indicator?id=${permits}&lang=${lang}`, heading: null },
    { name: "map", path: `/map?id=population&layer=municipalities&lang=${lang}`, heading: t(lang, "web.nav.map") },
    { name: "register", path: `/register?kind=policy&lang=${lang}`, heading: t(lang, "web.nav.register") },
    { name: "sources", path: `/sources?lang=${lang}`, heading: t(lang, "web.nav.sources") },
    { name: "analysis", path: `/analysis?event=${assessedEvent}&geo=BE&id=${permits}&lang=${lang}`, heading: t(lang, "web.nav.analysis") },
  ];
  for (const lang of languages) {
    for (const { name, path, heading } of pages(lang)) {
      test(`GET ${path} draws the page in ${lang} with no script error and no WCAG 2.1 AA violation`, { timeout: 30_000 }, async () => {
        const { page, errors } = await openPage(chromium.context, `${server.url}${path}`);
        try {
          assert.equal(await page.getAttribute("html", "lang"), lang);
          const expected = heading ?? (await api<{ title: Record<Lang, string> }>(`/api/indicators/${permits}`)).title[lang];
          assert.equal((await page.textContent("h1"))?.trim(), expected);
          assert.deepEqual(await page.$$eval("main .failure", (lines) => lines.map((l) => (l as unknown as { textContent: string }).textContent)), [], "no part failed to load");
          const navTexts = await page.$$eval("#site-header nav a", (links) => links.map((a) => (a as unknown as { textContent: string }).textContent));
          for (const key of ["web.nav.home", "web.nav.indicator", "web.nav.map", "web.nav.register", "web.nav.sources", "web.nav.analysis"] as const) {
            assert.ok(navTexts.includes(t(lang, key)), `navigation lacks ${t(lang, key)}`);
          }
          if (name === "indicator" || name === "map" || name === "analysis") {
            const svg = page.locator("main figure svg[role=img]");
            assert.equal(await svg.count(), 1, "one chart with role img");
            assert.ok(((await svg.locator("desc").textContent()) ?? "").length > 20, "the chart has a text alternative");
          }
          if (name === "analysis") {
            const assessed = await api<{ reading: Record<Lang, string> }>(`/api/analysis/assess?event=${assessedEvent}&geo=BE&indicator=${permits}`);
            assert.equal(await page.textContent("#reading"), assessed.reading[lang].split(/\n\n+/).join(""), "the assessment's reading in the language");
          }
          await screenshot(page, `${name}-${lang}`);
          const violations = await axeViolations(page);
          assert.deepEqual(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`), []);
          assert.deepEqual(errors, []);
        } finally {
          await page.close();
        }
      });
    }
  }
});

test("indicator page writes the API's figures as nl-BE 1.234, fr-BE 1 234 and en-GB 1,234, with the flags", { timeout: 40_000 }, async () => {
  const data = await api<{ values: Figure[] }>("/api/indicators/first_permits/data?geo=BE");
  const belgium = data.values.filter((v) => v.value !== null);
  assert.ok(belgium.length >= 5);
  for (const lang of languages) {
    const { page } = await openPage(chromium.context, `${server.url}/indicator?id=first_permits&lang=${lang}`);
    const rows = (await tableRows(page, "#figures")).filter((r) => r[0] === t(lang, "web.geo.BE"));
    assert.deepEqual(rows.map((r) => [r[1], r[2], r[3]]), belgium.map((v) => [v.period, grouped(v.value as number, lang), describeFlags(v.flags, lang)]));
    await page.close();
  }
});

test("indicator page switches from Flanders-Belgium-Europe to a municipality with its parents and similar municipalities", { timeout: 40_000 }, async () => {
  const { page } = await openPage(chromium.context, `${server.url}/indicator?id=population&lang=nl`);
  const before = new Set((await tableRows(page, "#figures")).map((r) => r[0]));
  assert.ok(before.has("Vlaams Gewest") && before.has(t("nl", "web.geo.EU27_2020")));
  await page.check("#set-municipality");
  await page.selectOption("#field-muni", "44021");
  await Promise.all([page.waitForURL(/muni=44021/), page.click("form.view-form button[type=submit]")]);
  await drawn(page);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("set"), "municipality");
  const set = await api<{ values: Figure[] }>("/api/indicators/population/data?set=municipality:44021");
  const units = await api<{ units: { code: string; name: { nl: string } }[] }>("/api/geography/units?date=2019-01-01");
  const nameOf = (code: string) => (code === "BE" ? t("nl", "web.geo.BE") : units.units.find((u) => u.code === code)?.name.nl ?? code);
  const expected = new Set([...new Set(set.values.filter((v) => v.value !== null).map((v) => v.geo))].map(nameOf));
  const shown = new Set((await tableRows(page, "#figures")).map((r) => r[0]));
  assert.deepEqual([...shown].sort(), [...expected].sort());
  assert.ok(shown.has("Gent") && shown.has("Vlaams Gewest"));
  await screenshot(page, "indicator-municipality-nl");
  await page.close();
});

test("indicator page: focusing or hovering an event shows its summary and source from the register", { timeout: 40_000 }, async () => {
  const { page } = await openPage(chromium.context, `${server.url}/indicator?id=first_permits&lang=fr`);
  const geos = ["BE2", "BE", "BE1", "BE3", "NL", "FR", "DE", "LU", "EU27_2020"];
  const lists = await Promise.all(geos.map((geo) => api<{ events: RegisterEvent[] }>(`/api/events/for?indicator=first_permits&geo=${geo}&lang=fr`)));
  // The chart draws the events dated within its periods: first permits are known for 2012-2023 here, so from
  // 1 January 2012 to 31 December 2023 (checked against the table below).
  const periods = (await tableRows(page, "#figures")).map((r) => r[1] as string).sort();
  assert.deepEqual([periods[0], periods.at(-1)], ["2012", "2023"]);
  const events = [...new Map(lists.flatMap((l) => l.events).map((e) => [e.id, e])).values()]
    .filter((e) => e.inForce >= "2012" && e.inForce < "2024")
    .sort((a, b) => (a.inForce < b.inForce ? -1 : 1));
  assert.ok(events.length >= 2, "the register has events for first permits");
  const buttons = page.locator("#chart-events button");
  assert.equal(await buttons.count(), events.length);
  const first = events[0] as RegisterEvent;
  await buttons.first().focus();
  const tip = page.locator("#chart-events-tip-0");
  assert.ok(await tip.isVisible(), "the tooltip shows on focus");
  assert.ok(((await buttons.first().textContent()) ?? "").includes(first.title.fr));
  const tipText = (await tip.textContent()) ?? "";
  assert.ok(tipText.includes(first.summary.fr), tipText);
  assert.ok(tipText.includes(first.sources[0] as string), tipText);
  await page.keyboard.press("Escape");
  assert.equal(await tip.isVisible(), false, "Escape hides the tooltip");
  const second = events[1] as RegisterEvent;
  await buttons.nth(1).hover();
  assert.ok(((await page.locator("#chart-events-tip-1").textContent()) ?? "").includes(second.summary.fr));
  const ruleTitles = await page.$$eval("main svg .migmon-event title", (titles) => titles.map((x) => (x as unknown as { textContent: string }).textContent));
  assert.ok(ruleTitles.some((x) => x.includes(first.summary.fr)), "the rule in the chart carries the summary for a pointer");
  await page.close();
});

test("indicator page: the CSV download holds the API's numbers for the areas shown, the chart draws them with their flags, every format downloads", { timeout: 40_000 }, async () => {
  const { page } = await openPage(chromium.context, `${server.url}/indicator?id=first_permits&lang=en&tab=table`);
  const link = page.locator("a[data-format=csv]");
  const geo = new URL(`${server.url}${await link.getAttribute("href")}`).searchParams.get("geo") ?? "";
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  assert.equal(download.suggestedFilename(), "first_permits.csv");
  const file = await download.path();
  const rows = parse(readFileSync(file, "utf8"), { columns: true }) as { geo: string; period: string; value: string; flags: string }[];
  const json = await api<{ values: Figure[] }>(`/api/indicators/first_permits/data?geo=${geo}`);
  assert.ok(rows.length > 20);
  assert.deepEqual(
    rows.map((r) => [r.geo, r.period, r.value === "" ? null : Number(r.value), r.flags]),
    json.values.map((v) => [v.geo, v.period, v.value, v.flags]),
  );
  assert.deepEqual([...new Set(rows.map((r) => r.geo))].sort(), geo.split(",").sort());
  // The chart draws the same figures: a hollow point for each provisional or estimated one, a bar through each break.
  const drawnValues = json.values.filter((v) => v.value !== null);
  const hollow = drawnValues.filter((v) => /[pesf]/.test(v.flags)).length;
  const breaks = drawnValues.filter((v) => v.flags.includes("b")).length;
  assert.ok(hollow > 0, "the data have provisional or estimated figures");
  assert.equal(await page.locator("main svg .migmon-point-hollow circle").count(), hollow);
  assert.equal(await page.locator("main svg .migmon-point circle").count(), drawnValues.length - hollow);
  assert.equal(await page.locator("main svg .migmon-break path").count(), breaks);
  // Every export format downloads from its link.
  for (const format of ["csv", "xlsx", "jsonstat", "sdmx-csv", "parquet"]) {
    const href = await page.getAttribute(`a[data-format=${format}]`, "href");
    const response = await fetch(`${server.url}${href}`);
    assert.equal(response.status, 200, `${format}: ${href}`);
    assert.match(response.headers.get("content-disposition") ?? "", /^attachment; filename="first_permits/);
    assert.ok((await response.arrayBuffer()).byteLength > 100, format);
  }
  await page.close();
});

test("a shared URL (map in French: provinces, quantiles, 2012) reloads to the same view", { timeout: 40_000 }, async () => {
  const url = `${server.url}/map?classes=quantile&id=net_migration_adjusted&lang=fr&layer=provinces&year=2012`;
  const first = await openPage(chromium.context, url);
  const view = await first.page.innerHTML("main");
  assert.equal(await first.page.inputValue("#field-layer"), "provinces");
  assert.equal(await first.page.inputValue("#field-classes"), "quantile");
  assert.equal(await first.page.inputValue("#field-year"), "2012");
  assert.ok(view.includes("<svg"));
  await first.page.reload();
  await drawn(first.page);
  assert.equal(await first.page.innerHTML("main"), view, "after a reload");
  const second = await openPage(chromium.context, url);
  assert.equal(await second.page.innerHTML("main"), view, "in another tab");
  await screenshot(second.page, "map-provinces-fr");
  await first.page.close();
  await second.page.close();
});

test("keyboard only: the skip link, every control reached by Tab, a choice made and shown", { timeout: 40_000 }, async () => {
  const { page } = await openPage(chromium.context, `${server.url}/indicator?id=population&lang=en`);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { className: string } } }).document.activeElement.className), "skip");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id), "main");
  // Every link, button, select, scrolling table and checked radio (arrows move within a radio group) is numbered,
  // then Tab walks the page and records what it reaches.
  const count = await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ setAttribute(n: string, v: string): void }> } }).document;
    // Controls in a hidden tab panel and the unselected tabs (arrow keys reach them: ARIA tabs) are not Tab stops.
    const all = Array.from(doc.querySelectorAll("a[href], button:not([tabindex='-1']), select, input[type=radio]:checked, input[type=checkbox], input[type=text], [tabindex='0']"))
      .filter((e) => (e as unknown as { checkVisibility(): boolean }).checkVisibility());
    all.forEach((e, i) => e.setAttribute("data-e2e", String(i)));
    return all.length;
  });
  const reached = new Set<string>();
  for (let i = 0; i < count + 3; i++) {
    await page.keyboard.press("Tab");
    const mark = await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute("data-e2e") ?? null);
    if (mark !== null) reached.add(mark);
  }
  assert.equal(reached.size, count, `Tab reached ${reached.size} of ${count} controls`);
  // Choose the comparison set and the indicator with the keyboard, then submit with Enter.
  await page.focus("#set-europe");
  await page.keyboard.press("ArrowDown");
  assert.ok(await page.isChecked("#set-municipality"), "arrow keys move within the radio group");
  await page.focus("#field-id");
  const options = await page.$$eval("#field-id option", (o) => o.map((x) => (x as unknown as { value: string }).value));
  const target = options[options.indexOf("population") + 1] as string;
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.inputValue("#field-id"), target);
  await page.focus("form.view-form button[type=submit]");
  await Promise.all([page.waitForURL(new RegExp(`id=${target}`)), page.keyboard.press("Enter")]);
  await drawn(page);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("set"), "municipality");
  assert.equal(url.searchParams.get("id"), target);
  await page.close();
});

test("the interface words of the explorer exist in nl, fr and en, with a word for every indicator's unit", { timeout: 10_000 }, async () => {
  const keys = Object.keys(catalogues.en).filter((k) => k.startsWith("web."));
  assert.ok(keys.length > 60);
  for (const lang of languages) for (const key of keys) assert.ok((catalogues[lang] as Record<string, string>)[key]?.length, `${lang} ${key}`);
  const { indicators } = await api<{ indicators: { unit: string }[] }>("/api/indicators");
  for (const unit of new Set(indicators.map((i) => i.unit))) assert.ok(keys.includes(`web.unit.${unit}`), `no word for the unit "${unit}"`);
});

test("register page filters by level, area, kind and years as GET /api/events does, with the codes in words", { timeout: 40_000 }, async () => {
  const { page } = await openPage(chromium.context, `${server.url}/register?lang=nl`);
  const all = await api<{ events: RegisterEvent[] }>("/api/events");
  // Twenty to a page, newest first (register.test.ts checks the search and the pages).
  assert.equal(await page.locator("ol.register > li").count(), Math.min(20, all.events.length));
  await page.selectOption("#field-level", "federal");
  await page.selectOption("#field-kind", "policy");
  await page.selectOption("#field-from", "2010");
  await page.selectOption("#field-to", "2019");
  await Promise.all([page.waitForURL(/level=federal/), page.click("form.view-form button[type=submit]")]);
  await drawn(page);
  const wanted = await api<{ events: RegisterEvent[] }>("/api/events?level=federal&kind=policy&from=2010&to=2019");
  assert.ok(wanted.events.length > 0 && wanted.events.length < all.events.length);
  const newestFirst = [...wanted.events].sort((a, b) => (a.inForce < b.inForce ? 1 : a.inForce > b.inForce ? -1 : a.id < b.id ? -1 : 1));
  assert.deepEqual(await page.$$eval("ol.register > li", (items) => items.map((i) => (i as unknown as { id: string }).id)), newestFirst.slice(0, 20).map((e) => e.id));
  assert.equal(await page.textContent("#event-count"), `${wanted.events.length} gebeurtenissen. Nieuwste eerst.`);
  assert.ok(((await page.textContent("ol.register .meta")) ?? "").startsWith("Federaal (België) · "));
  assert.equal(await page.locator("#field-level option:checked").textContent(), "Federaal (België)");
  await screenshot(page, "register-filtered-nl");
  await page.close();
});

test("indicator page marks each break in series (flag b of demo_r_gind3) on the chart and in the table", { timeout: 40_000 }, async () => {
  const { page } = await openPage(chromium.context, `${server.url}/indicator?id=net_migration_adjusted&lang=en`);
  const json = await api<{ values: Figure[] }>("/api/indicators/net_migration_adjusted/data?geo=BE2,BE,BE1,BE3");
  const breaks = json.values.filter((v) => v.value !== null && v.flags.includes("b"));
  assert.ok(breaks.length > 0, "the file flags a break");
  assert.equal(await page.locator("main svg .migmon-break path").count(), breaks.length);
  const rows = await tableRows(page, "#figures");
  // The table spells the flag out in each row (b: break in time series).
  for (const b of breaks) assert.ok(rows.some((r) => r[1] === b.period && r[3] === describeFlags(b.flags, "en")), `${b.geo} ${b.period} is in the table with flag ${b.flags}`);
  assert.ok(rows.some((r) => (r[3] ?? "").includes(t("en", "flag.b"))), "the flag is spelled out in the table");
  await page.close();
});

test("map page hatches the figures flagged u (low reliability) and names countries in the language", { timeout: 40_000 }, async () => {
  const { page } = await openPage(chromium.context, `${server.url}/map?id=first_permits&lang=nl&layer=nuts0&year=2023`);
  const json = await api<{ values: Figure[] }>("/api/indicators/first_permits/data?level=country");
  const rows = await tableRows(page, "#map-figures");
  const codes = new Set(rows.map((r) => r[1]));
  const low = json.values.filter((v) => v.period === "2023" && v.value !== null && v.flags.includes("u") && codes.has(v.geo));
  assert.ok(low.length > 0, "the file flags some 2023 figures u");
  assert.equal(await page.locator("main svg .migmon-hatched path").count(), low.length);
  for (const v of low) assert.ok(rows.some((r) => r[1] === v.geo && (r[3] ?? "").includes("u")), `${v.geo} carries u in the table`);
  assert.ok(((await page.textContent("main svg")) ?? "").includes("lage betrouwbaarheid"), "the legend names the flag");
  assert.deepEqual(rows.find((r) => r[1] === "AT")?.slice(0, 2), ["Oostenrijk", "AT"]);
  // The NUTS 0 shapes are keyed by ISO code, as the store codes figures: Greece is GR and carries its figure.
  assert.deepEqual(rows.find((r) => r[1] === "GR")?.slice(0, 2), ["Griekenland", "GR"]);
  assert.ok(json.values.some((v) => v.geo === "GR" && v.period === "2023" && v.value !== null), "the store has Greece");
  assert.notEqual(rows.find((r) => r[1] === "GR")?.[2], "geen gegevens");
  await screenshot(page, "map-nuts0-nl");
  await page.close();
});

test("municipal map of 2015 on the 581 municipalities of 2019: merged and recoded units (Deinze, Mouscron) have a figure, none is left without", { timeout: 60_000 }, async () => {
  const { page } = await openPage(chromium.context, `${server.url}/map?id=share_non_belgian&lang=nl&layer=municipalities&year=2015`);
  const json = await api<{ values: Figure[] }>("/api/indicators/share_non_belgian/data?level=municipality&boundaries=2019&from=2015&to=2015");
  const rows = await tableRows(page, "#map-figures");
  assert.equal(rows.length, 581);
  assert.ok(rows.every((r) => r[2] !== t("nl", "chart.legend.missing")), "every municipality has a figure");
  for (const code of ["44083", "57096", "58001"]) {
    const value = json.values.find((v) => v.geo === code && v.value !== null)?.value;
    assert.ok(value !== undefined && value !== null, `${code} in the API`);
    assert.equal(rows.find((r) => r[1] === code)?.[2], value.toFixed(1).replace(".", ","), code);
  }
  assert.equal(await page.locator("#map-missing").count(), 0);
  await page.close();
});

test("province map draws Brussels-Capital as a region with no province, with its figure", { timeout: 40_000 }, async () => {
  const { page } = await openPage(chromium.context, `${server.url}/map?id=share_non_belgian&lang=fr&layer=provinces&year=2015`);
  const json = await api<{ values: Figure[] }>("/api/indicators/share_non_belgian/data?geo=04000&from=2015&to=2015");
  const rows = await tableRows(page, "#map-figures");
  assert.equal(rows.length, 11);
  const brussels = rows.find((r) => r[1] === "04000");
  assert.equal(brussels?.[0], t("fr", "web.map.noProvince", { name: "Région de Bruxelles-Capitale" }));
  assert.equal(brussels?.[2], json.values[0]?.value?.toFixed(1).replace(".", ","));
  await page.close();
});

test("an indicator whose datasets are not loaded is marked in the list and its page says which and how to get them, in the page's language", { timeout: 40_000 }, async () => {
  const detail = await api<{ datasets: { id: string; loaded: boolean; availability: string }[]; hasData: boolean; title: Record<Lang, string> }>("/api/indicators/emigration");
  assert.equal(detail.hasData, false);
  const { page } = await openPage(chromium.context, `${server.url}/indicator?id=emigration&lang=fr`);
  const absent = detail.datasets.filter((d) => !d.loaded).map((d) => d.id);
  assert.ok(((await page.textContent("main .absent")) ?? "").includes(t("fr", "web.indicator.absent", { datasets: absent.join(", ") })));
  const option = await page.textContent("#field-id option[value=emigration]");
  assert.equal(option, `${detail.title.fr} ${t("fr", "web.indicator.noDataMark")}`);
  await page.close();
});
