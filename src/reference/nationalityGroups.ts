import { listCountryGroups } from "./countries.ts";
import type { CountryGroup } from "./countries.ts";

/**
 * The nationality groups of data/reference/country-groups.yaml (`kind: nationality-group`): EU14, EU13, other
 * Europe, Maghreb, Sub-Saharan Africa, Near and Middle East, ... one partition of the world's countries whose
 * membership changes with the date (Croatia joins EU13 on 2013-07-01, the United Kingdom moves from EU14 to other
 * Europe on 2020-02-01).
 */
export function listNationalityGroups(groups: readonly CountryGroup[] = listCountryGroups()): CountryGroup[] {
  return groups.filter((g) => g.kind === "nationality-group");
}

/**
 * The nationality group of each country on an ISO date (`2013-07-01`): country code -> group code. A country in
 * no group on that date (Antarctica) is absent. Throws Error when a country is in two groups on the date, which the
 * reference test forbids.
 */
export function nationalityGroupsOn(date: string, groups: readonly CountryGroup[] = listCountryGroups()): Map<string, string> {
  const out = new Map<string, string>();
  for (const group of listNationalityGroups(groups)) {
    for (const part of group.membership ?? []) {
      if ((part.from !== undefined && date < part.from) || (part.until !== undefined && date > part.until)) continue;
      for (const country of part.countries) {
        const other = out.get(country);
        if (other !== undefined && other !== group.code) throw new Error(`country ${country} is in both ${other} and ${group.code} on ${date}`);
        out.set(country, group.code);
      }
    }
  }
  return out;
}
