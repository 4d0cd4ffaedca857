// The register (data/events) names the indicators an event may touch with its own hyphenated ids, written before
// the indicator catalogue (data/indicators) existed; the catalogue uses other ids. This table says, for each
// catalogue indicator, under which register ids its events are listed.

/**
 * Register indicator ids for catalogue indicator ids. A rate, share or breakdown is touched by the events that
 * touch its count; the foreign population's stocks by the register's `foreign-population`; statistical adjustment
 * and population change by the migration events, since they are net migration measured another way.
 */
const registerIdsOf: Readonly<Record<string, readonly string[]>> = {
  immigration: ["immigration"],
  immigration_women: ["immigration"],
  immigration_women_share: ["immigration"],
  immigration_rate: ["immigration"],
  emigration: ["emigration"],
  emigration_women: ["emigration"],
  emigration_women_share: ["emigration"],
  emigration_rate: ["emigration"],
  net_migration: ["net-migration"],
  net_migration_rate: ["net-migration"],
  net_migration_adjusted: ["net-migration"],
  net_migration_adjusted_rate: ["net-migration"],
  statistical_adjustment: ["net-migration"],
  population_change: ["net-migration"],
  unemployment_rate_nationals: ["unemployment-rate"],
  unemployment_rate_foreigners: ["unemployment-rate"],
  unemployment_gap: ["unemployment-rate"],
  employment_rate_nationals: ["employment-rate"],
  employment_rate_foreigners: ["employment-rate"],
  employment_gap: ["employment-rate"],
  asylum_applicants: ["asylum-applications"],
  first_permits: ["first-permits"],
  first_permits_by_reason: ["first-permits", "first-permits-family", "first-permits-work", "first-permits-study"],
  citizenship_acquisitions: ["citizenship-acquisitions"],
  naturalisation_rate: ["citizenship-acquisitions"],
  returned: ["returns"],
  temporary_protection: ["temporary-protection-beneficiaries"],
  population_non_belgian: ["foreign-population"],
  population_non_belgian_women: ["foreign-population"],
  share_non_belgian: ["foreign-population"],
  population_by_nationality_group: ["foreign-population"],
  population_by_citizenship: ["foreign-population"],
  population_non_national: ["foreign-population"],
};

/**
 * The register ids under which events touching a catalogue indicator are listed: the table above, else the id
 * itself with underscores written as hyphens (the register's form), so a register id given directly also works.
 */
export function registerIndicatorIds(catalogueId: string): readonly string[] {
  return registerIdsOf[catalogueId] ?? [catalogueId.replace(/_/g, "-")];
}

/** The catalogue ids the table maps (for the test that keeps it in step with the catalogue and the register). */
export const mappedCatalogueIds: readonly string[] = Object.keys(registerIdsOf);
