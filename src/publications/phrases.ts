// The phrase book (data/publications/phrases.yaml) and how a phrase is chosen and filled: plural category by
// Intl.PluralRules of the language's locale, French gender by the sentence's subject, French elision and
// contraction after the placeholders are filled ("de Anvers" -> "d'Anvers", "à Les Bons Villers" -> "aux Bons Villers").
import { MigmonError } from "../core/index.ts";
import { localeOf } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import type { PhraseBook, PhraseText } from "./templateSchema.ts";

/** How to choose among a phrase's variants: the number its plural agrees with, the French gender of its subject. */
export interface PhraseChoice {
  readonly count?: number;
  readonly gender?: "m" | "f";
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** The plural (or ordinal) category of a number in a language: `one`, `two`, `few`, `other`, ... */
export function pluralCategory(lang: Lang, n: number, type: Intl.PluralRuleType = "cardinal"): Intl.LDMLPluralRule {
  const key = `${lang}|${type}`;
  let rules = pluralRules.get(key);
  if (rules === undefined) {
    rules = new Intl.PluralRules(localeOf[lang], { type });
    pluralRules.set(key, rules);
  }
  return rules.select(n);
}

function variantOf(text: PhraseText, lang: Lang, choice: PhraseChoice): string {
  if (typeof text === "string") return text;
  if ("one" in text) return pluralCategory(lang, choice.count ?? 2) === "one" ? text.one : text.other;
  return choice.gender === "f" ? text.f : text.m;
}

/** French elision and contraction of the articles and prepositions a filled sentence may bring together. */
export function frenchContractions(text: string): string {
  return text
    .replace(/(?<=^|\s)(de|à) ([Ll]es|[Ll]e) (?=\p{L})/gu, (_m, p: string, a: string) => {
      const plural = a.toLowerCase() === "les";
      return `${p === "de" ? (plural ? "des" : "du") : (plural ? "aux" : "au")} `;
    })
    .replace(/(?<=^|\s)(de|que|le|la) (?=[aeiouyàâéèêëîïôûAEIOUYÀÂÉÈÊÎÏÔÛ])/g, (_m, w: string) => `${w === "que" ? "qu" : w === "de" ? "d" : "l"}'`);
}

/** The sentence with its first letter in upper case. */
export function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toLocaleUpperCase() + text.slice(1);
}

/** Fills `{name}` placeholders; throws MigmonError naming the phrase when one has no value (no sentence with a hole). */
export function fillPlaceholders(pattern: string, params: Readonly<Record<string, string>>, what: string): string {
  return pattern.replace(/\{([a-zA-Z]+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new MigmonError(`${what}: no value for {${name}}`);
    return value;
  });
}

/** A phrase of the book in a language, filled; French sentences get their elisions. Throws for an unknown key. */
export function phrase(book: PhraseBook, lang: Lang, key: string, params: Readonly<Record<string, string>> = {}, choice: PhraseChoice = {}): string {
  const entry = book[key];
  if (entry === undefined) throw new MigmonError(`phrase ${key} is not in data/publications/phrases.yaml`);
  const filled = fillPlaceholders(variantOf(entry[lang], lang, choice), params, `phrase ${key} (${lang})`);
  return lang === "fr" ? frenchContractions(filled) : filled;
}

/** An ordinal in the language: `1e`/`2e` (nl), `1er`/`2e` (fr), `1st`/`2nd`/`3rd`/`4th` (en). */
export function ordinal(book: PhraseBook, lang: Lang, n: number): string {
  const category = pluralCategory(lang, n, "ordinal");
  const key = category === "one" || category === "two" || category === "few" ? `ordinal.${category}` : "ordinal.other";
  return phrase(book, lang, key, { n: String(n) });
}
