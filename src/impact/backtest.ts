import type { MunicipalStocks, NationalSeries } from "./baseline.ts";
import { projectSeries } from "./projection.ts";
import type { Bounded } from "./quantity.ts";
import { addBounded } from "./quantity.ts";
import { allocationHalfWidth, allocationResiduals } from "./allocationError.ts";
import { makeRegionalKeys, projectRegionalChanges } from "./regionalInflow.ts";

/** One projection compared with what happened. */
export interface BacktestPoint {
  readonly area: string;
  readonly origin: number;
  readonly year: number;
  readonly horizon: number;
  readonly projected: Bounded;
  readonly actual: number;
}

/** Errors and coverage of one level (or one horizon of it). */
export interface BacktestSummary {
  readonly points: number;
  /** Mean absolute percentage error, 100 |projected - actual| / |actual|, over the points whose actual is not 0. */
  readonly mape: number | null;
  /** Points left out of the MAPE because the actual value was 0. */
  readonly zeroActuals: number;
  /** Share of points whose actual value lies inside the interval (bounds included). */
  readonly coverage: number | null;
}

/** A level of the back-test: what was projected, how, and how well. */
export interface BacktestLevel extends BacktestSummary {
  readonly level: string;
  readonly series: string;
  readonly method: string;
  readonly origins: readonly number[];
  readonly byHorizon: readonly ({ readonly horizon: number } & BacktestSummary)[];
}

/** MAPE and interval coverage of points, as defined in {@link BacktestSummary}. */
export function summarise(points: readonly BacktestPoint[]): BacktestSummary {
  let ape = 0;
  let counted = 0;
  let inside = 0;
  for (const p of points) {
    if (p.actual !== 0) {
      ape += (100 * Math.abs(p.projected.value - p.actual)) / Math.abs(p.actual);
      counted++;
    }
    if (p.actual >= p.projected.lower && p.actual <= p.projected.upper) inside++;
  }
  return { points: points.length, mape: counted === 0 ? null : ape / counted, zeroActuals: points.length - counted, coverage: points.length === 0 ? null : inside / points.length };
}

function level(name: string, series: string, method: string, points: readonly BacktestPoint[]): BacktestLevel {
  const horizons = [...new Set(points.map((p) => p.horizon))].sort((a, b) => a - b);
  return {
    level: name, series, method, origins: [...new Set(points.map((p) => p.origin))].sort((a, b) => a - b),
    ...summarise(points),
    byHorizon: horizons.map((h) => ({ horizon: h, ...summarise(points.filter((p) => p.horizon === h)) })),
  };
}

/**
 * Back-tests the municipal baseline: with stocks up to 1 January T (T from the third stock year on), projects each
 * region's non-Belgian net change for years T..T+2 exactly as the model does (by region, sex and age group, then
 * the sum, shared by the non-Belgian population of T), and compares each year that has an outcome (a change of
 * year y needs the stock of y + 1) at region and municipality level. The net change itself is compared, not the
 * arrivals the model derives from it (those are cut at 0).
 */
export function backtestMunicipal(stocks: MunicipalStocks, levelPercent: number): BacktestLevel[] {
  const { regional, municipal, method } = municipalBacktestPoints(stocks, levelPercent);
  const series = "net change of the non-Belgian population (statbel:pop_by_municipality_nationality_sex_agegroup)";
  return [level("region", series, method, regional), level("municipality", series, `${method}, shared by the non-Belgian population of the origin year, widened by the past sharing error`, municipal)];
}

/** The points behind {@link backtestMunicipal}: every region and municipality, origin and year compared. */
export function municipalBacktestPoints(stocks: MunicipalStocks, levelPercent: number): { regional: BacktestPoint[]; municipal: BacktestPoint[]; method: string } {
  const years = stocks.years;
  const last = years.at(-1)!;
  const actual = new Map<string, Map<number, number>>();
  for (const [key, byYear] of stocks.cells) {
    const refnis = key.split("|")[0]!;
    const m = actual.get(refnis) ?? new Map<number, number>();
    actual.set(refnis, m);
    for (const y of years) if (y < last) m.set(y, (m.get(y) ?? 0) + (byYear.get(y + 1) ?? 0) - (byYear.get(y) ?? 0));
  }
  const regionalPoints: BacktestPoint[] = [];
  const municipalPoints: BacktestPoint[] = [];
  const methods = new Set<string>();
  for (const origin of years.slice(2)) {
    if (origin >= last) break;
    const cells = projectRegionalChanges(stocks, origin, origin + 2, levelPercent);
    const keys = makeRegionalKeys(stocks, origin, origin, "non-belgian-stock", null);
    const residuals = allocationResiduals(stocks, origin, origin, keys);
    for (const c of cells) methods.add(c.projection.method);
    for (let year = origin; year <= Math.min(origin + 2, last - 1); year++) {
      for (const k of keys) {
        const parts = cells.filter((c) => c.region === k.region).map((c) => c.projection.values[year - c.lastChangeYear - 1]!);
        const total = addBounded(parts);
        let regional = 0;
        for (const [code, share] of k.key) {
          const a = actual.get(code)?.get(year) ?? 0;
          regional += a;
          // As the model shows a municipality: its share of the regional interval, widened by the sharing error
          // of the years up to the origin. Net change may be negative, so nothing is cut at 0 here.
          const shared = { value: total.value * share, lower: total.lower * share, upper: total.upper * share };
          const hw = allocationHalfWidth(residuals, [code], levelPercent);
          const projected = { value: shared.value, lower: shared.value - Math.hypot(shared.value - shared.lower, hw), upper: shared.value + Math.hypot(shared.upper - shared.value, hw) };
          municipalPoints.push({ area: code, origin, year, horizon: year - origin + 1, projected, actual: a });
        }
        regionalPoints.push({ area: k.region, origin, year, horizon: year - origin + 1, projected: total, actual: regional });
      }
    }
  }
  return { regional: regionalPoints, municipal: municipalPoints, method: [...methods].join(", ") };
}

/**
 * Back-tests a national annual series: with values up to year T (at least 4), projects T+1..T+3 as the model does
 * (ETS (A,N,N) from 7 values, else the mean forecast) and compares every year that has an outcome.
 */
export function backtestNational(name: string, series: NationalSeries, levelPercent: number): BacktestLevel {
  const points: BacktestPoint[] = [];
  const methods = new Set<string>();
  for (let end = 4; end < series.values.length; end++) {
    const origin = series.years[end - 1]!;
    const projection = projectSeries(series.values.slice(0, end), 3, levelPercent, name);
    methods.add(projection.method);
    for (let h = 1; h <= 3 && end - 1 + h < series.values.length; h++) {
      points.push({ area: "BE", origin, year: series.years[end - 1 + h]!, horizon: h, projected: projection.values[h - 1]!, actual: series.values[end - 1 + h]! });
    }
  }
  return level("country", `${name} (${series.source})`, [...methods].join(", "), points);
}
