// How an area is written in running text in each language: its name with the article it takes, "of X" and
// "in X". The comparison areas (regions, Belgium, neighbours, EU) are curated in data/publications/areas.yaml;
// Belgian provinces, arrondissements and municipalities are written from the geography's nl/fr names; other
// countries from their ISO names. French elision ("de Anvers") is done when the sentence is filled (phrases.ts).
import type { Lang } from "../i18n/index.ts";
import type { Geography, GeoUnit } from "../reference/geography.ts";
import { listCountries } from "../reference/countries.ts";
import type { AreaFormsEntry } from "./templateSchema.ts";

/** An area in running text: `name` ("het Vlaamse Gewest"), `of` ("van het Vlaamse Gewest"), `in` ("in het Vlaamse Gewest"). */
export interface AreaForms {
  readonly name: string;
  readonly of: string;
  readonly in: string;
}

/** Writes the areas of a publication; built once per publication from the curated forms and the geography. */
export class AreaNames {
  private readonly curated = new Map<string, AreaFormsEntry>();
  private readonly countryNames = new Map(listCountries().map((c) => [c.code, c.names]));

  constructor(entries: readonly AreaFormsEntry[], private readonly geography: Geography) {
    for (const entry of entries) for (const code of entry.codes) this.curated.set(code, entry);
  }

  /** The forms of an area code in a language; a code nobody knows is written as itself. */
  forms(code: string, lang: Lang): AreaForms {
    const curated = this.curated.get(code);
    if (curated !== undefined) return curated[lang];
    if (this.geography.has(code)) return unitForms(this.geography.versionsOf(code).at(-1)!, lang, this.englishName(code));
    const names = this.countryNames.get(code === "EL" ? "GR" : code === "UK" ? "GB" : code);
    const name = names?.[lang] ?? code;
    return lang === "nl" ? { name, of: `van ${name}`, in: `in ${name}` }
      : lang === "fr" ? { name, of: `de ${name}`, in: `en ${name}` }
      : { name, of: `of ${name}`, in: `in ${name}` };
  }

  /** The plain name of an area (a table row, a chart legend) with a capital letter. */
  label(code: string, lang: Lang): string {
    const name = this.forms(code, lang).name;
    return name.replace(/^(het|de|la|le|les|the) /, "").replace(/^l'/, "").replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  }

  /** English writes a Belgian unit in the language of its region: Dutch in Flanders, French in Wallonia and Brussels. */
  private englishName(code: string): string {
    const unit = this.geography.versionsOf(code).at(-1)!;
    const region = unit.level === "country" ? null : this.geography.parentOf(code, "region");
    return region === "02000" ? unit.name.nl : unit.name.fr;
  }
}

function lowerFirst(text: string): string {
  return text.replace(/^\p{Lu}/u, (c) => c.toLowerCase());
}

function unitForms(unit: GeoUnit, lang: Lang, english: string): AreaForms {
  const local = lang === "en" ? english : unit.name[lang];
  switch (unit.level) {
    case "municipality":
      return lang === "nl" ? { name: local, of: `van ${local}`, in: `in ${local}` }
        : lang === "fr" ? { name: local, of: `de ${local}`, in: `à ${local}` }
        : { name: local, of: `of ${local}`, in: `in ${local}` };
    case "arrondissement":
    case "province": {
      if (lang === "en") {
        const bare = english.replace(/^(Provincie|Province|Arrondissement) (de |d'|du |de la )?/, "");
        const name = `the ${unit.level} of ${bare}`;
        return { name, of: `of ${name}`, in: `in ${name}` };
      }
      const lower = lowerFirst(local);
      if (lang === "nl") {
        const name = unit.level === "province" ? `de ${lower}` : `het ${lower}`;
        return { name, of: `van ${name}`, in: `in ${name}` };
      }
      const name = unit.level === "province" ? `la ${lower}` : `l'${lower}`;
      return { name, of: `de ${name}`, in: `dans ${name}` };
    }
    default:
      return { name: local, of: lang === "nl" ? `van ${local}` : lang === "fr" ? `de ${local}` : `of ${local}`, in: lang === "fr" ? `en ${local}` : `in ${local}` };
  }
}
