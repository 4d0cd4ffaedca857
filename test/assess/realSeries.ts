// Two real Belgian series read straight from the publishers' files in ../shared/data, by a route independent of
// the ingest pipeline (a plain split of the lines), for the assessment tests.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { Period } from "../../src/core/index.ts";
import { sharedData } from "../shared-data.ts";

/** A series as parallel lists of periods, values (null for `:`) and flags. */
export interface RealSeries {
  readonly periods: Period[];
  readonly values: (number | null)[];
  readonly flags: string[];
}

/**
 * Eurostat migr_asyappctza (SDMX-CSV with label columns), asylum applicants in Belgium, all citizenships, total
 * age and sex, all applicants (ASY_APP), 2008-2024. The header repeats column names (code then label), so the
 * columns are taken by position: citizen 5, sex 7, age 11, asyl_app 13, geo 15, TIME_PERIOD 17, OBS_VALUE 19,
 * OBS_FLAG 21.
 */
export function readBelgianAsylumApplicants(): RealSeries {
  const records = parse(readFileSync(sharedData("eurostat/sdmx-csv/asylum_applicants_total.csv"), "utf8"), { from_line: 2 }) as string[][];
  const rows = records.filter((c) => c[5] === "TOTAL" && c[7] === "T" && c[11] === "TOTAL" && c[13] === "ASY_APP" && c[15] === "BE");
  rows.sort((a, b) => Number(a[17]) - Number(b[17]));
  return {
    periods: rows.map((c) => c[17] as Period),
    values: rows.map((c) => (c[19] === "" ? null : Number(c[19]))),
    flags: rows.map((c) => c[21] ?? ""),
  };
}

/**
 * Eurostat demo_r_gind3 (bulk TSV subset), CNMIGRAT (net migration plus statistical adjustment) of one NUTS code,
 * 2000-2018 (2019 is `:` for every area in the subset and is left out). Cells are `value flags` or `:`.
 */
export function readNetMigration(geo: string): RealSeries {
  const lines = readFileSync(sharedData("eurostat/bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv"), "utf8").split("\n");
  const header = (lines[0] as string).split("\t").slice(1).map((s) => s.trim());
  const row = lines.find((l) => l.startsWith(`CNMIGRAT,${geo}\t`));
  if (row === undefined) throw new Error(`no CNMIGRAT row for ${geo}`);
  const cells = row.split("\t").slice(1).map((s) => s.trim());
  const out: RealSeries = { periods: [], values: [], flags: [] };
  header.forEach((period, i) => {
    if (period === "2019") return;
    const [value, flags] = (cells[i] as string).split(" ");
    out.periods.unshift(period as Period);
    out.values.unshift(value === ":" ? null : Number(value));
    out.flags.unshift(flags ?? "");
  });
  return out;
}
