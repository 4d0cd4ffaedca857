import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import type { DatasetId, ReleaseId } from "../../src/core/index.ts";
import { parseFlags, parsePeriod } from "../../src/core/index.ts";
import type { IndicatorResult, IndicatorValue } from "../../src/indicators/result.ts";
import { sharedData } from "../shared-data.ts";

/** The real Eurostat file the result is read from (LFSA_URGAN, SDMX-CSV 2.0 "full" variant, gzip). */
export const unemploymentFile = sharedData("eurostat/sdmx-csv/unemployment_rates_yearly.csv.gz");

/** The areas taken: Belgium, its neighbours, and two countries whose small foreign samples leave gaps and u flags. */
export const unemploymentGeos = ["BE", "NL", "FR", "DE", "LU", "BG", "CZ"] as const;

/**
 * The unemployment rate (15-64, both sexes) of nationals and foreigners as an IndicatorResult, read from the real
 * file with csv-parse: every year the file has, an empty OBS_VALUE as null, OBS_FLAG (and CONF_STATUS `C` as c)
 * as flags. The provenance dates are this test's own stamp, not a statement about Eurostat's releases.
 */
export async function unemploymentResult(): Promise<IndicatorResult> {
  const records = parse(gunzipSync(await readFile(unemploymentFile)), { columns: true }) as Record<string, string>[];
  const values: IndicatorValue[] = records
    .filter((r) => r.sex === "T" && r.age === "Y15-64" && (r.citizen === "NAT" || r.citizen === "FOR")
      && (unemploymentGeos as readonly string[]).includes(r.geo ?? ""))
    .map((r) => ({
      geo: r.geo!,
      period: parsePeriod(r.TIME_PERIOD!),
      breakdown: { citizen: r.citizen! },
      value: r.OBS_VALUE === "" ? null : Number(r.OBS_VALUE),
      flags: parseFlags(`${r.OBS_FLAG ?? ""}${r.CONF_STATUS === "C" ? "c" : ""}`),
    }));
  const titles = {
    nl: "Werkloosheidsgraad naar nationaliteit", fr: "Taux de chômage par nationalité", en: "Unemployment rate by citizenship",
  };
  return {
    indicator: {
      id: "unemployment-rate-citizenship",
      title: titles,
      definition: {
        nl: "Werklozen in procent van de beroepsbevolking van 15 tot 64 jaar (EAK).",
        fr: "Chômeurs en pourcentage de la population active de 15 à 64 ans (EFT).",
        en: "Unemployed persons as a percentage of the labour force aged 15 to 64 (LFS).",
      },
      unit: "%",
      notes: [],
      breaks: [],
    },
    breakdownDimensions: ["citizen"],
    values,
    provenance: [{
      dataset: "eurostat:lfsa_urgan" as DatasetId,
      datasetTitle: titles,
      release: 1 as ReleaseId,
      retrievedAt: "2025-03-13T00:00:00Z",
      sourceUpdatedAt: null,
      licence: "CC BY 4.0",
      query: "lfsa_urgan: sex T, age Y15-64, citizen NAT and FOR",
    }],
    asOf: null,
  };
}
