import { MigmonError, parsePeriodParts, periodStart } from "../core/index.ts";
import { nationalityGroupsOn } from "../reference/nationalityGroups.ts";
import type { Cell } from "./cell.ts";
import type { IndicatorInput } from "./catalogue.ts";
import { combineInputs } from "./flags.ts";
import type { InputFigure } from "./inputs.ts";

/** The country whose own nationals an area's figures hold: the area for a country-coded input, else Belgium. */
function reportingCountry(input: IndicatorInput, geo: string): string {
  if (input.coding === "country") return geo;
  return "BE";
}

/**
 * Sums the figures of an input's `groups` breakdown dimension (citizenship, country of birth, origin) into the
 * nationality groups of data/reference/country-groups.yaml: each country code counts in the group it belongs to
 * on the first day of the figure's period (Croatia in EU13 from 2013-07-01, the United Kingdom in other Europe
 * from 2020-02-01). Only country codes are summed: a publisher's aggregate (TOTAL, FOR, EU27_2020_FOR, a
 * continent) is in no group and is never added to its members; neither are stateless, unknown, or the reporting
 * country's own nationals. Sums follow the flag rule (flags.ts: a confidential part withholds the group, a missing
 * part makes it missing). Throws MigmonError when the dimension is not a breakdown of the input.
 */
export function sumNationalityGroups(figures: readonly InputFigure[], input: IndicatorInput): InputFigure[] {
  const dimension = input.groups!;
  const at = input.breakdown.indexOf(dimension);
  if (at < 0) throw new MigmonError(`indicator input ${input.dataset}: groups ${dimension} must be one of its breakdown dimensions (${input.breakdown.join(", ") || "none"})`);
  const groupsByDate = new Map<string, Map<string, string>>();
  const parts = new Map<string, { figure: InputFigure; cells: Cell[] }>();
  for (const f of figures) {
    const date = periodStart(parsePeriodParts(f.period));
    let groups = groupsByDate.get(date);
    if (!groups) groupsByDate.set(date, (groups = nationalityGroupsOn(date)));
    const code = f.breakdown[at]!;
    const group = groups.get(code);
    if (group === undefined || code === reportingCountry(input, f.geo)) continue;
    const breakdown = f.breakdown.map((c, i) => (i === at ? group : c));
    const key = `${f.geo}|${f.period}|${breakdown.join(".")}`;
    const entry = parts.get(key) ?? { figure: { ...f, breakdown }, cells: [] };
    entry.cells.push(f.cell);
    parts.set(key, entry);
  }
  return [...parts.values()].map(({ figure, cells }) => ({ ...figure, cell: sumCells(cells) }));
}

function sumCells(cells: readonly Cell[]): Cell {
  const { flags, blocked } = combineInputs(cells);
  if (blocked !== null) return blocked;
  let sum = 0;
  for (const c of cells) sum += c.value as number;
  return { value: sum, flags };
}
