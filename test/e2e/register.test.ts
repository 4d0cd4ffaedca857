// The register page's search and pages in a real Chromium: a search keeps the events whose title or summary in the
// page's language holds the words (accents and case ignored), newest first, twenty to a page, and the next-page
// link leads to the following twenty, the state in the URL.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { launchChromium } from "./chromium.ts";
import type { TestBrowser } from "./chromium.ts";
import { axeViolations, drawn, openPage, screenshot } from "./explorerPage.ts";
import { startExplorerServer } from "./explorerServer.ts";
import type { ExplorerServer } from "./explorerServer.ts";

interface RegisterEvent { id: string; inForce: string; title: Record<string, string>; summary: Record<string, string> }

let server: ExplorerServer;
let chromium: TestBrowser;
before(async () => { [server, chromium] = await Promise.all([startExplorerServer(), launchChromium()]); });
after(async () => { await chromium?.close(); await server?.close(); });

const newestFirst = (a: RegisterEvent, b: RegisterEvent) => (a.inForce < b.inForce ? 1 : a.inForce > b.inForce ? -1 : a.id < b.id ? -1 : 1);
const ids = (page: Page) => page.$$eval("ol.register > li", (items) => items.map((i) => (i as unknown as { id: string }).id));

test("register page: all events newest first in pages of 20; the next-page link shows the next 20", { timeout: 60_000 }, async () => {
  const { events } = (await (await fetch(`${server.url}/api/events`)).json()) as { events: RegisterEvent[] };
  assert.ok(events.length > 20, "the register fills more than one page");
  const sorted = [...events].sort(newestFirst);
  const { page, errors } = await openPage(chromium.context, `${server.url}/register?lang=en`);
  try {
    assert.deepEqual(await ids(page), sorted.slice(0, 20).map((e) => e.id));
    assert.equal(await page.locator(".register-page").first().textContent(), `Page 1 of ${Math.ceil(events.length / 20)}`);
    await Promise.all([page.waitForURL(/page=2/), page.click("nav.paging a[rel=next] >> nth=0")]);
    await drawn(page);
    assert.deepEqual(await ids(page), sorted.slice(20, 40).map((e) => e.id));
    assert.deepEqual((await axeViolations(page)).map((v) => v.id), []);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test("register page: a search in French keeps the events whose title or summary holds the words, accents and case ignored", { timeout: 60_000 }, async () => {
  const { events } = (await (await fetch(`${server.url}/api/events`)).json()) as { events: RegisterEvent[] };
  // Folded by hand: lower case and the accents of the French words searched written plainly.
  const fold = (text: string) => text.toLowerCase().replace(/[éèêë]/g, "e").replace(/[àâ]/g, "a").replace(/[îï]/g, "i").replace(/[ôö]/g, "o").replace(/[ûüù]/g, "u").replace(/ç/g, "c");
  const expected = events.filter((e) => fold(`${e.id} ${e.title.fr} ${e.summary.fr}`).includes("asile")).sort(newestFirst);
  assert.ok(expected.length > 0 && expected.length < events.length);
  const { page } = await openPage(chromium.context, `${server.url}/register?lang=fr`);
  try {
    await page.fill("#field-q", "ASILE");
    await Promise.all([page.waitForURL(/q=ASILE/), page.click("form.view-form button[type=submit]")]);
    await drawn(page);
    assert.deepEqual(await ids(page), expected.slice(0, 20).map((e) => e.id));
    assert.ok(((await page.textContent("#event-count")) ?? "").startsWith(`${expected.length} événements`));
    assert.equal(await page.inputValue("#field-q"), "ASILE", "the search stays in its field");
    await screenshot(page, "register-search-fr");
  } finally {
    await page.close();
  }
});
