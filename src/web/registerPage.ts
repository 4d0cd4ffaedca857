// The register page: the policy and context events, filtered by level, policy area, kind and the years they came
// into force. The filter choices are the enums of GET /api/events as the OpenAPI document states them, so they
// are written once (src/events/schema.ts).
import { page } from "./browser.ts";
import type { WebElement } from "./browser.ts";
import { periodLabel } from "../charts/index.ts";
import { catalogues, formatNumber, t } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import type { ExplorerConfig } from "../server/explorerConfig.ts";
import { getJson } from "./apiClient.ts";
import type { RegisterEvent } from "./apiTypes.ts";
import { h, replaceChildren } from "./elements.ts";
import { viewState } from "./pageConfig.ts";
import { failure, labelledSelect, viewForm } from "./pageParts.ts";

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
  for (const name of [...registerFilters, "from", "to"]) {
    const value = state.get(name);
    if (value !== null && value !== "") query[name] = value;
  }
  const choices = await filterChoices();
  const all = t(lang, "web.all");
  const years: [string, string][] = [["", all]];
  for (let y = 1990; y <= new Date().getUTCFullYear() + 1; y++) years.push([String(y), String(y)]);
  const form = viewForm("/register", lang, t(lang, "web.nav.register"),
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
  replaceChildren(main, heading, form,
    h("p", { role: "status", id: "event-count" }, t(lang, "web.register.count", { count: formatNumber(events.length, lang) })),
    h("ol", { class: "register" }, events.map((e) => h("li", { id: e.id },
      h("article", {},
        h("h2", {}, `${periodLabel(e.inForce, lang)}${t(lang, "text.colon")}${e.title[lang]}`),
        h("p", { class: "meta" }, `${codeWord(lang, "level", e.level)} · ${codeWord(lang, "area", e.area)} · ${codeWord(lang, "kind", e.kind)} · ${t(lang, `chart.direction.${e.direction}`)}`),
        h("p", {}, e.summary[lang]),
        h("ul", { class: "sources" }, e.sources.map((s) => h("li", {}, h("a", { href: s }, s)))))))));
}
