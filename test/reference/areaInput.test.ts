// What a user types as an area, against the curated geography and the shared crosswalk read here directly.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { AreaInputError, resolveAreas } from "../../src/reference/areaInput.ts";
import { areaName } from "../../src/reference/areaNames.ts";
import { Geography, belgianGeography } from "../../src/reference/geography.ts";
import type { GeoLevel, GeoUnit } from "../../src/reference/geography.ts";
import { sameTerritoryCodes } from "../../src/reference/recodes.ts";
import { sharedData } from "../shared-data.ts";

const geography = belgianGeography();
const codes = (inputs: string[]) => resolveAreas(geography, inputs).map((r) => r.code);

describe("resolveAreas", () => {
  it("resolveAreas(geography, codes) keeps REFNIS, Belgian NUTS, ISO, group and foreign NUTS codes as given", () => {
    assert.deepEqual(codes(["11002", "02000", "BE2", "BE335", "NL", "EU27_2020", "WORLD", "DE1", "EL30", "54007"]),
      ["11002", "02000", "BE2", "BE335", "NL", "EU27_2020", "WORLD", "DE1", "EL30", "54007"]);
  });

  it("resolveAreas(geography, codes in lower case) reads them in upper case, with a note", () => {
    const resolved = resolveAreas(geography, ["nl", "be2", "eu27_2020", "el"]);
    assert.deepEqual(resolved.map((r) => r.code), ["NL", "BE2", "EU27_2020", "GR"]);
    assert.equal(resolved[0]?.note, "nl is NL");
  });

  it("resolveAreas(geography, ['EL', 'UK', '01000']) gives GR, GB and BE, each with a note saying why", () => {
    const resolved = resolveAreas(geography, ["EL", "UK", "01000"]);
    assert.deepEqual(resolved.map((r) => r.code), ["GR", "GB", "BE"]);
    assert.ok(resolved.every((r) => r.note !== null));
    assert.match(resolved[2]!.note!, /01000 is Statbel's REFNIS code for Belgium/);
  });

  it("resolveAreas(geography, names) resolves names in nl, fr and en without case, accents or punctuation", () => {
    assert.deepEqual(codes(["Gent", "gand", "LA LOUVIERE", "Pays-Bas", "Nederland", "Netherlands", "Bergen", "Mons"]),
      ["44021", "44021", "58001", "NL", "NL", "NL", "53053", "53053"]);
  });

  it("resolveAreas(geography, ['Deinze', 'Mouscron']) takes the current unit and notes the former codes", () => {
    const [deinze, mouscron] = resolveAreas(geography, ["Deinze", "Mouscron"]);
    assert.equal(deinze?.code, "44083");
    assert.match(deinze?.note ?? "", /44011 before 44083 existed/);
    assert.equal(mouscron?.code, "57096");
    assert.match(mouscron?.note ?? "", /formerly 54007, the same territory/);
  });

  it("resolveAreas(geography, unknown inputs) throws one AreaInputError naming all of them, with names that start alike", () => {
    assert.throws(() => resolveAreas(geography, ["BE", "XX", "99999", "BE99", "Gen"]), (e: unknown) => {
      assert.ok(e instanceof AreaInputError);
      assert.equal(e.exitCode, 2);
      assert.equal(e.httpStatus, 400);
      assert.match(e.message, /^unknown areas "XX", "99999", "BE99", "Gen": give a REFNIS code \(11002\)/);
      assert.match(e.message, /"Gen": did you mean .*71016 Genk \(municipality\), 44021 Gent \(municipality\)\?/);
      return true;
    });
    assert.throws(() => resolveAreas(geography, [" ", ""]), /no area given/);
  });

  it("resolveAreas(geography, [a name two current areas bear]) throws naming the candidates with code and kind", () => {
    // A geography of its own: two current units named alike (as Belgium has none, a made-up pair).
    const unit = (code: string, level: GeoLevel, parent: string | null, nl: string): GeoUnit => ({ code, level, validFrom: null, validTo: null, name: { nl, fr: nl }, parent });
    const small = new Geography([unit("BE", "country", null, "België"), unit("02000", "region", "BE", "Vlaams Gewest"),
      unit("10000", "province", "02000", "Hoogdorp"), unit("11000", "arrondissement", "10000", "Arrondissement Hoogdorp"),
      unit("11001", "municipality", "11000", "Hoogdorp")], [], []);
    assert.throws(() => resolveAreas(small, ["hoogdorp"]), (e: unknown) => e instanceof AreaInputError
      && e.message === '"hoogdorp" names 10000 Hoogdorp (province), 11001 Hoogdorp (municipality): give the code');
  });
});

describe("sameTerritoryCodes", () => {
  it("sameTerritoryCodes(geography, code) links the crosswalk's 11 recoded municipalities to their old codes, and nothing merged", () => {
    const rows = parse(readFileSync(sharedData("statbel/municipality_crosswalk_2019_2025.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    const recoded = rows.filter((r) => r.relationship === "recoded");
    assert.equal(recoded.length, 11);
    for (const r of recoded) {
      assert.deepEqual(sameTerritoryCodes(geography, r.new_nis!), [r.old_nis, r.new_nis]);
      assert.deepEqual(sameTerritoryCodes(geography, r.old_nis!), [r.old_nis, r.new_nis]);
    }
    for (const r of rows.filter((x) => x.relationship !== "recoded")) {
      assert.ok(!sameTerritoryCodes(geography, r.new_nis!).includes(r.old_nis!), `${r.old_nis} -> ${r.new_nis} is a merger`);
    }
    assert.deepEqual(sameTerritoryCodes(geography, "21004"), ["21004"]);
  });
});

describe("areaName", () => {
  it("areaName(geography, code, lang) names Belgian units, Belgian NUTS codes, countries (also EL) and groups; null for unknown", () => {
    assert.equal(areaName(geography, "44021", "fr"), "Gand");
    assert.equal(areaName(geography, "58001", "en"), "La Louvière");
    assert.equal(areaName(geography, "BE2", "nl"), "Vlaams Gewest");
    assert.equal(areaName(geography, "BE", "en"), "Belgium");
    assert.equal(areaName(geography, "EL", "nl"), "Griekenland");
    assert.equal(areaName(geography, "GR", "fr"), "Grèce");
    assert.equal(areaName(geography, "XX", "en"), null);
  });
});
