import { UnknownCodeError } from "../core/index.ts";
import type { ClassBreaks } from "./classBreaks.ts";
import { classBreaks, classIndex } from "./classBreaks.ts";
import type { ChoroplethInput, MapValue } from "./choroplethInput.ts";

/** One area of a map with its figure and class (null when the figure is missing). */
export interface MapArea {
  readonly code: string;
  readonly name: string;
  readonly value: number | null;
  readonly flags: string;
  readonly classIndex: number | null;
}

export interface MapClasses {
  readonly breaks: ClassBreaks | null;
  readonly areas: readonly MapArea[];
}

/**
 * Joins a map's shapes to their figures and classes them (natural breaks in 5 classes unless the input says
 * otherwise); an area without a figure, or with a null one, gets no class. Throws UnknownCodeError listing the
 * codes that have a figure but no shape, since such a figure would silently not be drawn.
 */
export function classifyMap(input: ChoroplethInput): MapClasses {
  const codes = new Set(input.shapes.map((s) => s.properties.code));
  const unknown = Object.keys(input.values).filter((code) => !codes.has(code));
  if (unknown.length > 0) throw new UnknownCodeError("map values", "area", unknown.sort());
  const valueOf = (code: string): MapValue => input.values[code] ?? { value: null, flags: "" };
  const known = input.shapes.flatMap((s) => {
    const v = valueOf(s.properties.code).value;
    return v === null ? [] : [v];
  });
  const method = input.classes?.method ?? "jenks";
  const breaks = known.length === 0 ? null : classBreaks(known, method, input.classes?.count ?? 5);
  const areas = input.shapes.map((s) => {
    const code = s.properties.code;
    const { value, flags } = valueOf(code);
    return { code, name: input.names?.[code] ?? code, value, flags, classIndex: value === null || breaks === null ? null : classIndex(breaks.uppers, value) };
  });
  return { breaks, areas };
}
