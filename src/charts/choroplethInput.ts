import type { Feature, MultiPolygon, Polygon } from "geojson";
import type { Lang } from "../i18n/index.ts";
import type { ClassMethod } from "./classBreaks.ts";
import type { MapProjectionName } from "./mapProjection.ts";

/** An area's shape keyed by its code, as `loadBoundaries` (src/reference) gives them. */
export type MapShape = Feature<Polygon | MultiPolygon, { readonly code: string } & Readonly<Record<string, unknown>>>;

/** An area's figure: the value or null when missing, and its canonical flags (`u` low reliability, ...). */
export interface MapValue {
  readonly value: number | null;
  readonly flags: string;
}

/** What a choropleth shows: shapes, their figures by code, names, the classing and the language. */
export interface ChoroplethInput {
  readonly shapes: readonly MapShape[];
  /** Figures by area code; an area without one is drawn as missing. */
  readonly values: Readonly<Record<string, MapValue>>;
  /** Area names by code in the map's language; the code is shown where a name is absent. */
  readonly names?: Readonly<Record<string, string>>;
  readonly unit: string;
  readonly lang: Lang;
  readonly title?: string;
  readonly projection: MapProjectionName;
  /** Classing: method and number of classes; natural breaks in 5 classes when absent. */
  readonly classes?: { readonly method: ClassMethod; readonly count: number };
  /** Decimals in the legend, tooltips and table; every digit when absent. */
  readonly fractionDigits?: number;
}
