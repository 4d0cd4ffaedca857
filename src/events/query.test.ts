import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { NotFoundError } from "../core/index.ts";
import { loadRegister } from "./register.ts";
import { sharedDataDir } from "../../test/shared-data.ts";
import { eventsFor, filterEvents, findEvent, toMarks } from "./query.ts";
import { appliesToGeography, enclosingGeographies, regionOfMunicipality } from "./geography.ts";
import type { PolicyEvent } from "./schema.ts";

const events = loadRegister(fileURLToPath(new URL("../../data/events/", import.meta.url)));

/**
 * The geography of the real series "net migration incl. statistical adjustment" (indicator CNMIGRAT) of
 * Eurostat demo_r_gind3 for Flanders, read from the publisher's bulk TSV: its row key and its years with a value.
 */
function flandersNetMigration(): { geo: string; years: string[] } {
  const text = readFileSync(path.join(sharedDataDir, "eurostat/bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv"), "utf8");
  const [header, ...lines] = text.split("\n");
  const years = header!.split("\t").slice(1).map((y) => y.trim());
  const row = lines.find((l) => l.startsWith("CNMIGRAT,BE2\t"));
  assert.ok(row, "no CNMIGRAT,BE2 row in demo_r_gind3");
  const cells = row.split("\t");
  const geo = cells[0]!.split(",")[1]!;
  return { geo, years: years.filter((_, i) => !cells[i + 1]!.trim().startsWith(":")) };
}

describe("eventsFor", () => {
  it("eventsFor(events, 'net-migration', geo of demo_r_gind3 CNMIGRAT BE2) returns exactly the EU, federal and Flemish events on net migration", () => {
    const series = flandersNetMigration();
    assert.equal(series.geo, "BE2");
    assert.deepEqual([series.years.at(-1), series.years[0]], ["2000", "2018"]);
    // demo_r_gind3's CNMIGRAT is the catalogue's "net-migration" indicator.
    const got = eventsFor(events, "net-migration", series.geo).map((e) => e.id).sort();
    // Independent rule written per level: EU events that name the Union or Belgium, federal events, and
    // Flemish events; never other regions or neighbours.
    const expected: string[] = [];
    for (const e of events) {
      if (e.indicators.indexOf("net-migration") < 0) continue;
      const names = (code: string) => e.geography.indexOf(code) >= 0;
      const applies =
        (e.level === "EU" && (names("EU") || names("BE"))) ||
        (e.level === "federal" && names("BE")) ||
        (e.level === "flemish" && names("BE2"));
      if (applies) expected.push(e.id);
    }
    expected.sort();
    assert.deepEqual(got, expected);
    for (const id of ["flemish-2019-municipal-mergers", "federal-2010-ex-officio-deletions-definition", "eu-2015-nuts-2013", "eu-2004-enlargement"]) {
      assert.ok(got.includes(id), `${id} missing`);
    }
    for (const id of ["walloon-2024-bastogne-bertogne-merger", "federal-2011-family-reunification-reform", "nl-2007-civic-integration-act"]) {
      assert.ok(!got.includes(id), `${id} should not apply`);
    }
  });

  it("eventsFor(events, indicator, geo) sorts by date then id and keeps unchecked events marked", () => {
    const got = eventsFor(events, "net-migration", "BE2");
    const keys = got.map((e) => `${e.inForce}|${e.id}`);
    const starts = got.map((e) => (e.inForce.length === 4 ? `${e.inForce}-01-01` : e.inForce.length === 7 ? `${e.inForce}-01` : e.inForce));
    assert.deepEqual(starts, [...starts].sort());
    assert.equal(new Set(keys).size, keys.length);
    assert.ok(toMarks(got, "en").some((m) => !m.checked));
  });

  it("eventsFor(events, indicator, municipality) applies a region's events to its municipalities only", () => {
    const eupen = eventsFor(events, "civic-integration-trajectories", "63023").map((e) => e.level);
    assert.ok(eupen.includes("german-speaking") && eupen.includes("walloon"));
    assert.ok(!eupen.includes("flemish") && !eupen.includes("brussels"));
    const liege = eventsFor(events, "civic-integration-trajectories", "62063").map((e) => e.level);
    assert.ok(liege.includes("walloon") && !liege.includes("german-speaking"));
    const antwerpen = eventsFor(events, "civic-integration-trajectories", "11002").map((e) => e.level);
    assert.deepEqual([...new Set(antwerpen)].sort(), ["flemish"]);
  });

  it("eventsFor(events, indicator, 'NL') returns EU and Dutch events and no Belgian ones", () => {
    const levels = new Set(eventsFor(events, "first-permits-family", "NL").map((e) => e.level));
    assert.deepEqual([...levels].sort(), ["EU", "NL"]);
  });

  it("eventsFor(events, indicator, 'DK') leaves out directives that do not bind Denmark", () => {
    const ids = eventsFor(events, "first-permits-family", "DK").map((e) => e.id);
    assert.ok(!ids.includes("eu-2003-family-reunification-directive"));
    assert.ok(eventsFor(events, "first-permits-family", "BE").some((e) => e.id === "eu-2003-family-reunification-directive"));
  });
});

describe("filterEvents", () => {
  it("filterEvents(events, {level, kind, from, to}) keeps events matching every condition", () => {
    const got = filterEvents(events, { level: "federal", kind: "policy", from: "2009", to: "2011-12" });
    assert.deepEqual(got.map((e) => e.id), [
      "federal-2009-eu8-labour-market-opening",
      "federal-2009-regularisation-instruction",
      "federal-2011-family-reunification-reform",
    ]);
  });

  it("filterEvents(events, {from, to}) keeps a year-precision event whose year overlaps the range", () => {
    const got = filterEvents(events, { from: "2010-06", to: "2010-06" }).map((e) => e.id);
    assert.deepEqual(got, ["federal-2010-ex-officio-deletions-definition"]);
  });

  it("filterEvents(events, {area}) selects by policy area; statistical breaks have area null", () => {
    const nationality = filterEvents(events, { area: "nationality" });
    assert.ok(nationality.length >= 5 && nationality.every((e) => e.area === "nationality"));
    assert.ok(filterEvents(events, { kind: "statistical" }).some((e) => e.area === null));
  });
});

describe("findEvent and toMarks", () => {
  it("findEvent(events, id) returns the event and throws NotFoundError naming an unknown id", () => {
    assert.equal(findEvent(events, "eu-2016-eu-turkey-statement").inForce, "2016-03-20");
    assert.throws(() => findEvent(events, "eu-1999-nothing"), (e: unknown) => e instanceof NotFoundError && /"eu-1999-nothing"/.test(e.message));
  });

  it("toMarks(events, lang) labels each event with its title in the chosen language", () => {
    const e = findEvent(events, "federal-2011-family-reunification-reform");
    assert.deepEqual(toMarks([e], "fr"), [{ id: e.id, date: "2011-09-22", label: "Regroupement familial plus strict", kind: "policy", direction: 1, level: "federal", checked: true }]);
  });
});

describe("geography", () => {
  it("enclosingGeographies(code) climbs NUTS, REFNIS and Eurostat aggregate codes to the Union", () => {
    assert.deepEqual(enclosingGeographies("BE211"), ["BE211", "BE21", "BE2", "BE", "EU"]);
    assert.deepEqual(enclosingGeographies("63023"), ["63023", "BE336", "BE3", "BE", "EU"]);
    assert.deepEqual(enclosingGeographies("21004"), ["21004", "BE1", "BE", "EU"]);
    assert.deepEqual(enclosingGeographies("EL30"), ["EL30", "EL3", "GR", "EU"]);
    assert.deepEqual(enclosingGeographies("EU27_2020"), ["EU"]);
    assert.deepEqual(enclosingGeographies("CH"), ["CH"]);
  });

  it("regionOfMunicipality(refnis) places Brabant's split codes in the right region and rejects non-codes", () => {
    assert.equal(regionOfMunicipality("24062"), "BE2");
    assert.equal(regionOfMunicipality("25072"), "BE3");
    assert.equal(regionOfMunicipality("21001"), "BE1");
    assert.equal(regionOfMunicipality("BE2"), null);
  });

  it("appliesToGeography(eventGeography, seriesGeo) is false for a region's event on the national series", () => {
    const flemish: PolicyEvent["geography"] = ["BE2"];
    assert.equal(appliesToGeography(flemish, "BE"), false);
    assert.equal(appliesToGeography(flemish, "BE23"), true);
    assert.equal(appliesToGeography(["BE"], "BE2"), true);
    assert.equal(appliesToGeography(["EU"], "FR"), true);
    assert.equal(appliesToGeography(["NL"], "BE"), false);
  });
});
