import { MigmonError } from "../core/index.ts";
import type { Evaluated, Row } from "./formulas.ts";

/** The breakdown dimension a ranked indicator adds: the place, `1` for the largest figure. */
export const rankDimension = "rank";

/**
 * The `top` largest figures of the breakdown dimension `over` for each area, period and remaining breakdown,
 * ranked 1..top (largest first; equal figures by code, so the order is repeatable). Missing and withheld figures
 * are not ranked: a place is never given to a value nobody knows. The result's breakdown is `rank` followed by the
 * input's dimensions. Throws MigmonError when `over` is not a breakdown of the evaluated indicator.
 */
export function rankTop(e: Evaluated, over: string, top: number): Evaluated {
  const at = e.dims.indexOf(over);
  if (at < 0) throw new MigmonError(`rank over ${over}: the indicator has no such breakdown (it has ${e.dims.join(", ") || "none"})`);
  const groups = new Map<string, Row[]>();
  for (const r of e.rows) {
    if (r.cell.value === null) continue;
    const rest = r.breakdown.filter((_, i) => i !== at).join(".");
    const k = `${r.geo}|${r.period}|${rest}`;
    const list = groups.get(k) ?? [];
    list.push(r);
    groups.set(k, list);
  }
  const rows: Row[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => (b.cell.value as number) - (a.cell.value as number) || (a.breakdown[at]! < b.breakdown[at]! ? -1 : 1));
    list.slice(0, top).forEach((r, i) => rows.push({ ...r, breakdown: [String(i + 1), ...r.breakdown] }));
  }
  return { dims: [rankDimension, ...e.dims], rows };
}
