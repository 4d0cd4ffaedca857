// The header of every page: the monitor's name, the navigation between pages and the language switch. Both keep
// the view's state: switching language reloads the same view in the other language.
import { page } from "./browser.ts";
import type { WebElement } from "./browser.ts";
import { languages, t } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import type { ExplorerPage } from "../server/explorerConfig.ts";
import { h } from "./elements.ts";
import { pageHref, viewState } from "./pageConfig.ts";

const pagePaths: readonly [ExplorerPage, string][] = [["home", "/"], ["indicator", "/indicator"], ["map", "/map"], ["register", "/register"], ["sources", "/sources"], ["analysis", "/analysis"]];
const languageNames: Readonly<Record<Lang, string>> = { nl: "Nederlands", fr: "Français", en: "English" };

/** The header's elements for a page in a language. */
export function siteHeader(current: ExplorerPage, lang: Lang): WebElement[] {
  const here = Object.fromEntries(viewState().entries());
  const nav = h("nav", { "aria-label": t(lang, "web.nav") }, h("ul", {}, pagePaths.map(([p, path]) =>
    h("li", {}, h("a", { href: pageHref(path, { lang }), "aria-current": p === current ? "page" : null }, t(lang, `web.nav.${p}`))))));
  const switcher = h("nav", { "aria-label": t(lang, "web.language"), class: "languages" }, h("ul", {}, languages.map((l) =>
    h("li", {}, h("a", { href: pageHref(page.location.pathname, { ...here, lang: l }), lang: l, hreflang: l, "aria-current": l === lang ? "true" : null }, languageNames[l])))));
  return [h("p", { class: "brand" }, h("a", { href: pageHref("/", { lang }) }, t(lang, "app.name"))), nav, switcher];
}
