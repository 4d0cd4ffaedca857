// The explorer under its own Content-Security-Policy: the other browser tests bypass CSP (axe-core is injected as an
// inline script), so here Chromium enforces it, every page is drawn to the end (`html[data-ready]`, a chart where
// the page has one) and the browser reports no CSP violation and no script error. Also checks that the headers
// reach the browser as sent.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium } from "playwright-core";
import type { BrowserContext } from "playwright-core";
import { chromiumFlags, chromiumPath } from "./chromium.ts";
import { startExplorerServer } from "./explorerServer.ts";
import type { ExplorerServer } from "./explorerServer.ts";

let server: ExplorerServer;
let context: BrowserContext;
let profile: string;

before(async () => {
  server = await startExplorerServer();
  profile = mkdtempSync(path.join(tmpdir(), "migmon-chromium-csp-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath, headless: true, args: [...chromiumFlags], bypassCSP: false, locale: "en-GB", timezoneId: "UTC",
  });
});
after(async () => {
  await context?.close();
  if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
  await server?.close();
});

const pages = [
  { path: "/?lang=en", chart: false },
  { path: "/indicator?id=first_permits&lang=en", chart: true },
  { path: "/map?id=population&layer=municipalities&lang=en", chart: true },
  { path: "/register?kind=policy&lang=en", chart: false },
  { path: "/sources?lang=en", chart: false },
  { path: "/analysis?event=federal-2017-integration-efforts-residence-condition&geo=BE&id=first_permits&lang=en", chart: true },
];

describe("the explorer with its Content-Security-Policy enforced", () => {
  for (const { path: url, chart } of pages) {
    test(`GET ${url} draws under the CSP with no violation and no script error`, { timeout: 40_000 }, async () => {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`console: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`script: ${error.message}`));
      try {
        const response = await page.goto(`${server.url}${url}`);
        const headers = response?.headers() ?? {};
        assert.match(headers["content-security-policy"] ?? "", /script-src 'self'/);
        assert.equal(headers["x-frame-options"], "DENY");
        await page.waitForSelector("html[data-ready=true]", { timeout: 30_000 });
        // A violation's report can come a moment after the event that caused it.
        await page.waitForTimeout(300);
        if (chart) assert.ok(await page.locator("main figure svg[role=img]").count() > 0, "the chart is drawn");
        assert.deepEqual(await page.$$eval("main .failure", (lines) => lines.map((l) => (l as unknown as { textContent: string }).textContent)), [], "no part failed to load");
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  }

  test("an inline script is refused by the explorer's CSP (the policy is enforced, so the checks above mean something)", { timeout: 30_000 }, async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => { if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text()); });
    try {
      await page.goto(`${server.url}/sources?lang=en`);
      await page.waitForSelector("html[data-ready=true]", { timeout: 30_000 });
      const ran = await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { createElement(t: string): { textContent: string }; body: { appendChild(n: unknown): void } } }).document;
        const script = doc.createElement("script");
        script.textContent = "globalThis.inlineRan = true";
        doc.body.appendChild(script);
        return (globalThis as unknown as { inlineRan?: boolean }).inlineRan === true;
      });
      await page.waitForTimeout(300);
      assert.equal(ran, false);
      assert.ok(problems.some((p) => /script-src/.test(p)), problems.join("\n"));
    } finally {
      await page.close();
    }
  });
});
