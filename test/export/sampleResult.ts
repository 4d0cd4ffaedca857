import type { DatasetId, Period, ReleaseId } from "../../src/core/index.ts";
import { parsePeriod } from "../../src/core/index.ts";
import type { IndicatorResult, IndicatorValue, Provenance } from "../../src/indicators/result.ts";

// A hand-made result that exercises every export rule: a breakdown dimension, a true zero, a withheld value
// (null with flag c and a note), a negative value, a value with 16 significant digits, a value above 1,000 (so
// grouping shows), flags alone and combined, confidence bounds on some values, and two provenance entries, one
// without a publisher's update date. The figures are invented for the format tests and are not presented as
// real; test/export/realResult.ts builds one from a real Eurostat file.

const p = (text: string): Period => parsePeriod(text);

export const sampleValues: readonly IndicatorValue[] = [
  { geo: "BE", period: p("2019"), breakdown: { citizen: "FOR" }, value: 11.634, flags: "", lower: 11.5, upper: 11.8 },
  { geo: "BE", period: p("2020"), breakdown: { citizen: "FOR" }, value: 9.5, flags: "p", lower: 9.25, upper: 9.75 },
  {
    geo: "BE", period: p("2021"), breakdown: { citizen: "FOR" }, value: null, flags: "c", lower: null, upper: null,
    notes: ["withheld: built from a confidential count"],
  },
  {
    geo: "BE21", period: p("2019"), breakdown: { citizen: "FOR" }, value: 1234.5, flags: "bep", lower: 1200.25, upper: 1270,
    notes: ["break: municipal mergers", "provisional count"],
  },
  { geo: "BE21", period: p("2020"), breakdown: { citizen: "FOR" }, value: 0, flags: "" },
  { geo: "BE", period: p("2019"), breakdown: { citizen: "NAT" }, value: -3.25, flags: "e" },
  { geo: "BE", period: p("2020"), breakdown: { citizen: "NAT" }, value: 1 / 3, flags: "u" },
];

export const sampleProvenance: readonly Provenance[] = [
  {
    dataset: "eurostat:migr_imm1ctz" as DatasetId,
    datasetTitle: { nl: "Immigratie naar nationaliteit", fr: "Immigration par citoyenneté", en: "Immigration by citizenship" },
    release: 3 as ReleaseId,
    retrievedAt: "2025-03-20T08:15:00Z",
    sourceUpdatedAt: "2025-03-14",
    licence: "CC BY 4.0",
    query: "SELECT * FROM observations WHERE dataset = 'eurostat:migr_imm1ctz' AND release <= 3",
  },
  {
    dataset: "eurostat:demo_pjan" as DatasetId,
    datasetTitle: { nl: "Bevolking op 1 januari", fr: "Population au 1er janvier", en: "Population on 1 January" },
    release: 7 as ReleaseId,
    retrievedAt: "2025-03-21T09:00:00Z",
    sourceUpdatedAt: null,
    licence: "CC BY 4.0",
    query: "SELECT * FROM observations WHERE dataset = 'eurostat:demo_pjan' AND release <= 7",
  },
];

/** The sample result; `asOf` may be set to test the as-published variant. */
export function sampleResult(asOf: string | null = null): IndicatorResult {
  return {
    indicator: {
      id: "immigration-rate",
      title: { nl: "Bruto immigratiecijfer", fr: "Taux brut d’immigration", en: "Crude rate of immigration" },
      definition: {
        nl: "Immigraties per 1.000 inwoners van de gemiddelde bevolking (gemiddelde van 1 januari van het jaar en van het volgende jaar).",
        fr: "Immigrations pour 1 000 habitants de la population moyenne (moyenne du 1er janvier de l’année et de l’année suivante).",
        en: "Immigrations per 1,000 of the average population (the mean of 1 January of the year and of the next).",
      },
      unit: "per 1,000 inhabitants",
      notes: [{
        nl: "Cijfers uit kleine aantallen zijn onzeker.",
        fr: "Les taux tirés de petits effectifs sont incertains.",
        en: "Rates from small counts are uncertain.",
      }],
      breaks: [{
        date: "2010-01-01",
        explanation: {
          nl: "Ambtshalve schrappingen en herinschrijvingen worden anders geteld.",
          fr: "Les radiations d’office et réinscriptions sont comptées autrement.",
          en: "Ex-officio deletions and re-registrations are counted differently.",
        },
      }],
    },
    breakdownDimensions: ["citizen"],
    values: sampleValues,
    provenance: sampleProvenance,
    asOf,
  };
}

/** The key of a value as the tests compare it: geo, breakdown codes and period. */
export function valueKey(geo: string, breakdown: readonly string[], period: string): string {
  return [geo, ...breakdown, period].join("|");
}

/** The sample values by key, as plain numbers and flags, for comparison with what a reader gives back. */
export function expectedByKey(result: IndicatorResult): Map<string, IndicatorValue> {
  return new Map(result.values.map((v) => [
    valueKey(v.geo, result.breakdownDimensions.map((d) => v.breakdown?.[d] ?? ""), v.period), v,
  ]));
}
