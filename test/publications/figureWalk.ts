// Following a generated sentence or table back to its figures: the number tokens a text states, and every token
// the figures of an API answer can give (each value, the difference and relative change of any two values of one
// area, ranks and counts, the years and days of the periods). Numbers are written here by hand, not through the
// product's formatter: grouping and decimal marks of nl-BE (1.234,5), fr-BE (1 234,5 with U+202F) and en-GB.

export type WalkLang = "nl" | "fr" | "en";

const marks: Record<WalkLang, { group: string; decimal: string }> = {
  nl: { group: ".", decimal: "," },
  fr: { group: "\u202f", decimal: "," },
  en: { group: ",", decimal: "." },
};

/** |x| with `digits` decimals in the language's marks, written by hand (half away from zero, as toFixed nearly is). */
export function writeNumber(x: number, digits: number, lang: WalkLang): string {
  const fixed = (Math.round(Math.abs(x) * 10 ** digits + 1e-9) / 10 ** digits).toFixed(digits);
  const [whole, fraction] = fixed.split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, marks[lang].group);
  return fraction === undefined ? grouped : `${grouped}${marks[lang].decimal}${fraction}`;
}

/** The number tokens of a text, signs dropped (a sentence writes +26,0 % and −1,2): `504.130`, `7,8`, `2015`, `1`. */
export function numberTokens(text: string, lang: WalkLang): string[] {
  const { group, decimal } = marks[lang];
  const esc = (s: string) => s.replace(/[.]/g, "\\.");
  const pattern = new RegExp(`\\d{1,3}(?:${esc(group)}\\d{3})+(?:${esc(decimal)}\\d+)?|\\d+(?:${esc(decimal)}\\d+)?`, "g");
  return [...text.matchAll(pattern)].map((m) => m[0]);
}

interface ApiValue { readonly geo: string; readonly period: string; readonly value: number | null }

/** Every token the values of an API answer can give, with 0 to 2 decimals. */
export function allowedTokens(values: readonly ApiValue[], lang: WalkLang): Set<string> {
  const out = new Set<string>();
  const add = (x: number) => { for (const d of [0, 1, 2]) out.add(writeNumber(x, d, lang)); };
  const present = values.filter((v) => v.value !== null) as (ApiValue & { value: number })[];
  for (const v of present) add(v.value);
  for (const a of present) {
    for (const b of present) {
      if (a.geo !== b.geo) continue;
      add(b.value - a.value);
      if (a.value !== 0) add(((b.value - a.value) / a.value) * 100);
    }
  }
  for (let n = 1; n <= Math.max(values.length, 1); n++) out.add(String(n));
  for (const v of values) {
    const [year, month, day] = v.period.split("-");
    out.add(year!);
    if (day !== undefined) out.add(String(Number(day)));
    if (month !== undefined && day === undefined) out.add(String(Number(month)));
  }
  return out;
}
