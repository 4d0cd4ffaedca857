import { geoArea } from "d3-geo";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";

/**
 * The shapes with their rings wound as d3-geo reads them. RFC 7946 GeoJSON (what `loadBoundaries` gives) winds
 * exterior rings counterclockwise; d3-geo works on the sphere and takes a ring's interior to be on its right,
 * so it reads such a polygon as the whole globe minus the area and would paint the map over. A polygon whose
 * spherical area exceeds a hemisphere (2π steradians) is such a case and gets every ring reversed; shapes
 * already wound for d3 come back as they are.
 */
export function windForD3<P>(shapes: readonly Feature<Polygon | MultiPolygon, P>[]): Feature<Polygon | MultiPolygon, P>[] {
  const fix = (polygon: Position[][]): Position[][] =>
    geoArea({ type: "Polygon", coordinates: polygon }) > 2 * Math.PI ? polygon.map((ring) => [...ring].reverse()) : polygon;
  return shapes.map((shape) => {
    const geometry: Polygon | MultiPolygon =
      shape.geometry.type === "Polygon"
        ? { type: "Polygon", coordinates: fix(shape.geometry.coordinates) }
        : { type: "MultiPolygon", coordinates: shape.geometry.coordinates.map(fix) };
    return { ...shape, geometry };
  });
}
