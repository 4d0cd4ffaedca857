import type { CodeList } from "./description.ts";

/** The codes of the `sex` list: total, male, female. */
export const sexCodes: readonly string[] = ["T", "M", "F"];

/**
 * The reference code lists a delivery is checked against, passed in by the caller (this folder does no I/O):
 * src/ingest/delivery.ts builds them from src/reference (Belgian geography, countries and country groups).
 */
export interface ReferenceCodes {
  /** Whether a REFNIS code (municipality, arrondissement, province, region, `BE`) denotes a unit valid on the ISO date. */
  readonly isRefnisUnit: (code: string, date: string) => boolean;
  /** Whether a code is a country (ISO 3166-1 alpha-2) or a named country group. */
  readonly isCountryCode: (code: string) => boolean;
  /** The municipality codes inside a REFNIS unit on the ISO date (empty for a municipality or an unknown code). */
  readonly municipalitiesIn: (code: string, date: string) => readonly string[];
}

/**
 * A cell as a code of its list: REFNIS codes written as numbers lose their leading zero (`2000` is `02000`),
 * so digit strings shorter than five are padded, and the kingdom's `01000` is `BE` as in our geography; other
 * lists take the text as it is.
 */
export function normaliseCode(list: CodeList, text: string): string {
  if (list !== "refnis") return text;
  const code = /^\d{1,4}$/.test(text) ? text.padStart(5, "0") : text;
  return code === "01000" ? "BE" : code;
}

/** Whether `code` belongs to the code list on the ISO date (the date matters only for REFNIS units). */
export function isKnownCode(list: CodeList, code: string, date: string, reference: ReferenceCodes): boolean {
  if (list === "refnis") return reference.isRefnisUnit(code, date);
  if (list === "iso2") return reference.isCountryCode(code);
  if (list === "sex") return sexCodes.includes(code);
  return inlineCodeSet(list.inline).has(code);
}

const inlineSets = new WeakMap<object, ReadonlySet<string>>();

/** The codes of an inline list as a set, built once per list: a list may hold 200,000 codes and a table as many rows. */
function inlineCodeSet(inline: readonly { readonly code: string }[]): ReadonlySet<string> {
  let set = inlineSets.get(inline);
  if (set === undefined) {
    set = new Set(inline.map((c) => c.code));
    inlineSets.set(inline, set);
  }
  return set;
}

/** How a code list is named in messages: `refnis`, `iso2`, `sex`, or `inline list`. */
export function codeListName(list: CodeList): string {
  return typeof list === "string" ? list : "inline list";
}
