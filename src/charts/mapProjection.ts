import type { GeoProjection } from "d3-geo";
import { geoAzimuthalEqualArea, geoCentroid, geoConicConformal, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";

/**
 * The projections of the monitor's maps. `belgium`: Lambert conformal conic with the parameters of Belgian
 * Lambert 2008 (EPSG:3812; standard parallels 49°50' and 51°10', central meridian 4°21'33.177"), fitted to the
 * shapes drawn. `europe`: Lambert azimuthal equal-area centred at 52°N 10°E as ETRS89-LAEA (EPSG:3035, the
 * projection of Eurostat's maps; equal area, so a region's colour covers its true share of the map), fitted to
 * the European mainland (see `europeMainland`).
 */
export type MapProjectionName = "belgium" | "europe";

/**
 * The extent a map of Europe is fitted to, in degrees: longitude -25 to 45, latitude 34 to 72. NUTS regions of
 * France, Portugal, Spain and Norway include shapes far away (French Guiana, Réunion, the Azores, the Canaries,
 * Svalbard); fitting the frame to all shapes shrinks the continent to a corner. Each polygon whose centroid lies
 * outside this box is left out of the fit, and the projection clips to the frame, so those parts fall outside.
 */
export const europeMainland = { west: -25, east: 45, south: 34, north: 72 } as const;

/** A frame in pixels: the rectangle the shapes are fitted into. */
export interface MapFrame {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

type Shape = Feature<Polygon | MultiPolygon>;

/** The polygons of a shape, each as its rings. */
function polygonsOf(shape: Shape): Position[][][] {
  return shape.geometry.type === "Polygon" ? [shape.geometry.coordinates] : shape.geometry.coordinates;
}

/**
 * The part of the shapes a map of Europe is fitted to: every polygon whose centroid lies in `europeMainland`.
 */
export function mainlandParts(shapes: readonly Shape[]): FeatureCollection<MultiPolygon> {
  const { west, east, south, north } = europeMainland;
  const coordinates = shapes.flatMap((shape) =>
    polygonsOf(shape).filter((polygon) => {
      const [lon, lat] = geoCentroid({ type: "Polygon", coordinates: polygon });
      return lon >= west && lon <= east && lat >= south && lat <= north;
    }),
  );
  return { type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: { type: "MultiPolygon", coordinates } }] };
}

/** What a projection is fitted to: the mainland parts for `europe`, every shape for `belgium`. */
function fitTarget(name: MapProjectionName, shapes: readonly Shape[]): FeatureCollection {
  return name === "europe" ? mainlandParts(shapes) : { type: "FeatureCollection", features: [...shapes] };
}

/** The unfitted projection of a name. */
export function baseProjection(name: MapProjectionName): GeoProjection {
  return name === "belgium"
    ? geoConicConformal().parallels([49 + 50 / 60, 51 + 10 / 60]).rotate([-(4 + 21 / 60 + 33.177 / 3600), 0])
    : geoAzimuthalEqualArea().rotate([-10, -52]);
}

/**
 * A d3-geo projection fitted (`fitExtent`) so the shapes fill the frame: all shapes for `belgium`, the mainland
 * parts (`mainlandParts`) for `europe`; it clips to the frame (`clipExtent`) so parts outside it are not drawn.
 */
export function fitMapProjection(name: MapProjectionName, shapes: readonly Shape[], frame: MapFrame): GeoProjection {
  const target = fitTarget(name, shapes);
  const extent: [[number, number], [number, number]] = [[frame.left, frame.top], [frame.right, frame.bottom]];
  return baseProjection(name).fitExtent(extent, target).clipExtent(extent);
}

/**
 * The height in pixels that the shapes (or, for `europe`, their mainland parts) take when fitted to `width`
 * pixels, rounded up: the height that makes a map of that width without empty bands.
 */
export function fittedHeight(name: MapProjectionName, shapes: readonly Shape[], width: number): number {
  const target = fitTarget(name, shapes);
  const [[, y0], [, y1]] = geoPath(baseProjection(name).fitWidth(width, target)).bounds(target);
  return Math.ceil(y1 - y0);
}
