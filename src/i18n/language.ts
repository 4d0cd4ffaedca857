import { UsageError } from "../core/index.ts";

/** The languages of the monitor's texts: Dutch, French and English. */
export const languages = ["nl", "fr", "en"] as const;

export type Lang = (typeof languages)[number];

/** The locale whose number and date conventions each language uses: Belgian Dutch and French, British English. */
export const localeOf: Readonly<Record<Lang, string>> = { nl: "nl-BE", fr: "fr-BE", en: "en-GB" };

/** Whether a text is one of the monitor's language codes. */
export function isLang(text: string): text is Lang {
  return (languages as readonly string[]).includes(text);
}

/** Reads a language option (`nl`, `fr`, `en`); throws UsageError naming the value and the choices. */
export function parseLang(text: string): Lang {
  const lower = text.trim().toLowerCase();
  if (isLang(lower)) return lower;
  throw new UsageError(`unknown language ${JSON.stringify(text)}: expected one of ${languages.join(", ")}`);
}
