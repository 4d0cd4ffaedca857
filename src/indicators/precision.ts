import type { Indicator } from "./catalogue.ts";

// Digits shown per unit when an indicator declares no `decimals`: counts are whole; percentages, rates per 1,000
// and points are published by Eurostat and Statbel with one decimal; entropies and probabilities need three to
// tell municipalities apart (Gini-Simpson indices of 0.912 and 0.918 are different places).
const decimalsByUnit: Readonly<Record<string, number>> = {
  persons: 0, permits: 0, nationalities: 0,
  percent: 1, "percentage points": 1, "per 1,000 inhabitants": 1, "per 100 non-nationals": 1,
  groups: 2, nats: 3, probability: 3,
};

/** Digits after the decimal point an indicator's figures are shown with: its `decimals`, else by unit, else 2. */
export function decimalsOf(indicator: Pick<Indicator, "unit" | "decimals">): number {
  return indicator.decimals ?? decimalsByUnit[indicator.unit] ?? 2;
}

/**
 * A figure rounded for display to `decimals` digits (half away from zero, as Eurostat rounds), so that floating
 * point noise such as 4.800000000000001 never reaches a table. Null stays null. Exports keep the full value.
 */
export function roundForDisplay(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  // Twelve significant digits first, so a product such as 1.005 x 100 = 100.49999999999999 rounds as written.
  const rounded = Math.sign(value) * Math.round(Number((Math.abs(value) * factor).toPrecision(12))) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}
