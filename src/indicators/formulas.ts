import { MigmonError, parsePeriodParts } from "../core/index.ts";
import type { Period } from "../core/index.ts";
import type { Cell, IntervalCell } from "./cell.ts";
import type { IndicatorCompute } from "./catalogue.ts";
import { balance } from "./balances.ts";
import { diversity } from "./diversity.ts";
import { gapInPoints } from "./gaps.ts";
import { rankTop } from "./ranking.ts";
import { averagePopulation, crudeRate } from "./rates.ts";
import { share } from "./shares.ts";

/** One figure of an evaluated indicator: the area (as requested), the period, breakdown codes and the cell. */
export interface Row {
  readonly geo: string;
  readonly period: Period;
  readonly breakdown: readonly string[];
  readonly cell: Cell | IntervalCell;
}

/** An evaluated indicator: its breakdown dimensions and rows. */
export interface Evaluated {
  readonly dims: readonly string[];
  readonly rows: readonly Row[];
}

const key = (geo: string, period: string, breakdown: readonly string[]) => `${geo}|${period}|${breakdown.join(".")}`;
const missing = (why: string): Cell => ({ value: null, flags: "", notes: [`missing: ${why}`] });

/** Eurostat writes a stock on 1 January 2015 as `2015`, Statbel as `2015-01-01`: the other spelling of the same date. */
function sameStock(period: string): string {
  if (/^\d{4}$/.test(period)) return `${period}-01-01`;
  return period.endsWith("-01-01") ? period.slice(0, 4) : period;
}

/** Indexes rows by area, period and breakdown; a row of an evaluation without a breakdown also answers every breakdown. */
function lookup(e: Evaluated): (geo: string, period: string, breakdown: readonly string[], dims: readonly string[]) => Cell | undefined {
  const map = new Map(e.rows.map((r) => [key(r.geo, r.period, r.breakdown), r.cell]));
  return (geo, period, breakdown, dims) => {
    const picked = e.dims.length === 0 ? [] : e.dims.map((d) => breakdown[dims.indexOf(d)] ?? "");
    return map.get(key(geo, period, picked)) ?? map.get(key(geo, sameStock(period), picked));
  };
}

/** The stock on 1 January of a year, whether the dataset writes it `2015` (Eurostat) or `2015-01-01` (Statbel). */
function januaryStocks(e: Evaluated): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const r of e.rows) {
    const p = parsePeriodParts(r.period);
    if (p.kind === "year" || (p.kind === "day" && p.sub === 1 && p.day === 1)) out.set(key(r.geo, String(p.year), r.breakdown), r.cell);
  }
  return out;
}

/**
 * Applies a formula to the evaluated indicators it refers to (in the order of referencesOf): rate, share,
 * balance, gap, diversity or rank. The rows of the first term lead; the other term is matched on area, period and the
 * breakdown codes it has. A missing term gives a missing figure with a note, never a dropped row.
 */
export function applyFormula(compute: IndicatorCompute, terms: readonly Evaluated[]): Evaluated {
  const [a, b] = terms as [Evaluated, Evaluated | undefined];
  switch (compute.kind) {
    case "count": case "published":
      throw new MigmonError(`applyFormula: a ${compute.kind} is read from datasets, not computed from indicators`);
    case "rate": {
      const stocks = januaryStocks(b!);
      const rows = a.rows.map((r) => {
        const year = parsePeriodParts(r.period).year;
        const bd = b!.dims.length === 0 ? [] : b!.dims.map((d) => r.breakdown[a.dims.indexOf(d)] ?? "");
        const p0 = stocks.get(key(r.geo, String(year), bd));
        const p1 = stocks.get(key(r.geo, String(year + 1), bd));
        const population = p0 && p1 ? averagePopulation(p0, p1) : missing(`no population on 1 January ${p0 ? year + 1 : year}`);
        return { ...r, cell: crudeRate(r.cell, population, { per: compute.per, interval: compute.interval, lowCount: compute.lowCount }) };
      });
      return { dims: a.dims, rows };
    }
    case "share": case "balance": case "gap": {
      const other = lookup(b!);
      const rows = a.rows.map((r) => {
        const o = other(r.geo, r.period, r.breakdown, a.dims) ?? missing(`no figure of the ${compute.kind === "share" ? "whole" : "second term"} for ${r.geo} ${r.period}`);
        const cell = compute.kind === "share" ? share(r.cell, o, compute.per) : compute.kind === "balance" ? balance(r.cell, o) : gapInPoints(r.cell, o);
        return { ...r, cell };
      });
      return { dims: a.dims, rows };
    }
    case "rank":
      return rankTop(a, compute.over, compute.top);
    case "diversity": {
      const at = a.dims.indexOf(compute.over);
      if (at < 0) throw new MigmonError(`diversity over ${compute.over}: the indicator has no such breakdown (it has ${a.dims.join(", ") || "none"})`);
      const groups = new Map<string, { row: Row; cells: Cell[] }>();
      for (const r of a.rows) {
        const rest = r.breakdown.filter((_, i) => i !== at);
        const k = key(r.geo, r.period, rest);
        const g = groups.get(k) ?? { row: { ...r, breakdown: rest }, cells: [] };
        g.cells.push(r.cell);
        groups.set(k, g);
      }
      const rows = [...groups.values()].map(({ row, cells }) => ({ ...row, cell: diversity(cells, compute.measure) }));
      return { dims: a.dims.filter((d) => d !== compute.over), rows };
    }
  }
}
