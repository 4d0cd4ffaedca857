import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { listCountries } from "../../src/reference/countries.ts";
import { listNationalityGroups, nationalityGroupsOn } from "../../src/reference/nationalityGroups.ts";
import { sharedData } from "../shared-data.ts";

/** UN M49 regions per ISO alpha-2 code, read with plain code from the IOM copy of the M49 table (PROVENANCE.md 5). */
function m49Regions(): Map<string, { region: string; subregion: string }> {
  const lines = readFileSync(sharedData("international/iom_gdidata/countrynames_iso_m49_regions.csv"), "utf8").trim().split("\n");
  const split = (line: string) => line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, "").replace(/^"|"$/g, ""));
  const head = split(lines[0]!);
  const out = new Map<string, { region: string; subregion: string }>();
  for (const line of lines.slice(1)) {
    const f = split(line);
    const iso2 = f[head.indexOf("iso2")]!;
    if (iso2 !== "") out.set(iso2, { region: f[head.indexOf("region")]!, subregion: f[head.indexOf("subregion")]! });
  }
  return out;
}

describe("nationality groups (data/reference/country-groups.yaml)", () => {
  const dates = ["1994-06-30", "2004-05-01", "2007-01-01", "2013-06-30", "2013-07-01", "2020-01-31", "2020-02-01", "2024-01-01"];

  it("nationalityGroupsOn(date) puts every country but Antarctica in exactly one group on each date", () => {
    const countries = listCountries().map((c) => c.code).filter((c) => c !== "AQ");
    for (const date of dates) {
      const groups = nationalityGroupsOn(date);
      const missing = countries.filter((c) => !groups.has(c));
      assert.deepEqual(missing, [], `${date}: countries in no group`);
    }
  });

  it("nationalityGroupsOn(date) moves Croatia into EU13 on 2013-07-01 and the United Kingdom out of EU14 on 2020-02-01", () => {
    assert.equal(nationalityGroupsOn("2013-06-30").get("HR"), "EUR_NON_EU");
    assert.equal(nationalityGroupsOn("2013-07-01").get("HR"), "EU13");
    assert.equal(nationalityGroupsOn("2020-01-31").get("GB"), "EU14");
    assert.equal(nationalityGroupsOn("2020-02-01").get("GB"), "EUR_NON_EU");
    assert.equal(nationalityGroupsOn("2004-04-30").get("PL"), "EUR_NON_EU");
    assert.equal(nationalityGroupsOn("2004-05-01").get("PL"), "EU13");
  });

  it("the EU groups together hold the member states of the date: 15+10 in 2004, 27 in 2007, 28 in 2013-2020, 27 from 2020-02-01", () => {
    const eu = (date: string) => [...nationalityGroupsOn(date)].filter(([, g]) => g === "EU14" || g === "EU13").length;
    assert.deepEqual([eu("2004-05-01"), eu("2007-01-01"), eu("2013-07-01"), eu("2020-01-31"), eu("2020-02-01")], [25, 27, 28, 28, 27]);
  });

  it("every group outside the EU follows its UN M49 region, except the exceptions its note states", () => {
    const m49 = m49Regions();
    const exceptions = new Set(["TR", "MR", "EH", "SD", "EG", "IR", "TW"]);
    const expected: Record<string, (r: { region: string; subregion: string }) => boolean> = {
      EUR_NON_EU: (r) => r.region === "Europe",
      MAGHREB: (r) => r.subregion === "Northern Africa",
      AFR_SUB_SAHARA: (r) => r.subregion === "Sub-Saharan Africa",
      NEAR_MIDDLE_EAST: (r) => r.subregion === "Western Asia",
      ASIA_OTHER: (r) => r.region === "Asia" && r.subregion !== "Western Asia",
      AMERICA_NORTH: (r) => r.subregion === "Northern America",
      AMERICA_LATIN: (r) => r.subregion === "Latin America and the Caribbean",
      OCEANIA: (r) => r.region === "Oceania",
    };
    for (const [country, group] of nationalityGroupsOn("2024-01-01")) {
      const region = m49.get(country);
      if (group === "EU14" || group === "EU13" || exceptions.has(country) || region === undefined) continue;
      assert.ok(expected[group]!(region), `${country} in ${group} but M49 says ${region.region} / ${region.subregion}`);
    }
  });

  it("listNationalityGroups() gives every group a source and names in nl, fr and en", () => {
    const groups = listNationalityGroups();
    assert.ok(groups.length >= 10);
    for (const g of groups) {
      assert.match(g.source ?? "", /^https:\/\//, g.code);
      assert.ok(g.names.nl && g.names.fr && g.names.en, g.code);
    }
  });
});
