import { MigmonError } from "../core/index.ts";
import type { Geography, GeoLevel } from "../reference/geography.ts";
import { mapValuesToBoundaries } from "../reference/geography.ts";
import type { Cell } from "./cell.ts";
import { combineInputs } from "./flags.ts";
import type { Indicator } from "./catalogue.ts";

/** Refused: figures of an indicator that may not be added up (a rate, a share, a published percentage). */
export class NotSummableError extends MigmonError {
  constructor(indicator: string, what: string) {
    super(`indicator ${indicator} cannot be ${what}: it is not summable (a rate, share or published percentage; aggregate its components instead)`,
      { exitCode: 2, httpStatus: 400 });
  }
}

/** Throws NotSummableError unless the indicator's figures may be added up over areas. */
export function requireSummable(indicator: Indicator, what: string): void {
  if (!indicator.summable) throw new NotSummableError(indicator.id, what);
}

/**
 * The municipalities of each unit of `level` (by REFNIS code) on `date`: the parts a unit's total is made of.
 * Brussels has no province, so its municipalities are in no province.
 */
export function municipalitiesByUnit(geography: Geography, level: Exclude<GeoLevel, "municipality">, date: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const u of geography.on(date)) {
    if (u.level !== "municipality") continue;
    const unit = geography.parentOf(u.code, level);
    if (unit === null) continue;
    const list = out.get(unit) ?? [];
    list.push(u.code);
    out.set(unit, list);
  }
  return out;
}

/**
 * The sum of the cells of `members` (the municipalities of one unit, see municipalitiesByUnit). A municipality
 * without a figure makes the sum missing, with a note naming it; a confidential one withholds it; flags of the
 * parts carry over (flags.ts).
 */
export function sumMunicipalities(cells: ReadonlyMap<string, Cell>, members: readonly string[], unit: string): Cell {
  if (members.length === 0) return { value: null, flags: "", notes: [`missing: ${unit} has no municipalities`] };
  const parts: Cell[] = [];
  const absent: string[] = [];
  for (const m of members) {
    const cell = cells.get(m);
    if (cell === undefined) absent.push(m);
    else parts.push(cell);
  }
  if (absent.length > 0) {
    const shown = absent.slice(0, 5).join(", ") + (absent.length > 5 ? ` and ${absent.length - 5} more` : "");
    return { value: null, flags: combineInputs(parts).flags, notes: [`missing: no figure for municipality ${shown}`] };
  }
  const { flags, blocked } = combineInputs(parts);
  if (blocked !== null) return blocked;
  let sum = 0;
  for (const p of parts) sum += p.value as number;
  return { value: sum, flags };
}

/**
 * Municipal cells of the municipalities of 1 January `fromYear` re-expressed on those of 1 January `toYear` with
 * the merger crosswalk (mapValuesToBoundaries: merged units summed, splits refused). Flags of all parts carry over
 * to their successor; a confidential part withholds it. Throws BoundaryChangeError for a split or partial transfer.
 */
export function cellsOnBoundaries(geography: Geography, cells: ReadonlyMap<string, Cell>, fromYear: number, toYear: number): Map<string, Cell> {
  const values = new Map<string, number | null>();
  for (const [code, cell] of cells) values.set(code, cell.value);
  const mapped = mapValuesToBoundaries(geography, values, fromYear, toYear);
  const fromDate = `${fromYear}-01-01`;
  const toDate = `${toYear}-01-01`;
  const links = geography.links.filter((l) => fromDate < l.date && l.date <= toDate);
  const partsOf = new Map<string, Cell[]>();
  for (const [code, cell] of cells) {
    let target = code;
    for (const link of links) if (link.oldCode === target) target = link.newCode;
    const list = partsOf.get(target) ?? [];
    list.push(cell);
    partsOf.set(target, list);
  }
  const out = new Map<string, Cell>();
  for (const [target, value] of mapped.values) {
    const parts = partsOf.get(target) ?? [];
    const { flags, blocked } = combineInputs(parts);
    if (blocked !== null && blocked.value === null && parts.some((p) => p.flags.includes("c"))) {
      out.set(target, blocked);
      continue;
    }
    const missing = mapped.missing.get(target);
    out.set(target, value === null
      ? { value: null, flags, notes: [`missing: no figure for ${missing?.join(", ") ?? "a part"} on the ${fromYear} boundaries`] }
      : { value, flags });
  }
  return out;
}
