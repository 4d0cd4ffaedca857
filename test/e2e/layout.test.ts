// The explorer on a large screen (1366 px) and a phone (360 px), in nl, fr and en: no page scrolls sideways (the
// document is exactly as wide as the viewport; tables and charts fit or scroll inside their own box), and no text
// inside a chart or map is drawn smaller than 11 px on screen (its font size times the scale at which the SVG is
// shown, so a wide chart shrunk into a phone fails). Screenshots of each page at each width go to
// test/e2e/screenshots/ for review.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { languages } from "../../src/i18n/index.ts";
import type { Lang } from "../../src/i18n/index.ts";
import { launchChromium } from "./chromium.ts";
import type { TestBrowser } from "./chromium.ts";
import { startExplorerServer } from "./explorerServer.ts";
import type { ExplorerServer } from "./explorerServer.ts";

/** The smallest text a chart may show on screen, in CSS px (issue 15). */
const smallestChartText = 11;
const widths = [1366, 360] as const;
const screenshots = fileURLToPath(new URL("./screenshots/", import.meta.url));

let server: ExplorerServer;
let chromium: TestBrowser;

before(async () => {
  [server, chromium] = await Promise.all([startExplorerServer(), launchChromium()]);
  mkdirSync(screenshots, { recursive: true });
});

after(async () => {
  await chromium?.close();
  await server?.close();
});

const pages = (lang: Lang) => [
  ["home", `/?lang=${lang}`],
  ["indicator", `/indicator?id=first_permits&lang=${lang}`],
  ["indicator-asylum", `/indicator?id=asylum_applicants&lang=${lang}`],
  ["map", `/map?id=population&layer=municipalities&lang=${lang}`],
  ["map-nuts0", `/map?id=first_permits&layer=nuts0&lang=${lang}`],
  ["register", `/register?lang=${lang}`],
  ["sources", `/sources?lang=${lang}`],
  ["analysis", `/analysis?event=federal-2017-integration-efforts-residence-condition&geo=BE&id=first_permits&lang=${lang}`],
] as const;

interface Measured {
  readonly documentWidth: number;
  readonly viewportWidth: number;
  /** The widest elements of the page that stick out of the viewport (for the message). */
  readonly overflowing: readonly string[];
  /** Every text of every chart with its on-screen size. */
  readonly chartTexts: readonly { readonly text: string; readonly px: number }[];
}

/** Measures the page in the browser: document and viewport width, what overflows, each chart text's size on screen. */
async function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    interface Box { left: number; right: number; width: number }
    interface El { tagName: string; id: string; className: unknown; textContent: string | null; getBoundingClientRect(): Box; closest(s: string): El | null; getClientRects(): ArrayLike<unknown> }
    interface Svg extends El { viewBox: { baseVal: { width: number } | null } }
    const w = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number }; querySelectorAll(s: string): ArrayLike<El> }; getComputedStyle(e: El): { fontSize: string } };
    const doc = w.document;
    const overflowing = Array.from(doc.querySelectorAll("body *"))
      .filter((e) => e.getBoundingClientRect().right > w.innerWidth + 0.5 && e.closest(".table-wrap") === null)
      .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}#${e.id}.${String(e.className)} right=${Math.round(e.getBoundingClientRect().right)}`);
    const chartTexts = Array.from(doc.querySelectorAll("main svg text")).filter((e) => (e.textContent ?? "").trim() !== "" && e.getClientRects().length > 0).map((e) => {
      const svg = e.closest("svg") as Svg;
      const box = svg.viewBox.baseVal;
      const scale = box === null || box.width === 0 ? 1 : svg.getBoundingClientRect().width / box.width;
      return { text: (e.textContent ?? "").slice(0, 40), px: Number.parseFloat(w.getComputedStyle(e).fontSize) * scale };
    });
    return { documentWidth: doc.documentElement.scrollWidth, viewportWidth: w.innerWidth, overflowing, chartTexts };
  });
}

for (const width of widths) {
  for (const lang of languages) {
    for (const [name, url] of pages(lang)) {
      test(`GET ${url} at ${width} px: document width equals the viewport, chart text at least ${smallestChartText} px`, { timeout: 60_000 }, async () => {
        const page = await chromium.context.newPage();
        try {
          await page.setViewportSize({ width, height: 800 });
          await page.goto(`${server.url}${url}`);
          await page.waitForSelector("html[data-ready=true]", { timeout: 40_000 });
          const m = await measure(page);
          assert.equal(m.viewportWidth, width);
          assert.equal(m.documentWidth, width, `the page is ${m.documentWidth} px wide: ${m.overflowing.join("; ")}`);
          if (name !== "home" && name !== "register" && name !== "sources") assert.ok(m.chartTexts.length > 5, "the page draws a chart with texts");
          const small = m.chartTexts.filter((x) => x.px < smallestChartText - 0.01);
          assert.deepEqual(small.slice(0, 5), [], `${small.length} chart texts under ${smallestChartText} px`);
          await page.screenshot({ path: path.join(screenshots, `${name}-${lang}-${width}.png`), fullPage: true });
        } finally {
          await page.close();
        }
      });
    }
  }
}
