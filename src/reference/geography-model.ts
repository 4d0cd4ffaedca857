import { MigmonError, UnknownCodeError } from "../core/index.ts";

/** The levels of the Belgian geography, from the top: Belgium, region, province, arrondissement, municipality. */
export type GeoLevel = "country" | "region" | "province" | "arrondissement" | "municipality";
export const geoLevels: readonly GeoLevel[] = ["country", "region", "province", "arrondissement", "municipality"];

/** The NUTS versions the curated geography states codes for (see data/reference/geography/README.md). */
export type NutsVersion = "2016" | "2021" | "2024";

/**
 * One version of a unit: a REFNIS (NIS) code of five digits (`BE` for Belgium) with its names and parent while
 * its territory stays the same. `validFrom` is inclusive and `validTo` exclusive (ISO dates); null means the
 * version is open on that side. A code has several versions when its territory or name changed.
 */
export interface GeoUnit {
  readonly code: string;
  readonly level: GeoLevel;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly name: { readonly nl: string; readonly fr: string };
  /** The code of the unit one level up; Brussels' arrondissement has the region as parent (no province). */
  readonly parent: string | null;
}

/** One row of the municipal crosswalk: on `date` the old unit passed to the new one, wholly or not. */
export interface CrosswalkLink {
  readonly oldCode: string;
  readonly newCode: string;
  readonly date: string;
  readonly relationship: string;
  /** `whole` when all of the old unit went to the new one; anything else (a split, a partial transfer) is refused. */
  readonly transfer: string;
}

/** The NUTS code of one unit version in one NUTS version. */
export interface NutsAssignment {
  readonly code: string;
  readonly unitValidFrom: string | null;
  readonly version: NutsVersion;
  readonly nutsCode: string;
}

const validOn = (u: GeoUnit, date: string) => (u.validFrom === null || u.validFrom <= date) && (u.validTo === null || date < u.validTo);
const overlaps = (a: GeoUnit, b: GeoUnit) =>
  (a.validTo === null || b.validFrom === null || b.validFrom < a.validTo) && (b.validTo === null || a.validFrom === null || a.validFrom < b.validTo);

/**
 * The Belgian geography with its history: unit versions, the municipal crosswalk and NUTS codes. Built from the
 * curated rows (see geography-files.ts); the constructor checks that every parent and crosswalk code exists.
 */
export class Geography {
  readonly units: readonly GeoUnit[];
  readonly links: readonly CrosswalkLink[];
  readonly nuts: readonly NutsAssignment[];
  private readonly byCode = new Map<string, GeoUnit[]>();

  constructor(units: readonly GeoUnit[], links: readonly CrosswalkLink[], nuts: readonly NutsAssignment[]) {
    this.units = units;
    this.links = [...links].sort((a, b) => a.date.localeCompare(b.date) || a.oldCode.localeCompare(b.oldCode));
    this.nuts = nuts;
    for (const u of units) {
      const list = this.byCode.get(u.code) ?? [];
      list.push(u);
      this.byCode.set(u.code, list);
    }
    const unknown = new Set<string>();
    for (const u of units) if (u.parent !== null && !this.byCode.has(u.parent)) unknown.add(u.parent);
    for (const l of this.links) for (const c of [l.oldCode, l.newCode]) if (!this.byCode.has(c)) unknown.add(c);
    for (const n of nuts) if (!this.byCode.has(n.code)) unknown.add(n.code);
    if (unknown.size > 0) throw new UnknownCodeError("Belgian geography", "NIS", [...unknown].sort());
  }

  /** Every version of a code, oldest first; throws UnknownCodeError for a code the geography never had. */
  versionsOf(code: string): readonly GeoUnit[] {
    const list = this.byCode.get(code);
    if (list === undefined) throw new UnknownCodeError("Belgian geography", "NIS", [code]);
    return list;
  }

  /** Whether the geography knows a code at any date. */
  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** The units valid on an ISO date (`2019-01-01`), all levels, in the order of the curated file. */
  on(date: string): GeoUnit[] {
    return this.units.filter((u) => validOn(u, date));
  }

  /** The version of a code valid on a date, or null when the code did not exist then. */
  unitOn(code: string, date: string): GeoUnit | null {
    return this.versionsOf(code).find((u) => validOn(u, date)) ?? null;
  }

  /**
   * The code of the unit at `level` that contains `code` (the code itself at its own level). Null for a
   * Brussels unit asked for its province (Brussels has none). The chain of parents of a code never changed
   * between versions, so no date is needed. Throws MigmonError when `level` is below the unit's own level.
   */
  parentOf(code: string, level: GeoLevel): string | null {
    let unit = this.versionsOf(code).at(-1)!;
    if (geoLevels.indexOf(level) > geoLevels.indexOf(unit.level)) {
      throw new MigmonError(`${code} is a ${unit.level}: it has no ${level} above it`);
    }
    for (;;) {
      if (unit.level === level) return unit.code;
      if (unit.parent === null) return null;
      const up = this.versionsOf(unit.parent).at(-1)!;
      if (geoLevels.indexOf(up.level) < geoLevels.indexOf(level)) return null;
      unit = up;
    }
  }

  /** The codes of the units directly below `code`: those valid on `date` if given, else every one there ever was. */
  childrenOf(code: string, date?: string): string[] {
    this.versionsOf(code);
    const out = new Set<string>();
    for (const u of this.units) {
      if (u.parent !== code) continue;
      if (date !== undefined && !validOn(u, date)) continue;
      out.add(u.code);
    }
    return [...out];
  }

  /**
   * The NUTS code of a unit in a NUTS version: for a region, province or arrondissement the NUTS region with the
   * same territory; for a municipality the NUTS 3 region it lies in. Null when the curated data states no code
   * (the unit version did not exist while that NUTS version applied, or the code is not known with confidence).
   */
  nutsCodeOf(code: string, version: NutsVersion): string | null {
    const own = this.nuts.find((n) => n.code === code && n.version === version);
    if (own !== undefined) return own.nutsCode;
    const versions = this.versionsOf(code);
    const unit = versions[0]!;
    if (unit.level !== "municipality" || unit.parent === null) return null;
    for (const row of this.nuts) {
      if (row.code !== unit.parent || row.version !== version) continue;
      const arr = this.versionsOf(row.code).find((v) => v.validFrom === row.unitValidFrom);
      if (arr !== undefined && versions.some((v) => overlaps(v, arr))) return row.nutsCode;
    }
    return null;
  }
}
