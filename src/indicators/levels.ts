/**
 * The levels an indicator can exist at: the Belgian geography, countries and EU aggregates. On its own (no zod, no
 * YAML) so that `migmon indicator --help` lists them without loading the catalogue reader (issue 16).
 */
export const indicatorLevels = ["municipality", "arrondissement", "province", "region", "country", "eu"] as const;
export type IndicatorLevel = (typeof indicatorLevels)[number];
