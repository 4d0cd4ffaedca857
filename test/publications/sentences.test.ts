import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { IndicatorResult } from "../../src/indicators/result.ts";
import { AreaNames } from "../../src/publications/areaNames.ts";
import { frenchContractions, ordinal } from "../../src/publications/phrases.ts";
import { loadPublicationData } from "../../src/publications/publicationFiles.ts";
import { changeSentences, comparisonSentences, rankSentences } from "../../src/publications/sentences.ts";
import type { TextContext } from "../../src/publications/sentences.ts";
import { belgianGeography } from "../../src/reference/geography.ts";

const data = loadPublicationData();
const names = new AreaNames(data.areas, belgianGeography());
const tc = (lang: "nl" | "fr" | "en"): TextContext => ({ lang, book: data.book, names, asOf: null });
const subject = { nl: "het aandeel niet-Belgen", fr: "la part des non-Belges", en: "the share of non-Belgians", frGender: "f" as const };

/** A result of a percentage indicator with the given figures (area, period, value). */
function result(unit: string, rows: [string, string, number][]): IndicatorResult {
  return {
    indicator: { id: "share_non_belgian", title: { nl: "t", fr: "t", en: "t" }, definition: { nl: "d", fr: "d", en: "d" }, unit, notes: [], breaks: [] },
    breakdownDimensions: [],
    values: rows.map(([geo, period, value]) => ({ geo, period: period as never, value, flags: "" })),
    provenance: [{ dataset: "statbel:x" as never, datasetTitle: { nl: "x", fr: "x", en: "x" }, release: 7 as never, retrievedAt: "2026-01-01T00:00:00Z", sourceUpdatedAt: null, licence: "l", query: "q" }],
    asOf: null,
  };
}

describe("data-to-text", () => {
  it("changeSentences chooses rises, falls or stays about the same from the sign of the change as written, with plural points", () => {
    const r = result("percent", [["BE2", "2010-01-01", 6.4], ["BE2", "2015-01-01", 7.8], ["BE3", "2010-01-01", 9.8], ["BE3", "2015-01-01", 8.8], ["BE1", "2010-01-01", 33.0], ["BE1", "2015-01-01", 33.02]]);
    const [up, down, same] = changeSentences(r, ["BE2", "BE3", "BE1"], subject, 5, tc("nl")).map((s) => s.text);
    assert.equal(up, "Het aandeel niet-Belgen in het Vlaamse Gewest stijgt van 6,4 % op 1 januari 2010 tot 7,8 % op 1 januari 2015 (+1,4 procentpunten).");
    assert.equal(down, "Het aandeel niet-Belgen in het Waalse Gewest daalt van 9,8 % op 1 januari 2010 tot 8,8 % op 1 januari 2015 (\u22121,0 procentpunt).");
    assert.match(same!, /^Het aandeel niet-Belgen in het Brussels Hoofdstedelijk Gewest blijft nagenoeg gelijk: 33,0 % op 1 januari 2010, 33,0 % op 1 januari 2015 \(±0,0 procentpunten\)\.$/);
    const [fr] = changeSentences(r, ["BE2"], subject, 5, tc("fr")).map((s) => s.text);
    assert.equal(fr, "La part des non-Belges en Région flamande augmente de 6,4 % au 1er janvier 2010 à 7,8 % au 1er janvier 2015 (+1,4 point de pourcentage).");
    const [en] = changeSentences(r, ["BE3"], subject, 5, tc("en")).map((s) => s.text);
    assert.equal(en, "The share of non-Belgians in the Walloon Region falls from 9.8% on 1 January 2010 to 8.8% on 1 January 2015 (\u22121.0 percentage point).");
  });

  it("changeSentences writes a count's change in per cent and names the periods and release it read", () => {
    const r = result("persons", [["BE", "2019", 27505], ["BE", "2024", 39560]]);
    const [s] = changeSentences(r, ["BE"], { ...subject, nl: "het aantal asielzoekers" }, 5, tc("nl"));
    assert.equal(s!.text, "Het aantal asielzoekers in België stijgt van 27.505 in 2019 tot 39.560 in 2024 (+43,8 %).");
    assert.deepEqual(s!.references, [{ indicator: "share_non_belgian", geos: ["BE"], from: "2019", to: "2024", asOf: null, releases: [{ dataset: "statbel:x", release: 7 }] }]);
  });

  it("rankSentences says highest, lowest or the ordinal place among the areas that all have the period", () => {
    const r = result("percent", [["BE1", "2015-01-01", 33.9], ["BE3", "2015-01-01", 9.8], ["BE2", "2015-01-01", 7.8], ["BE", "2015-01-01", 11.2]]);
    assert.equal(rankSentences(r, ["BE1"], ["BE1", "BE3", "BE2", "BE"], subject, tc("nl"))[0]!.text, "Met 33,9 % is het aandeel niet-Belgen in het Brussels Hoofdstedelijk Gewest het hoogst van de 4 vergeleken gebieden (1 januari 2015).");
    assert.equal(rankSentences(r, ["BE2"], ["BE1", "BE3", "BE2", "BE"], subject, tc("fr"))[0]!.text, "Avec 7,8 %, la part des non-Belges en Région flamande est la plus basse des 4 territoires comparés (1er janvier 2015).");
    assert.equal(rankSentences(r, ["BE3"], ["BE1", "BE3", "BE2", "BE"], subject, tc("en"))[0]!.text, "At 9.8%, the Walloon Region ranks 3rd of the 4 areas compared for the share of non-Belgians (1 January 2015).");
  });

  it("comparisonSentences lists the areas it is higher and lower than, with French elision before en", () => {
    const r = result("percent", [["BE2", "2015-01-01", 7.8], ["BE1", "2015-01-01", 33.9], ["BE3", "2015-01-01", 9.8], ["NL", "2015-01-01", 4.9]]);
    assert.equal(comparisonSentences(r, ["BE2"], ["BE1", "BE3", "NL"], subject, tc("nl"))[0]!.text,
      "Het aandeel niet-Belgen in het Vlaamse Gewest (7,8 %) is hoger dan in Nederland (4,9 %) en lager dan in het Brussels Hoofdstedelijk Gewest (33,9 %) en in het Waalse Gewest (9,8 %) (1 januari 2015).");
    assert.equal(comparisonSentences(r, ["BE2"], ["NL"], subject, tc("fr"))[0]!.text,
      "La part des non-Belges en Région flamande (7,8 %) est plus élevée qu'aux Pays-Bas (4,9 %) (1er janvier 2015).");
  });

  it("comparisonSentences labels another area's figure with its own period when it lacks the focus period (mixed years)", () => {
    const r = result("percent", [["BE", "2024", 5.0], ["NL", "2023", 4.1]]);
    assert.match(comparisonSentences(r, ["BE"], ["NL"], subject, tc("en"))[0]!.text, /higher than in the Netherlands \(4\.1%, 2023\) \(2024\)\.$/);
  });

  it("frenchContractions elides de and que before a vowel and contracts de le, à les", () => {
    assert.equal(frenchContractions("habitants de Anvers"), "habitants d'Anvers");
    assert.equal(frenchContractions("plus élevée que en Région wallonne"), "plus élevée qu'en Région wallonne");
    assert.equal(frenchContractions("habitants de Le Roeulx"), "habitants du Roeulx");
    assert.equal(frenchContractions("à Les Bons Villers"), "aux Bons Villers");
    assert.equal(frenchContractions("de la Région"), "de la Région");
  });

  it("ordinal writes 1e/2e in Dutch, 1er/2e in French and 1st/2nd/3rd/11th/22nd in English", () => {
    assert.deepEqual([1, 2].map((n) => ordinal(data.book, "nl", n)), ["1e", "2e"]);
    assert.deepEqual([1, 2].map((n) => ordinal(data.book, "fr", n)), ["1er", "2e"]);
    assert.deepEqual([1, 2, 3, 11, 22].map((n) => ordinal(data.book, "en", n)), ["1st", "2nd", "3rd", "11th", "22nd"]);
  });
});
