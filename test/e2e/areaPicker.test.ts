// The indicator view's area picker in a real Chromium: an area added by its French name on a Dutch page, by
// keyboard, joins the chart and the table with the URL keeping its code; a box unchecked takes an area away; a
// name the page cannot place is reported; a preset chosen again gives the preset's areas back.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { t } from "../../src/i18n/index.ts";
import { launchChromium } from "./chromium.ts";
import type { TestBrowser } from "./chromium.ts";
import { axeViolations, drawn, openPage } from "./explorerPage.ts";
import { startExplorerServer } from "./explorerServer.ts";
import type { ExplorerServer } from "./explorerServer.ts";

let server: ExplorerServer;
let chromium: TestBrowser;
before(async () => { [server, chromium] = await Promise.all([startExplorerServer(), launchChromium()]); });
after(async () => { await chromium?.close(); await server?.close(); });

const tableAreas = async (page: Page) => new Set(await page.$$eval("#figures tbody tr th", (cells) => cells.map((c) => (c as unknown as { textContent: string }).textContent)));
// Enter submits the form from a field (Escape first closes the suggestion list, which would take the Enter).
const submit = async (page: Page) => {
  await page.keyboard.press("Escape");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  await drawn(page);
};

test("area picker: Anvers typed on a Dutch page adds Antwerpen (11002); unchecking takes it away; an unknown name is reported", { timeout: 90_000 }, async () => {
  const { page, errors } = await openPage(chromium.context, `${server.url}/indicator?id=population&lang=nl`);
  try {
    const units = (await (await fetch(`${server.url}/api/geography/units?date=2019-01-01`)).json()) as { units: { code: string; name: { nl: string; fr: string } }[] };
    const antwerp = units.units.find((u) => u.name.fr === "Anvers" && u.code === "11002");
    assert.ok(antwerp, "the geography names 11002 Anvers in French");
    assert.ok(!(await tableAreas(page)).has(antwerp.name.nl));
    await page.focus("#field-add");
    await page.keyboard.type("anvers");
    await submit(page);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get("set"), "custom");
    assert.ok(url.searchParams.getAll("geo").includes("11002"), page.url());
    assert.equal(url.searchParams.get("add"), null, "the URL keeps the code, not the name typed");
    assert.ok((await tableAreas(page)).has(antwerp.name.nl), "Antwerpen is in the table");
    assert.ok(await page.isChecked("#geo-11002"));
    assert.deepEqual((await axeViolations(page)).map((v) => v.id), []);
    // A reload of the URL draws the same areas.
    const before = await tableAreas(page);
    await page.reload();
    await drawn(page);
    assert.deepEqual(await tableAreas(page), before);
    // Unchecking the box and showing takes it away again.
    await page.uncheck("#geo-11002");
    await page.focus("#field-add");
    await submit(page);
    assert.ok(!(await tableAreas(page)).has(antwerp.name.nl));
    // A name the page cannot place is said, in the page's language.
    await page.fill("#field-add", "Atlantis");
    await page.focus("#field-add");
    await submit(page);
    assert.equal(await page.textContent("#area-unknown"), t("nl", "web.picker.unknown", { area: "Atlantis" }));
    // The preset again: its areas come back.
    await page.check("#set-europe");
    await page.focus("form.view-form button[type=submit]");
    await submit(page);
    assert.ok((await tableAreas(page)).has(t("nl", "web.geo.EU27_2020")));
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
