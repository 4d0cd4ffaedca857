// The store of the API benchmark: one generated dataset of 10,109,400 observations, 29 indicators x 3 sexes x 10
// age groups x the 581 Belgian municipalities of 2019 (real REFNIS codes from the curated geography) x 20 years
// (2001-2020). The values are generated (a deterministic function of the position), not data; about 1 in 37 is
// missing with flag c and 1 in 10 carries flag p, so the response has the shape of real figures.
import type { DatasetId, Observation, Period, SeriesKey } from "../../src/core/index.ts";
import { belgianGeography } from "../../src/reference/geography.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";

/** The generated dataset: four dimensions, the municipality last. */
export const benchDataset = {
  id: "bench:api" as DatasetId, publisher: "bench", code: "api", dimensions: ["indic", "sex", "age", "geo"],
  title: { nl: "API-benchmark (gegenereerd)", fr: "benchmark API (généré)", en: "API benchmark (generated)" },
  unit: "persons", frequency: "annual", licence: "none (generated)",
};
const indicators = Array.from({ length: 29 }, (_, i) => `I${String(i).padStart(2, "0")}`);
const sexes = ["F", "M", "T"];
const ages = Array.from({ length: 10 }, (_, i) => `A${i}`);
const periods = Array.from({ length: 20 }, (_, i) => String(2001 + i) as Period);

/** The 581 municipalities of 2019 and the 300 of them in the Flemish Region (02000). */
export function municipalities(): { all: string[]; flemish: string[] } {
  const geography = belgianGeography();
  const all = geography.on("2019-01-01").filter((u) => u.level === "municipality").map((u) => u.code).sort();
  return { all, flemish: all.filter((c) => geography.parentOf(c, "region") === "02000") };
}

async function* generate(geos: readonly string[]): AsyncIterable<readonly Observation[]> {
  let batch: Observation[] = [];
  let i = 0;
  for (const indic of indicators) for (const sex of sexes) for (const age of ages) for (const geo of geos) {
    const series = `${indic}.${sex}.${age}.${geo}` as SeriesKey;
    for (const period of periods) {
      const missing = i % 37 === 0;
      batch.push({ series, period, value: missing ? null : (i * 7919) % 100_000, flags: missing ? "c" : i % 10 === 0 ? "p" : "" });
      i++;
      if (batch.length === 20_000) { yield batch; batch = []; }
    }
  }
  if (batch.length > 0) yield batch;
}

/** Creates the benchmark store in `file` and returns the number of observations loaded. */
export async function makeBenchStore(file: string): Promise<number> {
  const store = await openDuckDbStore(file);
  try {
    const result = await store.loadRelease({
      dataset: benchDataset, checksum: "bench-api-1", sourceUri: "bench://generated", format: "generated",
      retrievedAt: "2026-01-01T00:00:00.000Z", sourceUpdatedAt: null, batches: generate(municipalities().all),
    });
    return result.release.observations;
  } finally {
    await store.close();
  }
}
