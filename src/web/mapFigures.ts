// Which figure each shape of a map layer shows, and for every shape without one, why: the one place the map page
// matches the API's area codes to the boundary layer's codes. Pure (no DOM, no fetch), so the map test can check
// every area of a layer and year against the store without a browser.
import type { MapValue } from "../charts/index.ts";
import type { IndicatorFigure } from "./apiTypes.ts";

/** Why a shape has no figure: the data has no row for it, or its row has no value (flags and notes say why). */
export type MissingReason = "notInData" | "noValue";

/** The figures of one period placed on the shapes of a layer. */
export interface PlacedFigures {
  /** By shape code: the figure with its flags. */
  readonly values: Readonly<Record<string, MapValue>>;
  /** By shape code, the area code of the API the figure came from (a REFNIS code shown on a NUTS shape). */
  readonly sources: Readonly<Record<string, string>>;
  /** By shape code, for every shape without a value: why not. */
  readonly missing: Readonly<Record<string, MissingReason>>;
  /** By shape code, the notes of a figure without a value (e.g. "missing: no figure for municipality 21004"). */
  readonly notes: Readonly<Record<string, readonly string[]>>;
}

/**
 * Places the figures of `period` (plain figures only, no breakdown) on the shapes: a figure goes to the shape
 * `shapeOf` finds for its area code (the code itself, or its NUTS code on a NUTS layer). Every shape ends up with
 * a value, or in `missing` with the reason. Figures whose area has no shape are left out (a layer of Belgium
 * shows no Dutch figure).
 */
export function placeFigures(shapeCodes: readonly string[], figures: readonly IndicatorFigure[], period: string, shapeOf: (code: string) => string | undefined): PlacedFigures {
  const values: Record<string, MapValue> = {};
  const sources: Record<string, string> = {};
  const notes: Record<string, readonly string[]> = {};
  for (const f of figures) {
    if (f.breakdown !== undefined || f.period !== period) continue;
    const code = shapeOf(f.geo);
    if (code === undefined) continue;
    // Two areas on one shape (BE2 and 02000 asked together) keep the first figure with a value.
    if (values[code]?.value !== undefined && values[code]?.value !== null) continue;
    values[code] = { value: f.value, flags: f.flags };
    sources[code] = f.geo;
    if (f.value === null && f.notes !== undefined) notes[code] = f.notes;
  }
  const missing: Record<string, MissingReason> = {};
  for (const code of shapeCodes) {
    const v = values[code];
    if (v === undefined) missing[code] = "notInData";
    else if (v.value === null) missing[code] = "noValue";
  }
  return { values, sources, missing, notes };
}

// Brussels-Capital is a region with no province: on the province layers it is drawn as its own unit, with its
// region's figure and a name saying so, rather than left grey. Its shape is 04000 among the provinces and BE10
// (the NUTS 2 region of the same territory) among the NUTS 2 regions.
export const brusselsRegion = "04000";
const brusselsShapes: Readonly<Record<string, string>> = { provinces: brusselsRegion, nuts2: "BE10" };

/** The shape Brussels-Capital's region figure is drawn on in a layer, or undefined when the layer has its own unit. */
export function brusselsShapeOf(layer: string): string | undefined {
  return brusselsShapes[layer];
}

/**
 * How a layer finds the shape of an area code: Brussels' region on the province layers (brusselsShapeOf), the code
 * itself when the layer has it (REFNIS on Belgian layers, ISO on NUTS 0, NUTS ids), else the area's NUTS 2021 code
 * (a province's figure under 10000 on the NUTS 2 shape BE21).
 */
export function shapeFinder(layer: string, shapeCodes: ReadonlySet<string>, nuts2021Of: (code: string) => string | null | undefined): (code: string) => string | undefined {
  const brussels = brusselsShapeOf(layer);
  return (code) => {
    if (code === brusselsRegion && brussels !== undefined) return brussels;
    if (shapeCodes.has(code)) return code;
    const nuts = nuts2021Of(code);
    return nuts !== null && nuts !== undefined && shapeCodes.has(nuts) ? nuts : undefined;
  };
}
