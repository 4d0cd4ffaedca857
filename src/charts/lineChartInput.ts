import type { Lang } from "../i18n/index.ts";

/** One figure of a series: its period (`2019`, `2019-Q1`, `2019-03`), value or null when missing, and flags. */
export interface LinePoint {
  readonly period: string;
  readonly value: number | null;
  /** Canonical flag string of src/core (`bep`), empty for none. */
  readonly flags: string;
}

/** One line: an area's series, with a stable key (the area code) and the label shown to readers. */
export interface LineSeries {
  readonly key: string;
  readonly label: string;
  readonly points: readonly LinePoint[];
}

export type ChartEventKind = "policy" | "context" | "statistical";

/** A register event drawn as a labelled vertical rule at its date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`). */
export interface ChartEvent {
  readonly date: string;
  /** Short title in the chart's language. */
  readonly label: string;
  readonly kind: ChartEventKind;
  /** DEMIG POLICY direction: +1 more restrictive, -1 less restrictive, 0 neither. */
  readonly direction: -1 | 0 | 1;
  /** False for entries not yet checked against their sources: drawn dashed and called unchecked. */
  readonly checked: boolean;
  /** A few sentences in the chart's language. */
  readonly summary: string;
  /** The first source URL. */
  readonly source: string;
}

/** What a line chart shows: series over time, optional events, the unit and the language of every text. */
export interface LineChartInput {
  readonly series: readonly LineSeries[];
  readonly events?: readonly ChartEvent[];
  /** The unit or measure, in the chart's language, e.g. `persons`; the y axis label. */
  readonly unit: string;
  readonly lang: Lang;
  /** The chart's title (its SVG `<title>`); the unit when absent. */
  readonly title?: string;
  /** Decimals written in tooltips, text alternative and table; every digit of the value when absent. */
  readonly fractionDigits?: number;
}

/** Flags that make a figure provisional or estimated: drawn hollow (p provisional, e estimated, s Eurostat estimate, f forecast). */
export const hollowFlags = ["p", "e", "s", "f"] as const;

/** Whether a point's flags make it provisional or estimated (drawn hollow). */
export function isHollow(flags: string): boolean {
  return hollowFlags.some((code) => flags.includes(code));
}

/** Whether a point starts a new series definition (flag b, break in time series). */
export function isBreak(flags: string): boolean {
  return flags.includes("b");
}
