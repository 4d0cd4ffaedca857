// Fuzzing of the Eurostat parsers: mutated and truncated versions of the real files must give either a valid
// result or a clean MigmonError, never another exception type and never a hang. Seeded PRNG, so a failure
// names a case that can be replayed (format, file, case number).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { MigmonError, type Parser } from "../../src/core/index.ts";
import { eurostatParsers, type EurostatFormat } from "../../src/ingest/sources/eurostat/parse.ts";
import { bytesInput, collect, eurostatBytes } from "../eurostat/real-files.ts";
import { gunzipSync } from "node:zlib";

/** mulberry32: a small seeded PRNG, so every run mutates the same way. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first `maxLines` lines of a real file (gzip undone), so that 300 cases stay fast. */
function excerpt(relative: string, maxLines: number): Uint8Array {
  let bytes = eurostatBytes(relative);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  let end = 0;
  for (let n = 0; n < maxLines && end >= 0; n++) end = bytes.indexOf(10, end) + 1 || -1;
  return end > 0 ? bytes.subarray(0, end) : bytes;
}

const special = [0x2c, 0x22, 0x09, 0x3a, 0x20, 0x0a, 0x3c, 0x3e, 0x7b, 0x7d, 0x2e, 0x5c, 0x2d, 0x65, 0xe9, 0x00];

function mutate(original: Uint8Array, random: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(random() * n);
  const kind = pick(6);
  if (kind === 0) {
    const bytes = Uint8Array.from(original);
    for (let i = 1 + pick(5); i > 0; i--) bytes[pick(bytes.length)] = random() < 0.5 ? pick(256) : special[pick(special.length)]!;
    return bytes;
  }
  if (kind === 1) return original.subarray(0, pick(original.length + 1));
  const lines: Uint8Array[] = [];
  let start = 0;
  for (;;) {
    const end = original.indexOf(10, start);
    if (end < 0) { lines.push(original.subarray(start)); break; }
    lines.push(original.subarray(start, end + 1));
    start = end + 1;
  }
  if (kind === 2) lines.splice(pick(lines.length), 1 + pick(3));
  else if (kind === 3) { const i = pick(lines.length); lines.splice(i, 0, lines[i]!, lines[pick(lines.length)]!); }
  else if (kind === 4) { const i = pick(lines.length); lines[i] = lines[i]!.subarray(0, pick(lines[i]!.length + 1)); }
  else { const a = pick(lines.length); const b = pick(lines.length); [lines[a], lines[b]] = [lines[b]!, lines[a]!]; }
  return Buffer.concat(lines);
}

/** Parses to the end; resolves to "ok" or the error, rejects on a hang. */
async function run(parser: Parser, name: string, bytes: Uint8Array, chunkSize: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`hang on ${name}`)), 5000); });
  const work = (async () => {
    try {
      await collect(await parser(bytesInput(name, bytes, chunkSize)));
      return "ok";
    } catch (error) {
      return error;
    }
  })();
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

const corpora: Record<EurostatFormat, Array<{ file: string; lines: number; gzip?: boolean }>> = {
  "tsv": [
    { file: "bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv", lines: 70 },
    { file: "bulk-tsv/teina200.tsv", lines: 70 },
    { file: "bulk-tsv/gov_10dd_edpt1.tsv.gz", lines: 60, gzip: true },
  ],
  "sdmx-csv": [
    { file: "sdmx-csv/asylum_applicants_total.csv", lines: 60 },
    { file: "sdmx-csv/country_population.csv", lines: 80 },
    { file: "sdmx-csv/migration_permits_issued.csv", lines: 80 },
    { file: "sdmx-csv/unemployment_rates_yearly.csv.gz", lines: 60, gzip: true },
  ],
  "jsonstat": [
    { file: "jsonstat/une_rt_m_DE_since_2024-01.json", lines: 10_000 },
    { file: "jsonstat/sts_inpr_m_IE_confidential.json", lines: 10_000 },
    { file: "jsonstat/nama_10_gdp_DE_since_2030_empty.json", lines: 10_000 },
    { file: "jsonstat/une_rt_m_geo_XX_unknown_code_last1.json", lines: 10_000 },
  ],
  "legacy-csv": [
    { file: "legacy-csv/migr_asyappctza_totals_2008-2016.csv", lines: 80 },
    { file: "legacy-csv/demo_pjan_totals_2007-2016.csv", lines: 80 },
    { file: "legacy-csv/migr_asyappctza_allcitizenships_2012-2016.csv.gz", lines: 100, gzip: true },
  ],
  "sdmx-ml": [
    { file: "sdmx-ml/NAMA_10_GDP-ss.xml", lines: 10_000 },
    { file: "sdmx-ml/footer.xml", lines: 10_000 },
    { file: "sdmx-ml/CL_FREQ.xml", lines: 10_000 },
  ],
};

const casesPerFormat = 360;

describe("Eurostat parsers under fuzzing", () => {
  for (const [format, files] of Object.entries(corpora) as Array<[EurostatFormat, (typeof corpora)[EurostatFormat]]>) {
    it(`eurostatParsers["${format}"](${casesPerFormat} mutated real files) gives a result or a MigmonError, never another error or a hang`, async () => {
      const random = prng(0x5eed + format.length * 7919);
      const parser = eurostatParsers[format];
      const outcomes = { ok: 0, migmon: 0 };
      for (let n = 0; n < casesPerFormat; n++) {
        const source = files[n % files.length]!;
        const text = excerpt(source.file, source.lines);
        let bytes = mutate(text, random);
        // for gzip sources, half of the cases mutate the compressed bytes instead of the text
        if (source.gzip) bytes = n % 2 === 0 ? gzipSync(bytes) : mutate(gzipSync(text), random);
        const outcome = await run(parser, `${source.file}#${n}`, bytes, 1 + Math.floor(random() * 8192));
        if (outcome === "ok") outcomes.ok++;
        else if (outcome instanceof MigmonError) {
          assert.doesNotMatch(outcome.message, /\n/, `a multi-line error for ${format} case ${n}: ${outcome.message}`);
          outcomes.migmon++;
        } else assert.fail(`${format} case ${n} (${source.file}) threw ${String((outcome as Error)?.stack ?? outcome)}`);
      }
      // both outcomes must occur, or the mutations are too weak (or too strong) to test anything
      assert.ok(outcomes.ok > 0 && outcomes.migmon > 0, JSON.stringify(outcomes));
    });
  }
});
