import countries from "i18n-iso-countries";

/**
 * The ISO 3166-1 alpha-2 code of an ISO 3166-1 alpha-3 code (`BEL` -> `BE`), or undefined when ISO has none
 * (publisher aggregates and user-assigned codes are mapped by each publisher's codes.ts).
 */
export function iso2FromAlpha3(code: string): string | undefined {
  if (!/^[A-Z]{3}$/.test(code)) return undefined;
  return countries.alpha3ToAlpha2(code);
}

/**
 * The ISO 3166-1 alpha-2 code of a UN M49 / ISO 3166-1 numeric country code (`56`, `056` -> `BE`), or undefined
 * for M49 region codes and codes ISO does not assign.
 */
export function iso2FromM49(code: string): string | undefined {
  if (!/^\d{1,3}$/.test(code)) return undefined;
  return countries.numericToAlpha2(code.padStart(3, "0"));
}

/** The ISO 3166-1 alpha-2 code of an English country name or alias as i18n-iso-countries knows it, else undefined. */
export function iso2FromEnglishName(name: string): string | undefined {
  return countries.getAlpha2Code(name, "en");
}
