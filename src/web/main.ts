// The explorer's entry module: reads the page's config (src/server/routes/web.ts), draws the header and the page.
// Every page is drawn from the URL alone, so a shared or reloaded URL gives the same view.
import { page } from "./browser.ts";
import type { WebElement } from "./browser.ts";
import { t } from "../i18n/index.ts";
import type { ExplorerConfig, ExplorerPage } from "../server/explorerConfig.ts";
import { replaceChildren } from "./elements.ts";
import { analysisPage } from "./analysisPage.ts";
import { homePage } from "./homePage.ts";
import { indicatorPage } from "./indicatorPage.ts";
import { mapPage } from "./mapPage.ts";
import { pageConfig } from "./pageConfig.ts";
import { failure } from "./pageParts.ts";
import { registerPage } from "./registerPage.ts";
import { siteHeader } from "./siteHeader.ts";
import { sourcesPage } from "./sourcesPage.ts";

const pages: Readonly<Record<ExplorerPage, (main: WebElement, config: ExplorerConfig) => Promise<void>>> = {
  home: homePage, indicator: indicatorPage, map: mapPage, register: registerPage, sources: sourcesPage, analysis: analysisPage,
};

async function start(): Promise<void> {
  const config = pageConfig();
  const header = page.document.getElementById("site-header");
  const main = page.document.getElementById("main");
  if (header === null || main === null) throw new Error("the page has no #site-header or #main element");
  replaceChildren(header, ...siteHeader(config.page, config.lang));
  try {
    await pages[config.page](main, config);
  } catch (error) {
    replaceChildren(main, failure(config.lang, t(config.lang, `web.nav.${config.page}`), error));
  }
  main.setAttribute("aria-busy", "false");
  page.document.documentElement.dataset.ready = "true";
}

void start();
