// The register page: the policy and context events, newest first, filtered by level, policy area, kind and the
// years they came into force (by the API), searched in their title and summary in the page's language (here,
// accents and case ignored), 20 to a page (`page` in the URL). The filter choices are the enums of GET /api/events
// as the OpenAPI document states them, so they are written once (src/events/schema.ts).
import { page } from "./browser.ts";
import type { WebElement } from "./browser.ts";
import { periodLabel } from "../charts/index.ts";
import { catalogues, formatNumber, t } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import type { ExplorerConfig } from "../server/explorerConfig.ts";
import { getJson } from "./apiClient.ts";
import type { RegisterEvent } from "./apiTypes.ts";
import { h, replaceChildren } from "./elements.ts";
import { pageHref, viewState } from "./pageConfig.ts";
import { failure, labelledSelect, viewForm } from "./pageParts.ts";

/** Events shown on one page of the register. */
export const eventsPerPage = 20;

/** A text folded for search: lower case, accents removed. */
export function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The events whose title or summary in the language (or id) holds every word of `query`, newest first. */
export function searchEvents(events: readonly RegisterEvent[], query: string, lang: Lang): RegisterEvent[] {
  const words = foldForSearch(query).split(/\s+/).filter((w) => w !== "");
  const found = words.length === 0 ? [...events] : events.filter((e) => {
    const text = foldForSearch(`${e.id} ${e.title[lang]} ${e.summary[lang]}`);
    return words.every((w) => text.includes(w));
  });
  return found.sort((a, b) => (a.inForce < b.inForce ? 1 : a.inForce > b.inForce ? -1 : a.id < b.id ? -1 : 1));
}

/** The filters of GET /api/events and the choices of each (from the OpenAPI document). */
export const registerFilters = ["level", "area", "kind"] as const;

interface OpenApiParameter {
  readonly name: string;
  readonly in: string;
  readonly schema?: { readonly enum?: readonly string[] };
}

async function filterChoices(): Promise<Record<string, readonly string[]>> {
  const doc = await getJson<{ paths: Record<string, { get?: { parameters?: OpenApiParameter[] } }> }>("/api/openapi.json");
  const parameters = doc.paths["/api/events"]?.get?.parameters ?? [];
  return Object.fromEntries(parameters.filter((p) => p.in === "query" && p.schema?.enum !== undefined).map((p) => [p.name, p.schema?.enum ?? []]));
}

/** The words of a register code in the language (`web.eventLevel.*`, `web.policyArea.*`, the chart's kinds); the code where there is none. */
export function codeWord(lang: Lang, filter: (typeof registerFilters)[number], code: string): string {
  if (filter === "kind" && (code === "policy" || code === "context" || code === "statistical")) return t(lang, `chart.kind.${code}`);
  const key = filter === "level" ? `web.eventLevel.${code}` : `web.policyArea.${code}`;
  return (catalogues[lang] as Readonly<Record<string, string>>)[key] ?? code;
}

/** Draws the register page into `main`. */
export async function registerPage(main: WebElement, config: ExplorerConfig): Promise<void> {
  const lang = config.lang;
  const state = viewState();
  const query: Record<string, string | undefined> = {};
  // q and page are the page's own: the API filters, the page searches and pages.
  for (const name of [...registerFilters, "from", "to"]) {
    const value = state.get(name);
    if (value !== null && value !== "") query[name] = value;
  }
  const choices = await filterChoices();
  const all = t(lang, "web.all");
  const years: [string, string][] = [["", all]];
  for (let y = 1990; y <= new Date().getUTCFullYear() + 1; y++) years.push([String(y), String(y)]);
  const search = state.get("q") ?? "";
  const form = viewForm("/register", lang, t(lang, "web.nav.register"),
    h("div", { class: "field" }, h("label", { for: "field-q" }, t(lang, "web.register.search")), h("input", { type: "search", id: "field-q", name: "q", value: search })),
    ...registerFilters.map((name) => labelledSelect(name, t(lang, `web.register.${name}`), [["", all], ...(choices[name] ?? []).map((c) => [c, codeWord(lang, name, c)] as const)], query[name] ?? "")),
    labelledSelect("from", t(lang, "web.register.from"), years, query.from ?? ""),
    labelledSelect("to", t(lang, "web.register.to"), years, query.to ?? ""));
  const heading = h("h1", {}, t(lang, "web.nav.register"));
  page.document.title = `${t(lang, "web.nav.register")} · ${t(lang, "app.name")}`;
  let events: RegisterEvent[];
  try {
    events = (await getJson<{ events: RegisterEvent[] }>("/api/events", query)).events;
  } catch (error) {
    replaceChildren(main, heading, form, failure(lang, t(lang, "web.nav.register"), error));
    return;
  }
  const found = searchEvents(events, search, lang);
  const pages = Math.max(1, Math.ceil(found.length / eventsPerPage));
  const asked = Number.parseInt(state.get("page") ?? "1", 10);
  const pageNumber = Number.isInteger(asked) && asked >= 1 && asked <= pages ? asked : 1;
  const shown = found.slice((pageNumber - 1) * eventsPerPage, pageNumber * eventsPerPage);
  const here = Object.fromEntries(state.entries());
  const pageLink = (n: number, key: "web.register.previous" | "web.register.next", rel: string) =>
    h("a", { href: pageHref("/register", { ...here, page: String(n) }), rel, class: "page-link" }, t(lang, key));
  // The same links above and below the list; the two landmarks are told apart by their position in the label.
  const paging = (where: string) => pages === 1 ? null : h("nav", { "aria-label": `${t(lang, "web.register.pages")} (${where})`, class: "paging" },
    pageNumber > 1 ? pageLink(pageNumber - 1, "web.register.previous", "prev") : null,
    h("span", { class: "register-page" }, t(lang, "web.register.page", { page: pageNumber, pages })),
    pageNumber < pages ? pageLink(pageNumber + 1, "web.register.next", "next") : null);
  replaceChildren(main, heading, form,
    h("p", { role: "status", id: "event-count" }, `${t(lang, "web.register.count", { count: formatNumber(found.length, lang) })}. ${t(lang, "web.register.order")}`),
    paging("1"),
    h("ol", { class: "register", start: (pageNumber - 1) * eventsPerPage + 1 }, shown.map((e) => h("li", { id: e.id },
      h("article", {},
        h("h2", {}, `${periodLabel(e.inForce, lang)}${t(lang, "text.colon")}${e.title[lang]}`),
        h("p", { class: "meta" }, `${codeWord(lang, "level", e.level)} · ${codeWord(lang, "area", e.area)} · ${codeWord(lang, "kind", e.kind)} · ${t(lang, `chart.direction.${e.direction}`)}`),
        h("p", {}, e.summary[lang]),
        h("ul", { class: "sources" }, e.sources.map((s) => h("li", {}, h("a", { href: s }, s)))))))),
    paging("2"));
}
