// The indicator view's own choice of areas: the areas shown as checked boxes (uncheck one and press Show to take
// it away) and a field to add one by name or code, suggested from a list (municipalities, arrondissements and
// provinces by their Dutch and French names, the regions, Belgium, the neighbours and the EU). The comparison sets
// stay as presets; "the areas below" (`set=custom`) draws the boxes' areas (`geo` in the URL, one per area). An
// added name the page cannot place is reported, not dropped in silence.
import type { WebElement } from "./browser.ts";
import { t } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import type { AreaDirectory } from "./areaNames.ts";
import { h } from "./elements.ts";
import { foldForSearch } from "./registerPage.ts";

/** Areas offered beside the Belgian units: the neighbours and the EU (other countries are typed as ISO codes). */
export const offeredCountries = ["NL", "FR", "DE", "LU", "EU27_2020"] as const;

/** The suggestions of the add field: `name (code)`, once per distinct Dutch or French name, by name. */
export function areaSuggestions(names: AreaDirectory, lang: Lang): string[] {
  const out = new Set<string>();
  for (const unit of names.units.values()) {
    if (unit.level === "country") continue;
    for (const name of new Set([unit.name.nl, unit.name.fr])) out.add(`${name} (${unit.code})`);
  }
  for (const code of ["BE", ...offeredCountries]) out.add(`${names.name(code)} (${code})`);
  return [...out].sort((a, b) => a.localeCompare(b, lang));
}

/**
 * The area code of what a reader typed: the code in brackets of a suggestion, a code (REFNIS, NUTS, ISO, EU
 * aggregate) the directory knows, or a name of a Belgian unit in Dutch or French (accents and case ignored);
 * undefined when none fits.
 */
export function resolveArea(typed: string, names: AreaDirectory): string | undefined {
  const text = typed.trim();
  const bracket = /\(([A-Za-z0-9_]+)\)$/.exec(text)?.[1];
  const code = (bracket ?? text).toUpperCase();
  if (names.levelOf(code) !== undefined) return names.units.has(code) ? code : names.refnisOf(code) ?? code;
  const folded = foldForSearch(text);
  for (const unit of names.units.values()) if (foldForSearch(unit.name.nl) === folded || foldForSearch(unit.name.fr) === folded) return unit.code;
  return undefined;
}

/** The fieldset of the areas shown (checked boxes named geo) and the add field with its suggestions. */
export function areaPicker(shown: readonly string[], names: AreaDirectory, lang: Lang): WebElement {
  return h("fieldset", { class: "area-picker" },
    h("legend", {}, t(lang, "web.picker.areas")),
    h("ul", { class: "area-chips" }, shown.map((code) => h("li", {},
      h("input", { type: "checkbox", name: "geo", value: code, id: `geo-${code}`, checked: true }),
      h("label", { for: `geo-${code}` }, names.name(code))))),
    h("div", { class: "field" },
      h("label", { for: "field-add" }, t(lang, "web.picker.add")),
      h("input", { type: "text", id: "field-add", name: "add", list: "area-suggestions", autocomplete: "off" }),
      h("datalist", { id: "area-suggestions" }, areaSuggestions(names, lang).map((s) => h("option", { value: s })))));
}
