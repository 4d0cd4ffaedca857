import { periodStart, parsePeriodParts } from "../../core/index.ts";
import { belgianGeography } from "../../reference/geography.ts";
import type { NutsVersion } from "../../reference/geography.ts";

/**
 * The children a parent is expected to have: `childrenOf` answers null for a code outside the hierarchy, and
 * otherwise the codes directly below it (given the codes present in the data for the same series and period).
 */
export interface Hierarchy {
  readonly childrenOf: (code: string, period: string, present: ReadonlySet<string>) => readonly string[] | null;
}

/**
 * NUTS levels by code: the children of a NUTS code are the codes one character longer that start with it. For
 * Belgium the codes of `version` come from the curated geography (data/reference/geography/nuts.csv, with every
 * prefix of a code also a code, so BE10 sits between BE1 and BE100); elsewhere the codes present in the data are
 * taken as the list, so a missing region outside Belgium cannot be named.
 */
export function nutsHierarchy(version: NutsVersion): Hierarchy {
  const belgian = new Set<string>();
  for (const row of belgianGeography().nuts) {
    if (row.version !== version) continue;
    for (let n = 2; n <= row.nutsCode.length; n++) belgian.add(row.nutsCode.slice(0, n));
  }
  const below = (code: string, list: Iterable<string>) => [...list].filter((c) => c.length === code.length + 1 && c.startsWith(code)).sort();
  return {
    childrenOf: (code, _period, present) => {
      if (!/^[A-Z]{2}[A-Z0-9]{0,3}$/.test(code)) return null;
      if (code.startsWith("BE")) return belgian.has(code) ? below(code, belgian) : null;
      return below(code, present);
    },
  };
}

/**
 * The Belgian REFNIS tree of the curated geography: Belgium (`BE`) -> regions -> provinces -> arrondissements ->
 * municipalities, the units valid on the period's first day (Brussels' arrondissement hangs under its region).
 */
export function refnisHierarchy(): Hierarchy {
  const geography = belgianGeography();
  const cache = new Map<string, readonly string[]>();
  return {
    childrenOf: (code, period) => {
      if (!geography.has(code)) return null;
      const date = periodStart(parsePeriodParts(period));
      const key = `${code}@${date}`;
      let children = cache.get(key);
      if (children === undefined) {
        children = geography.unitOn(code, date) === null ? [] : geography.childrenOf(code, date).sort();
        cache.set(key, children);
      }
      return children;
    },
  };
}
