import { createWriteStream } from "node:fs";
import { once } from "node:events";
import countries from "i18n-iso-countries";

/**
 * Writes a bulk TSV in Eurostat's real layout (`freq,citizen,agedef,age,unit,sex,geo\TIME_PERIOD`, one column
 * per year newest first, `value flag` cells, `: ` for missing) with the shape of migr_imm1ctz: every citizenship
 * (ISO 3166 countries) x 10 age classes x 3 sexes x 40 reporting countries x 26 years, about 6.2 million
 * observations. Values come from a seeded generator so every run writes the same file.
 */
export async function makeBulkTsv(file: string): Promise<{ observations: number; rows: number }> {
  const citizens = Object.keys(countries.getAlpha2Codes()).filter((c) => c !== "GR" && c !== "GB").sort().concat(["EL", "UK"]).slice(0, 200);
  const ages = ["TOTAL", "Y_LT5", "Y5-9", "Y10-14", "Y15-19", "Y20-24", "Y25-29", "Y30-34", "Y35-39", "Y_GE40"];
  const sexes = ["F", "M", "T"];
  const geos = ["AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IS", "IT", "LI", "LT",
    "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK", "UK", "AL", "ME", "MK", "RS", "TR", "XK", "BA", "MD"];
  const years = Array.from({ length: 26 }, (_, i) => 2023 - i);
  let seed = 20261126;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const out = createWriteStream(file);
  const write = async (s: string) => { if (!out.write(s)) await once(out, "drain"); };
  await write(`freq,citizen,agedef,age,unit,sex,geo\\TIME_PERIOD\t${years.map((y) => `${y} `).join("\t")}\n`);
  let rows = 0;
  for (const citizen of citizens) for (const age of ages) for (const sex of sexes) {
    let chunk = "";
    for (const geo of geos) {
      const cells: string[] = [];
      for (let y = 0; y < years.length; y++) {
        const r = random();
        if (r < 0.05) cells.push(": ");
        else if (r < 0.06) cells.push(`${Math.floor(r * 100000)} p`);
        else if (r < 0.065) cells.push(`${Math.floor(r * 100000)} b`);
        else cells.push(`${Math.floor(r * 100000)} `);
      }
      chunk += `A,${citizen},COMPLET,${age},NR,${sex},${geo}\t${cells.join("\t")}\n`;
      rows++;
    }
    await write(chunk);
  }
  out.end();
  await once(out, "finish");
  return { observations: rows * years.length, rows };
}
