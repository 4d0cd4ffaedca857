import { readFileSync } from "node:fs";
import path from "node:path";
import { rewind } from "@turf/rewind";
import { feature } from "topojson-client";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import { InputError, NotFoundError, UsageError } from "../core/index.ts";
import { isoCountryOfNuts } from "./areaNames.ts";

/**
 * The map layers we serve: Belgian municipalities, arrondissements and provinces on the boundaries of 2019
 * (keyed by NIS code, like the geography), and the NUTS 2021 levels 0-3 of Europe (keyed by NUTS id).
 */
export type BoundaryLayer = "municipalities" | "arrondissements" | "provinces" | "nuts0" | "nuts1" | "nuts2" | "nuts3";

/** A boundary shape as GeoJSON, rings wound as RFC 7946 asks (exterior counterclockwise, holes clockwise). */
export type BoundaryFeature = Feature<Polygon | MultiPolygon, Record<string, unknown> & { code: string }>;

interface LayerSource {
  readonly file: string;
  readonly object: string;
  /** The property holding the key; the first one present is used. */
  readonly keys: readonly string[];
  /** Key countries by ISO 3166 code (GR, GB) rather than NUTS id (EL, UK), as every figure of the store is. */
  readonly isoCountries?: boolean;
}

// Brussels-Capital has no province: its shape in the `provinces` object carries only the region code (04000).
const sources: Record<BoundaryLayer, LayerSource> = {
  municipalities: { file: "geo/belgium_municipalities_2019_581.topojson", object: "municipalities", keys: ["nis"] },
  arrondissements: { file: "geo/belgium_municipalities_2019_581.topojson", object: "arrondissements", keys: ["nis"] },
  provinces: { file: "geo/belgium_municipalities_2019_581.topojson", object: "provinces", keys: ["nis", "reg_nis"] },
  nuts0: { file: "geo/nuts2021_60M_4326_levels0-3.topojson", object: "nuts0", keys: ["NUTS_ID"], isoCountries: true },
  nuts1: { file: "geo/nuts2021_60M_4326_levels0-3.topojson", object: "nuts1", keys: ["NUTS_ID"] },
  nuts2: { file: "geo/nuts2021_60M_4326_levels0-3.topojson", object: "nuts2", keys: ["NUTS_ID"] },
  nuts3: { file: "geo/nuts2021_60M_4326_levels0-3.topojson", object: "nuts3", keys: ["NUTS_ID"] },
};

/** The file (relative to the mirror directory) that holds a layer. */
export function boundaryFile(layer: BoundaryLayer): string {
  return sources[layer].file;
}

/**
 * Reads one boundary layer from the mirror directory (laid out like ../shared/data: `geo/*.topojson`), converts
 * it to GeoJSON with topojson-client and rewinds every ring to RFC 7946. Returns the shapes keyed by code (NIS
 * code for Belgian layers, NUTS id for NUTS layers 1-3, the ISO code for countries: Greece is GR and the United
 * Kingdom GB, as the store codes their figures, where GISCO's NUTS 0 ids are EL and UK; NUTS_ID keeps the id). Throws UsageError for an unknown layer and InputError naming
 * the file for a shape without a key or with a key used twice, NotFoundError when the mirror lacks the file.
 */
export function loadBoundaries(mirrorDir: string, layer: BoundaryLayer): Map<string, BoundaryFeature> {
  const source = sources[layer];
  if (source === undefined) throw new UsageError(`unknown boundary layer ${JSON.stringify(layer)}; known: ${Object.keys(sources).join(", ")}`);
  const file = path.join(mirrorDir, source.file);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new NotFoundError(`boundary layer ${layer}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const topology = JSON.parse(text) as Topology;
  const object = topology.objects[source.object] as GeometryCollection | undefined;
  if (object === undefined) throw new InputError(file, undefined, `no TopoJSON object ${JSON.stringify(source.object)}`);
  const collection = feature(topology, object) as FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;
  const out = new Map<string, BoundaryFeature>();
  collection.features.forEach((f, i) => {
    const props = f.properties ?? {};
    const found = source.keys.map((k) => props[k]).find((v) => typeof v === "string" && v !== "");
    if (typeof found !== "string") throw new InputError(file, undefined, `shape ${i} of ${source.object} has no ${source.keys.join(" or ")}`);
    const key = source.isoCountries === true ? isoCountryOfNuts(found) : found;
    if (out.has(key)) throw new InputError(file, undefined, `code ${JSON.stringify(key)} has two shapes in ${source.object}`);
    const wound = rewind(f, { mutate: true }) as Feature<Polygon | MultiPolygon, Record<string, unknown>>;
    out.set(key, { ...wound, properties: { ...props, code: key } });
  });
  return out;
}
