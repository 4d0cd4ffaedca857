import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { findEntry, loadCatalogue } from "../../src/ingest/catalogue.ts";
import { ingestFile } from "../../src/ingest/pipeline.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";
import type { Store } from "../../src/store/store.ts";
import { sharedData } from "../shared-data.ts";

/** The datasets the impact model reads (immigration by citizenship for the third-country share), demo_r_gind3 for the assess readings beside the rules, OECD inflows for the back-test. */
export const impactDatasets = [
  "statbel:pop_by_municipality_nationality_sex_agegroup",
  "eurostat:migr_asytpsm",
  "eurostat:migr_asyappctza",
  "eurostat:demo_r_gind3",
  "oecd:df_mig",
  "eurostat:migr_imm1ctz_derived",
] as const;

/** A fresh DuckDB store in a temporary folder holding the impact datasets from ../shared/data. */
export async function makeImpactStore(): Promise<{ file: string; store: Store; remove: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "migmon-impact-"));
  const file = path.join(dir, "impact.duckdb");
  const store = await openDuckDbStore(file);
  const catalogue = await loadCatalogue();
  for (const id of impactDatasets) {
    const entry = findEntry(catalogue, id);
    await ingestFile({ store, entry, file: sharedData(entry.offline!.file), format: entry.offline!.format });
  }
  return { file, store, remove: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/**
 * An independent reader of Statbel's municipal file (plain text parsing, not the ingest code): non-Belgians by
 * year, REFNIS (five digits), sex and age group.
 */
export function readStatbelNonBelgians(): { year: number; refnis: string; sex: string; ageGroup: string; persons: number }[] {
  const text = gunzipSync(readFileSync(sharedData("statbel/pop_by_municipality_nationality_sex_agegroup_2009-2015.csv.gz"))).toString("utf8");
  const out: { year: number; refnis: string; sex: string; ageGroup: string; persons: number }[] = [];
  for (const line of text.split("\n").slice(1)) {
    if (line.trim() === "") continue;
    const [year, refnis, nat, sex, age, value] = line.split(",").map((f) => f.replace(/"/g, "").trim());
    if (nat !== "ETR") continue;
    out.push({ year: Number(year), refnis: refnis!.padStart(5, "0"), sex: sex!, ageGroup: age!, persons: Number(value) });
  }
  return out;
}

/** Beneficiaries of temporary protection in Belgium at the end of a month, read straight from the Eurostat CSV. */
export function readTemporaryProtectionBE(month: string): number {
  const text = readFileSync(sharedData("eurostat/sdmx-csv/temporary_protection_beneficiaries_monthly.csv"), "utf8");
  for (const line of text.split("\n")) {
    // Fields may be quoted and hold commas (the dataset title): split outside quotes only.
    const f = line.match(/("[^"]*"|[^,]*)(,|$)/g)?.map((x) => x.replace(/,$/, "").replace(/^"|"$/g, "")) ?? [];
    // Columns: ..., sex (9), age (11), geo (13), TIME_PERIOD (15), OBS_VALUE (17).
    if (f[13] === "BE" && f[15] === month && f[9] === "T" && f[11] === "TOTAL") return Number(f[17]);
  }
  throw new Error(`no BE ${month} row`);
}

/**
 * The third-country share of foreign immigrants to Belgium in a year from the raw long table, by its own label rows
 * (plain text): (non-EU27 - EFTA) / (EU27 + non-EU27).
 */
export function readThirdCountryShareBE(year: number): number {
  const text = gunzipSync(readFileSync(sharedData("eurostat/derived_immigration_by_citizenship_migr_imm1ctz.csv.gz"))).toString("utf8");
  const value = (label: string) => {
    const line = text.split("\n").find((l) => l.startsWith(`${label},Belgium,${year},`));
    if (line === undefined) throw new Error(`no ${label} row for Belgium ${year}`);
    return Number(line.split(",").at(-1));
  };
  const eu = value("EU27 countries (from 2020) except reporting country");
  const neu = value("Non-EU27 countries (from 2020) nor reporting country");
  const efta = value("European Free Trade Association except reporting country");
  return (neu - efta) / (eu + neu);
}
