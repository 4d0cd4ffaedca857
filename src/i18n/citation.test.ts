import assert from "node:assert/strict";
import { test } from "node:test";
import type { CitationSource } from "./citation.ts";
import { citationText, splitDatasetId } from "./citation.ts";

const twoReleases: CitationSource = {
  indicator: { id: "immigration-rate" },
  provenance: [
    { dataset: "eurostat:migr_imm1ctz", release: 3, retrievedAt: "2025-03-20T08:15:00Z", sourceUpdatedAt: "2025-03-14" },
    { dataset: "statbel:population-nationality", release: 12, retrievedAt: "2025-04-02T10:00:00Z", sourceUpdatedAt: null },
  ],
  asOf: null,
};

test("citationText(result, en) names every dataset and release with its dates", () => {
  assert.equal(citationText(twoReleases, "en"),
    "Source: Eurostat, migr_imm1ctz (release 3 of 2025-03-14, retrieved 2025-03-20); "
    + "Statbel, population-nationality (release 12, retrieved 2025-04-02); "
    + "computed by Migration Monitor, indicator immigration-rate.");
});

test("citationText(result, nl) is the Dutch sentence", () => {
  assert.equal(citationText(twoReleases, "nl"),
    "Bron: Eurostat, migr_imm1ctz (release 3 van 2025-03-14, opgehaald op 2025-03-20); "
    + "Statbel, population-nationality (release 12, opgehaald op 2025-04-02); "
    + "berekend door Migration Monitor, indicator immigration-rate.");
});

test("citationText(result, fr) is the French sentence with no-break spaces before : and ;", () => {
  assert.equal(citationText(twoReleases, "fr"),
    "Source\u00a0: Eurostat, migr_imm1ctz (version 3 du 2025-03-14, récupérée le 2025-03-20)\u00a0; "
    + "Statbel, population-nationality (version 12, récupérée le 2025-04-02)\u00a0; "
    + "calculé par Migration Monitor, indicateur immigration-rate.");
});

test("citationText(result, lang) says as of which date a result was computed", () => {
  const asOf = { ...twoReleases, provenance: twoReleases.provenance.slice(0, 1), asOf: "2025-03-31" };
  assert.equal(citationText(asOf, "en"),
    "Source: Eurostat, migr_imm1ctz (release 3 of 2025-03-14, retrieved 2025-03-20); "
    + "computed by Migration Monitor, indicator immigration-rate, as published on 2025-03-31.");
});

test("citationText(result, lang) names a dataset and release listed twice once", () => {
  const twice = { ...twoReleases, provenance: [twoReleases.provenance[0]!, twoReleases.provenance[0]!] };
  const text = citationText(twice, "en");
  assert.equal(text.match(/migr_imm1ctz/g)?.length, 1);
});

test("citationText(result, lang) throws RangeError for a result without provenance", () => {
  assert.throws(() => citationText({ ...twoReleases, provenance: [] }, "en"), /indicator immigration-rate has no provenance to cite/);
});

test("splitDatasetId(id) gives the publisher's name and the code", () => {
  assert.deepEqual(splitDatasetId("undesa:ims_2024"), { publisher: "UN DESA", code: "ims_2024" });
  assert.deepEqual(splitDatasetId("agency:fedasil_occupancy"), { publisher: "agency", code: "fedasil_occupancy" });
});
