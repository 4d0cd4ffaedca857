import { MigmonError, UnknownCodeError } from "../core/index.ts";
import type { CrosswalkLink, Geography } from "./geography-model.ts";

/** Municipal figures re-expressed on the boundaries of another year. */
export interface BoundaryMapping {
  /** One value per municipality of the target year that has at least one part in the input. */
  readonly values: Map<string, number | null>;
  /** For each target whose value is null: the codes of its parts that were null or absent from the input. */
  readonly missing: Map<string, string[]>;
}

/** Refused mapping: a unit was split or partly transferred, so its figure cannot be divided without a guess. */
export class BoundaryChangeError extends MigmonError {
  constructor(message: string) {
    super(message, { exitCode: 1, httpStatus: 422 });
  }
}

const startOf = (year: number) => `${String(year).padStart(4, "0")}-01-01`;

function describe(geo: Geography, code: string): string {
  const name = geo.versionsOf(code).at(-1)?.name.nl;
  return name === undefined ? code : `${code} (${name})`;
}

/** Follows a municipality forward through the crosswalk links dated after `from` up to and including `to`. */
function successor(geo: Geography, code: string, links: readonly CrosswalkLink[], fromYear: number, toYear: number): string {
  let current = code;
  for (const link of links) {
    if (link.oldCode !== current) continue;
    const sameDay = links.filter((l) => l.oldCode === current && l.date === link.date);
    if (sameDay.length > 1) {
      const to = sameDay.map((l) => l.newCode).join(" and ");
      throw new BoundaryChangeError(`cannot map ${describe(geo, current)} from ${fromYear} to ${toYear} boundaries: it was split between ${to} on ${link.date}`);
    }
    if (link.transfer !== "whole") {
      throw new BoundaryChangeError(`cannot map ${describe(geo, current)} from ${fromYear} to ${toYear} boundaries: only part of it went to ${link.newCode} on ${link.date} (${link.transfer} transfer)`);
    }
    current = link.newCode;
  }
  return current;
}

/** Follows a municipality back through the links: allowed only through a pure recode (one whole predecessor). */
function predecessor(geo: Geography, code: string, links: readonly CrosswalkLink[], fromYear: number, toYear: number): string {
  let current = code;
  for (const link of [...links].reverse()) {
    if (link.newCode !== current) continue;
    const parts = links.filter((l) => l.newCode === current && l.date === link.date);
    const existedBefore = geo.versionsOf(current).some((v) => v.validFrom === null || v.validFrom < link.date);
    if (parts.length > 1 || existedBefore) {
      const from = [...new Set([...(existedBefore ? [current] : []), ...parts.map((l) => l.oldCode)])].join(" and ");
      throw new BoundaryChangeError(`cannot map ${describe(geo, current)} from ${fromYear} to ${toYear} boundaries: it was formed from ${from} on ${link.date} and splitting it back would be a guess`);
    }
    if (link.transfer !== "whole") {
      throw new BoundaryChangeError(`cannot map ${describe(geo, current)} from ${fromYear} to ${toYear} boundaries: it received only part of ${link.oldCode} on ${link.date} (${link.transfer} transfer)`);
    }
    current = link.oldCode;
  }
  return current;
}

/** Where a unit's territory went, at least in part, ignoring the checks (for units outside the input only). */
function loosestSuccessor(code: string, links: readonly CrosswalkLink[]): string {
  let current = code;
  for (const link of links) if (link.oldCode === current) current = link.newCode;
  return current;
}

/**
 * Re-expresses municipal figures for the municipalities of 1 January `fromYear` on the municipalities of
 * 1 January `toYear`: units that merged are summed into their successor, recoded units take their new code.
 * A sum with a null or absent part is null and `missing` names those parts. Going back in time only passes
 * through pure recodes. Throws UnknownCodeError for input codes that are not municipalities of `fromYear`, and
 * BoundaryChangeError naming the unit for a split or a partial transfer (never guessed).
 */
export function mapValuesToBoundaries(
  geo: Geography,
  values: ReadonlyMap<string, number | null>,
  fromYear: number,
  toYear: number,
): BoundaryMapping {
  const fromDate = startOf(fromYear);
  const toDate = startOf(toYear);
  const sources = geo.on(fromDate).filter((u) => u.level === "municipality").map((u) => u.code);
  const known = new Set(sources);
  const unknown = [...values.keys()].filter((c) => !known.has(c)).sort();
  if (unknown.length > 0) throw new UnknownCodeError(`municipal values for ${fromYear}`, "municipality", unknown);

  const forward = fromDate <= toDate;
  const links = geo.links.filter((l) => (forward ? fromDate < l.date && l.date <= toDate : toDate < l.date && l.date <= fromDate));
  const partsOf = new Map<string, string[]>();
  for (const code of values.keys()) {
    const target = forward ? successor(geo, code, links, fromYear, toYear) : predecessor(geo, code, links, fromYear, toYear);
    partsOf.set(target, []);
  }
  // Every source municipality that lands on a target is a part of it, whether or not the input has it. A unit
  // outside the input that could not be mapped on its own is still a (missing) part of where it went.
  for (const code of sources) {
    let target: string | null;
    try {
      target = forward ? successor(geo, code, links, fromYear, toYear) : predecessor(geo, code, links, fromYear, toYear);
    } catch (error) {
      if (!(error instanceof BoundaryChangeError)) throw error;
      target = forward ? loosestSuccessor(code, links) : null;
    }
    if (target !== null) partsOf.get(target)?.push(code);
  }

  const out = new Map<string, number | null>();
  const missing = new Map<string, string[]>();
  for (const [target, parts] of [...partsOf].sort((a, b) => a[0].localeCompare(b[0]))) {
    let sum = 0;
    const gaps: string[] = [];
    for (const p of parts) {
      const v = values.get(p);
      if (v === undefined || v === null) gaps.push(p);
      else sum += v;
    }
    out.set(target, gaps.length > 0 ? null : sum);
    if (gaps.length > 0) missing.set(target, gaps);
  }
  return { values: out, missing };
}
