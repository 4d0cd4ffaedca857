import { test } from "node:test";
import assert from "node:assert/strict";
import type { Position } from "geojson";
import { loadBoundaries } from "../../src/reference/boundaries.ts";
import { geographyOn } from "../../src/reference/geography.ts";
import { sharedDataDir } from "../shared-data.ts";
import { NotFoundError } from "../../src/core/index.ts";

/** Twice the signed area of a ring (shoelace); positive when the ring runs counterclockwise. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum;
}

test("loadBoundaries(mirror, 'municipalities') has exactly one shape per municipality of the 2019 geography and no other", () => {
  const shapes = loadBoundaries(sharedDataDir, "municipalities");
  const codes = geographyOn("2019-01-01").filter((u) => u.level === "municipality").map((u) => u.code).sort();
  assert.equal(codes.length, 581);
  assert.deepEqual([...shapes.keys()].sort(), codes);
});

test("loadBoundaries(mirror, layer) keys arrondissements and provinces by the geography's codes (Brussels by its region)", () => {
  const units = geographyOn("2019-01-01");
  const arr = loadBoundaries(sharedDataDir, "arrondissements");
  assert.deepEqual([...arr.keys()].sort(), units.filter((u) => u.level === "arrondissement").map((u) => u.code).sort());
  const prov = loadBoundaries(sharedDataDir, "provinces");
  assert.deepEqual([...prov.keys()].sort(), [...units.filter((u) => u.level === "province").map((u) => u.code), "04000"].sort());
});

test("loadBoundaries(mirror, layer) winds exterior rings counterclockwise and holes clockwise (RFC 7946)", () => {
  for (const layer of ["municipalities", "nuts3"] as const) {
    for (const [code, f] of loadBoundaries(sharedDataDir, layer)) {
      const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const rings of polygons) {
        rings.forEach((ring, i) => {
          const a = signedArea(ring);
          if (a === 0) return;
          assert.ok(i === 0 ? a > 0 : a < 0, `${layer} ${code} ring ${i} winding`);
        });
      }
    }
  }
});

test("loadBoundaries(mirror, 'nuts3') has the 44 Belgian NUTS 2021 regions keyed by NUTS id", () => {
  const nuts3 = loadBoundaries(sharedDataDir, "nuts3");
  const be = [...nuts3.keys()].filter((k) => k.startsWith("BE"));
  assert.equal(be.length, 44);
  assert.ok(be.includes("BE32A") && be.includes("BE329"));
  assert.equal(loadBoundaries(sharedDataDir, "nuts0").get("BE")?.properties.code, "BE");
});

test("loadBoundaries(mirror, 'nuts0') keys Greece and the United Kingdom by ISO GR and GB, as the store codes their figures", () => {
  const nuts0 = loadBoundaries(sharedDataDir, "nuts0");
  assert.equal(nuts0.get("GR")?.properties.NUTS_ID, "EL");
  assert.equal(nuts0.get("GB")?.properties.NUTS_ID, "UK");
  assert.ok(!nuts0.has("EL") && !nuts0.has("UK"));
  // NUTS 1-3 keep the NUTS ids, whose prefix is Eurostat's.
  assert.ok(loadBoundaries(sharedDataDir, "nuts1").has("EL3"));
});

test("loadBoundaries(dir, layer) throws a NotFoundError naming the file when the mirror lacks it", () => {
  assert.throws(() => loadBoundaries("/nonexistent-mirror", "nuts1"), (e: unknown) =>
    e instanceof NotFoundError && e.message.includes("/nonexistent-mirror/geo/nuts2021_60M_4326_levels0-3.topojson"));
});
