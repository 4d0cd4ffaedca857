import type { Lang } from "./language.ts";
import type { Catalogue, MessageKey } from "./catalogues/en.ts";
import { en } from "./catalogues/en.ts";
import { fr } from "./catalogues/fr.ts";
import { nl } from "./catalogues/nl.ts";

/** The three catalogues by language. */
export const catalogues: Readonly<Record<Lang, Catalogue>> = { nl, fr, en };

export type MessageParams = Readonly<Record<string, string | number>>;

const placeholder = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The `{placeholder}` names of a catalogue text, in order of appearance. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(placeholder)].map((m) => m[1] as string);
}

/**
 * The text of a catalogue key in a language with its `{placeholders}` filled from `params` (numbers written as
 * they are: format them first with formatNumber where a reader needs it). Throws RangeError naming the key and
 * the placeholder when a parameter is missing, so a sentence never goes out with a hole in it.
 */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const text = catalogues[lang][key];
  return text.replace(placeholder, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new RangeError(`message ${key} (${lang}) needs the parameter {${name}}`);
    return String(value);
  });
}
