import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { InputError } from "../core/index.ts";
import { Geography, geoLevels } from "./geography-model.ts";
import type { CrosswalkLink, GeoLevel, GeoUnit, NutsAssignment, NutsVersion } from "./geography-model.ts";

type Row = Record<string, string>;

function readCsv(file: string, columns: readonly string[]): Row[] {
  const rows = parse(readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true }) as Row[];
  const first = rows[0];
  for (const c of columns) {
    if (first !== undefined && !(c in first)) throw new InputError(file, 1, `missing column ${JSON.stringify(c)}`);
  }
  return rows;
}

const nullable = (s: string | undefined) => (s === undefined || s === "" ? null : s);
const nutsVersions: readonly string[] = ["2016", "2021", "2024"];

/**
 * Reads the curated geography (units.csv, crosswalk.csv, nuts.csv) from a folder laid out like
 * data/reference/geography. Throws InputError naming the file and line of a bad level, date or NUTS version.
 */
export function loadGeography(dir: string): Geography {
  const unitsFile = path.join(dir, "units.csv");
  const units: GeoUnit[] = readCsv(unitsFile, ["code", "level", "valid_from", "valid_to", "name_nl", "name_fr", "parent"])
    .map((r, i) => {
      if (!geoLevels.includes(r.level as GeoLevel)) throw new InputError(unitsFile, i + 2, `unknown level ${JSON.stringify(r.level)}`);
      for (const d of [r.valid_from, r.valid_to]) {
        if (d !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(d ?? "")) throw new InputError(unitsFile, i + 2, `not a date ${JSON.stringify(d)}`);
      }
      return {
        code: r.code!, level: r.level as GeoLevel, validFrom: nullable(r.valid_from), validTo: nullable(r.valid_to),
        name: { nl: r.name_nl!, fr: r.name_fr! }, parent: nullable(r.parent),
      };
    });
  const links: CrosswalkLink[] = readCsv(path.join(dir, "crosswalk.csv"), ["old_code", "new_code", "date", "relationship", "transfer"])
    .map((r) => ({ oldCode: r.old_code!, newCode: r.new_code!, date: r.date!, relationship: r.relationship!, transfer: r.transfer! }));
  const nutsFile = path.join(dir, "nuts.csv");
  const nuts: NutsAssignment[] = readCsv(nutsFile, ["code", "unit_valid_from", "nuts_version", "nuts_code"])
    .map((r, i) => {
      if (!nutsVersions.includes(r.nuts_version ?? "")) throw new InputError(nutsFile, i + 2, `unknown NUTS version ${JSON.stringify(r.nuts_version)}`);
      return { code: r.code!, unitValidFrom: nullable(r.unit_valid_from), version: r.nuts_version as NutsVersion, nutsCode: r.nuts_code! };
    });
  return new Geography(units, links, nuts);
}
