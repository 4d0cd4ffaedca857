// What the end-to-end tests do with a page of the explorer: open it and wait until it is drawn, collect script
// errors, run axe-core in it, and write a screenshot for review.
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";

const require = createRequire(import.meta.url);

/** axe-core's browser build, injected into the page under test. */
export const axeScript = require.resolve("axe-core/axe.min.js");

/** The WCAG 2.1 A and AA rules. */
export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] as const;

/** Where the tests write screenshots (var/ is git-ignored). */
export const screenshotDir = fileURLToPath(new URL("../../var/screenshots/", import.meta.url));

/** A page of the explorer and the script errors it raised. */
export interface OpenedPage {
  readonly page: Page;
  readonly errors: string[];
}

/** Opens `url` in a new tab and waits until the explorer has drawn it (`<html data-ready>`). */
export async function openPage(context: BrowserContext, url: string): Promise<OpenedPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForSelector("html[data-ready=true]", { timeout: 20_000 });
  return { page, errors };
}

/** Waits until the page that is loading after a navigation has been drawn. */
export async function drawn(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await page.waitForSelector("html[data-ready=true]", { timeout: 20_000 });
}

/** One axe violation: the rule and the elements that break it. */
export interface AxeViolation {
  readonly id: string;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/** Runs axe-core in the page on the WCAG 2.1 A and AA rules and returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axeScript });
  return page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, [...wcagTags]);
}

/** Writes a full-page screenshot to var/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
