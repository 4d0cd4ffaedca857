import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../core/index.ts";
import { checkCountryDimensionCodes, groupMembersOn, listCountries, listCountryGroups, readCountryGroups } from "./countries.ts";

describe("country code list", () => {
  it("listCountries() holds ISO alpha-2 codes with nl/fr/en names, XK Kosovo, and not Eurostat's EL/UK", () => {
    const countries = new Map(listCountries().map((c) => [c.code, c]));
    assert.deepEqual(countries.get("BE")?.names, { nl: "België", fr: "Belgique", en: "Belgium" });
    assert.equal(countries.get("XK")?.names.en, "Kosovo");
    assert.ok(countries.has("GR") && countries.has("GB"));
    assert.ok(!countries.has("EL") && !countries.has("UK"));
  });

  it("listCountryGroups() gives EU27_2020 the 27 member states and EU28 those plus GB until 2020", () => {
    const groups = new Map(listCountryGroups().map((g) => [g.code, g]));
    const eu27 = groups.get("EU27_2020")?.members ?? [];
    assert.equal(eu27.length, 27);
    assert.ok(!eu27.includes("GB"));
    assert.deepEqual([...(groups.get("EU28")?.members ?? [])].sort(), [...eu27, "GB"].sort());
    assert.equal(groups.get("EU28")?.valid?.until, "2020-01-31");
    // EA20 = EA19 + HR (Croatia adopted the euro on 1 January 2023)
    assert.deepEqual([...(groups.get("EA20")?.members ?? [])].sort(), [...(groups.get("EA19")?.members ?? []), "HR"].sort());
  });

  it("groupMembersOn(code, date) is the member list inside the validity period and empty outside it", () => {
    assert.equal(groupMembersOn("EU28", "2019-06-30").length, 28);
    assert.deepEqual(groupMembersOn("EU28", "2020-02-01"), []);
    assert.equal(groupMembersOn("EU27_2020", "2024-01-01").length, 27);
    assert.throws(() => groupMembersOn("TOTAL", "2024-01-01"), InputError);
  });

  it("checkCountryDimensionCodes(dimension, codes) accepts countries, groups and geo NUTS codes, and returns the rest", () => {
    assert.deepEqual(checkCountryDimensionCodes("geo", ["BE", "GR", "EU27_2020", "BE335", "EL30", "UKI3", "BEZZZ", "EL", "UK", "XX1", "BE", "Belgium"]),
      ["EL", "UK", "XX1", "Belgium"]);
    assert.deepEqual(checkCountryDimensionCodes("citizen", ["FOR", "STLS", "EU27_2020_FOR", "XK", "BE21"]), ["BE21"]);
  });

  it("readCountryGroups(yaml) throws InputError for an unknown member and for a missing name", () => {
    const group = (members: string) => `groups:\n  - code: G1\n    kind: member-states\n    names: { en: a, nl: b, fr: c }\n    members: [${members}]\n`;
    assert.throws(() => readCountryGroups(group("BE, EL"), "g.yaml"), /unknown members EL in g\.yaml/);
    assert.throws(() => readCountryGroups("groups:\n  - code: G1\n    kind: category\n    names: { en: a }\n", "g.yaml"), InputError);
  });
});
