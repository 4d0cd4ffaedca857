import { iso2FromAlpha3 } from "../international/countryCodes.ts";

/** The OECD dimensions whose codes are countries (ISO alpha-3) and are mapped to our ISO alpha-2 code list. */
export const oecdAreaDimensions: ReadonlySet<string> = new Set(["REF_AREA", "CITIZENSHIP", "BIRTH_PLACE", "COUNTERPART_AREA"]);

/**
 * OECD area codes that are not countries, kept as named groups with our code:
 * - `W` (World: every citizenship or place of birth) -> `TOTAL`, as Eurostat's citizen=TOTAL;
 * - `OECD` (OECD member countries) -> `OECD`; `EU27` (European Union, 27 members from 2020) -> `EU27_2020`;
 * - SDMX special codes beginning with `_` (`_T` total, `_Z` not applicable, `_X` unknown) are kept as they are.
 */
export const oecdGroups: ReadonlyMap<string, string> = new Map([
  ["W", "TOTAL"],
  ["OECD", "OECD"],
  ["EU27", "EU27_2020"],
]);

/** Our code for an OECD area code (ISO alpha-3 country, group or SDMX special code), or undefined. */
export function mapOecdArea(code: string): string | undefined {
  if (/^_[A-Z]$/.test(code)) return code;
  return oecdGroups.get(code) ?? iso2FromAlpha3(code);
}

/**
 * Our flags for an SDMX observation status (CL_OBS_STATUS): A normal -> none; B break -> b; D definition
 * differs -> d; E estimated and I imputed -> e; F forecast -> f; N not significant -> n; P provisional -> p;
 * R revised -> r; U low reliability -> u; C and Q (confidential, suppressed) -> c; M (cannot exist) -> z;
 * L and O (missing) -> none, the value is missing. Undefined for any other status (S strike, G experimental,
 * V unvalidated, ...), which has no equivalent among our flags and is refused rather than dropped.
 */
export function mapObservationStatus(status: string): { flags: string; missing: boolean } | undefined {
  const table: Record<string, { flags: string; missing: boolean }> = {
    "": { flags: "", missing: false },
    A: { flags: "", missing: false },
    B: { flags: "b", missing: false },
    D: { flags: "d", missing: false },
    E: { flags: "e", missing: false },
    I: { flags: "e", missing: false },
    F: { flags: "f", missing: false },
    N: { flags: "n", missing: false },
    P: { flags: "p", missing: false },
    R: { flags: "r", missing: false },
    U: { flags: "u", missing: false },
    C: { flags: "c", missing: true },
    Q: { flags: "c", missing: true },
    M: { flags: "z", missing: true },
    L: { flags: "", missing: true },
    O: { flags: "", missing: true },
  };
  return table[status];
}
