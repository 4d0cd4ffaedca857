// Debian's Chromium driven by playwright-core, started as DESIGN.md §10 says: /usr/bin/chromium with the flags
// that keep it off the network and a fresh profile in a temporary directory (never `npx playwright install`).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import type { BrowserContext } from "playwright-core";

/** The Chromium binary the tests drive (Debian's package; `.ci/run` installs it when missing). */
export const chromiumPath = "/usr/bin/chromium";

/** The command-line flags of DESIGN.md §10. */
export const chromiumFlags = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
] as const;

/** A running browser (one persistent context on the fresh profile) and how to stop it and remove its profile. */
export interface TestBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches Chromium with the flags and a fresh profile: playwright passes the profile directory as
 * `--user-data-dir` itself (it refuses the flag in `args`), through a persistent context.
 */
export async function launchChromium(): Promise<TestBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), "migmon-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumFlags],
    viewport: { width: 1200, height: 900 },
    acceptDownloads: true,
    // axe-core is injected as an inline script, which the explorer's Content-Security-Policy (script-src 'self') forbids.
    bypassCSP: true,
    locale: "en-GB",
    timezoneId: "UTC",
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
