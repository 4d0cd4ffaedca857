// The input of bench/scan: 60,000 annual series of 30 counts, one per municipality x nationality, drawn with a
// fixed seed around levels taken from real Statbel figures, so the sizes (many tiny cells, a few large ones) have
// the shape of the real municipal counts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { normalDraw, poissonDraw, seededUniform } from "../../test/analysis/seededRandom.ts";

/** Series length (30 years) and count (every municipality by nationality). */
export const seriesLength = 30;
export const seriesCount = 60_000;

/** The folder of real publisher files: MIGMON_MIRROR (or its deprecated alias MIGMON_SHARED_DATA), else ../shared/data beside the repository. */
export const sharedDataDir = process.env.MIGMON_MIRROR || process.env.MIGMON_SHARED_DATA
  ? path.resolve((process.env.MIGMON_MIRROR || process.env.MIGMON_SHARED_DATA) as string)
  : fileURLToPath(new URL("../../../shared/data/", import.meta.url));

/**
 * Levels for every municipality x nationality: Belgians of the municipality on 1 January 2015 (Statbel
 * TF_SOC_POP_STRUCT_2015 as summed in pop_by_municipality_nationality_sex_2009-2015.csv), and for each of the 101
 * most frequent foreign citizenships, the municipality's non-Belgians on 1 January 2015 times that citizenship's
 * share of all foreigners in Belgium at the 2011 census (Statbel census hypercube HC27). The municipal totals and the
 * national composition are real; the composition of each municipality is assumed national (the shared data hold no
 * municipality x detailed citizenship table). 589 x 102 = 60,078 levels; the first 60,000 are used.
 */
export function readLevels(): Float64Array {
  const population = readFileSync(path.join(sharedDataDir, "statbel/pop_by_municipality_nationality_sex_2009-2015.csv"), "utf8").split("\n");
  const belgians = new Map<string, number>();
  const foreigners = new Map<string, number>();
  for (const line of population.slice(1)) {
    const c = line.split(",");
    if (c[0] !== "2015") continue;
    const municipality = c[1] as string;
    const target = c[7] === '"BEL"' ? belgians : foreigners;
    target.set(municipality, (target.get(municipality) ?? 0) + Number(c[9]));
  }
  const census = gunzipSync(readFileSync(path.join(sharedDataDir, "statbel/census2011/TF_CENSUS_2011_HC27_L.csv.gz"))).toString("utf8").split("\n");
  const byCitizenship = new Map<string, number>();
  for (const line of census.slice(1)) {
    const c = line.split("|");
    if (c[8] !== "FOR") continue;
    byCitizenship.set(c[17] as string, (byCitizenship.get(c[17] as string) ?? 0) + Number(c[38]));
  }
  const total = [...byCitizenship.values()].reduce((a, b) => a + b, 0);
  const shares = [...byCitizenship.values()].sort((a, b) => b - a).slice(0, 101).map((v) => v / total);
  const municipalities = [...belgians.keys()].sort();
  const levels: number[] = [];
  for (const m of municipalities) {
    levels.push(belgians.get(m) ?? 0);
    for (const s of shares) levels.push((foreigners.get(m) ?? 0) * s);
  }
  return Float64Array.from(levels.slice(0, seriesCount));
}

/**
 * Draws the series (row-major, seriesCount x seriesLength) with seed 20151: each starts at its level, grows by a
 * yearly rate drawn from N(2%, 3%), and in 30% of the series shifts once, at a year drawn from 6..25, by a factor
 * exp(N(0, 0.4)); the counts are Poisson around that path (normal with the Poisson variance above a mean of 30).
 */
export function drawSeries(levels: Float64Array): Float64Array {
  const uniform = seededUniform(20151);
  const out = new Float64Array(seriesCount * seriesLength);
  for (let s = 0; s < seriesCount; s++) {
    const level = levels[s] as number;
    const growth = 0.02 + 0.03 * normalDraw(uniform);
    const shiftAt = uniform() < 0.3 ? 6 + Math.floor(uniform() * 20) : -1;
    const factor = shiftAt < 0 ? 1 : Math.exp(0.4 * normalDraw(uniform));
    for (let t = 0; t < seriesLength; t++) {
      const mean = level * Math.exp(growth * (t - 15)) * (shiftAt >= 0 && t >= shiftAt ? factor : 1);
      const draw = mean < 30 ? poissonDraw(uniform, mean) : Math.max(0, Math.round(mean + Math.sqrt(mean) * normalDraw(uniform)));
      out[s * seriesLength + t] = draw;
    }
  }
  return out;
}
