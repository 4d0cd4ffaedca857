// Builds the curated Belgian geography (units.csv, crosswalk.csv, nuts.csv in this folder) from the Statbel files
// in the shared data mirror and the reviewed decisions written below. Deterministic: same inputs, same bytes.
//
//   node --import tsx data/reference/geography/make.ts        (from the repository root)
//   MIGMON_GEOGRAPHY_OUT=<dir> writes the CSVs to another folder (used by the test that they are up to date).
//
// Inputs (MIGMON_SHARED_DATA, default ../shared/data relative to the repository root):
//   statbel/TF_SOC_POP_STRUCT_2015.txt.gz                 the 589 municipalities before 2019 with their parents
//   statbel/REFNIS_2019.csv                               the REFNIS classification of 2019 (581 municipalities)
//   statbel/municipality_crosswalk_2019_2025.csv          old -> new NIS codes of 2019 and 2025 (reviewed below)
// See README.md beside this script for the sources and every decision taken here.
import { readFileSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../..");
const shared = process.env.MIGMON_SHARED_DATA ?? path.resolve(repoRoot, "../shared/data");
// The test that checks the committed CSVs are up to date writes them elsewhere.
const outDir = process.env.MIGMON_GEOGRAPHY_OUT ?? here;

type Level = "country" | "region" | "province" | "arrondissement" | "municipality";
interface Unit {
  code: string;
  level: Level;
  validFrom: string;
  validTo: string;
  nameNl: string;
  nameFr: string;
  parent: string;
}
interface Link {
  oldCode: string;
  newCode: string;
  date: string;
  relationship: string;
  transfer: "whole" | "partial";
  note: string;
}

const change2019 = "2019-01-01";
const change2025 = "2025-01-01";

/** Restores the leading zero REFNIS codes lose when stored as numbers (`2000` is `02000`). */
function refnis(text: string): string {
  const t = text.trim().replace(/^"|"$/g, "");
  if (!/^\d{4,5}$/.test(t)) throw new Error(`not a REFNIS code: ${JSON.stringify(text)}`);
  return t.padStart(5, "0");
}

// ---- 1. The 589 municipalities of 1 January 2015 (pre-2019 geography), with arrondissement/province/region names.
const pop2015 = gunzipSync(readFileSync(path.join(shared, "statbel/TF_SOC_POP_STRUCT_2015.txt.gz"))).toString("utf8");
const before = new Map<string, string[]>();
{
  const lines = pop2015.split("\n");
  const head = (lines[0] ?? "").split("|");
  const col = (name: string) => {
    const i = head.indexOf(name);
    if (i < 0) throw new Error(`TF_SOC_POP_STRUCT_2015: no column ${name}`);
    return i;
  };
  const cols = ["CD_MUNTY_REFNIS", "TX_MUNTY_DESCR_NL", "TX_MUNTY_DESCR_FR", "CD_DSTR_REFNIS", "TX_ADM_DSTR_DESCR_NL",
    "TX_ADM_DSTR_DESCR_FR", "CD_PROV_REFNIS", "TX_PROV_DESCR_NL", "TX_PROV_DESCR_FR", "CD_RGN_REFNIS",
    "TX_RGN_DESCR_NL", "TX_RGN_DESCR_FR"].map(col);
  for (const line of lines.slice(1)) {
    if (line === "") continue;
    const f = line.split("|");
    const row = cols.map((i) => f[i] ?? "");
    before.set(refnis(row[0]!), row);
  }
}
if (before.size !== 589) throw new Error(`expected 589 municipalities in 2015, found ${before.size}`);

// ---- 2. REFNIS 2019: the hierarchy is given by row order (region, province, arrondissement, municipalities).
interface RefnisRow { code: string; nameFr: string; nameNl: string; language: string; parent: string; level: Level }
const refnis2019: RefnisRow[] = [];
{
  const text = readFileSync(path.join(shared, "statbel/REFNIS_2019.csv"), "utf8").replace(/^\uFEFF/, "");
  let region = "";
  let province = "";
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (line.trim() === "") continue;
    const f = line.split(";");
    const code = refnis(f[0]!);
    const nameFr = f[1]!.trim();
    const nameNl = f[4]!.trim();
    const language = f[2]!.trim();
    if (code === "01000") continue;
    if (/^0[234]000$/.test(code)) {
      region = code;
      province = "";
      refnis2019.push({ code, nameFr, nameNl, language, parent: "BE", level: "region" });
    } else if (/^(\d0000|2000[12])$/.test(code)) {
      province = code;
      refnis2019.push({ code, nameFr, nameNl, language, parent: region, level: "province" });
    } else if (code.endsWith("000")) {
      refnis2019.push({ code, nameFr, nameNl, language, parent: province || region, level: "arrondissement" });
    } else {
      refnis2019.push({ code, nameFr, nameNl, language, parent: code.slice(0, 2) + "000", level: "municipality" });
    }
  }
}
const after2019 = new Map(refnis2019.map((r) => [r.code, r]));
const municipalities2019 = refnis2019.filter((r) => r.level === "municipality");
if (municipalities2019.length !== 581) throw new Error(`expected 581 municipalities in REFNIS 2019, found ${municipalities2019.length}`);

// ---- 3. The crosswalk, reviewed. The source marks three 2019 recodes and the Bastogne merger as partial
// transfers without evidence (verified=false); README.md gives the review that sets them to whole units.
const reviewedWhole: Record<string, string> = {
  "52063": "whole municipality moved from arr. Charleroi to arr. Soignies (Hainaut arrondissement reform of 2019); population 10,955 (2015) -> 11,480 (2020), no break",
  "55022": "whole municipality moved to the new arr. La Louvière; population 80,375 (2015) -> 81,138 (2020), no break",
  "55039": "whole municipality moved from arr. Soignies to arr. Ath; population 8,291 (2015) -> 8,348 (2020), no break",
  "82003": "merger of the two whole communes approved by the Walloon Parliament 2023-05-17, in force 2024-12-02 (La Libre Belgique 2023-04-18 and 2023-05-17); merged area 264.69 km2 (Le Soir 2022-02-11) = Bastogne + Bertogne",
  "82005": "merger of the two whole communes approved by the Walloon Parliament 2023-05-17, in force 2024-12-02 (La Libre Belgique 2023-04-18 and 2023-05-17); merged area 264.69 km2 (Le Soir 2022-02-11) = Bastogne + Bertogne",
};
const links: Link[] = [];
{
  const text = readFileSync(path.join(shared, "statbel/municipality_crosswalk_2019_2025.csv"), "utf8");
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const head = lines[0]!.split(",");
  const at = (name: string) => head.indexOf(name);
  for (const line of lines.slice(1)) {
    // The only quoted fields are the last ones (verified_source, note); the first nine never contain a comma.
    const f = line.split(",");
    const oldCode = refnis(f[at("old_nis")]!);
    const newCode = refnis(f[at("new_nis")]!);
    const date = f[at("valid_to")]!;
    const relationship = f[at("relationship")]!;
    const partial = f[at("has_partial_transfer")] === "true";
    const review = reviewedWhole[oldCode];
    if (partial && review === undefined) throw new Error(`crosswalk row ${oldCode} is a partial transfer without review`);
    links.push({
      oldCode, newCode, date, relationship, transfer: "whole",
      note: review ?? (relationship === "recoded" ? "whole municipality, new code for its new arrondissement" : "whole municipality merged into its successor"),
    });
  }
}
links.sort((a, b) => a.date.localeCompare(b.date) || a.oldCode.localeCompare(b.oldCode));

// ---- 4. Units created in 2025 (REFNIS 2025 is not in the mirror; codes as in the crosswalk, names from the
// merger decrees as published by the Flemish Government and the Walloon Parliament, see README.md).
const successors2025: Record<string, [nameNl: string, nameFr: string, validFrom: string]> = {
  "23106": ["Pajottegem", "Pajottegem", change2025],
  "37021": ["Wingene", "Wingene", change2025],
  "37022": ["Tielt", "Tielt", change2025],
  "44086": ["Nazareth-De Pinte", "Nazareth-De Pinte", change2025],
  "44087": ["Lochristi", "Lochristi", change2025],
  "44088": ["Merelbeke-Melle", "Merelbeke-Melle", change2025],
  "46029": ["Lokeren", "Lokeren", change2025],
  "46030": ["Beveren-Kruibeke-Zwijndrecht", "Beveren-Kruibeke-Zwijndrecht", change2025],
  "71071": ["Tessenderlo-Ham", "Tessenderlo-Ham", change2025],
  "71072": ["Hasselt", "Hasselt", change2025],
  "73110": ["Bilzen-Hoeselt", "Bilzen-Hoeselt", change2025],
  "73111": ["Tongeren-Borgloon", "Tongres-Looz", change2025],
  "82039": ["Bastenaken", "Bastogne", "2024-12-02"],
};

// ---- 5. Municipality versions.
const units: Unit[] = [];
const endOf = new Map<string, string>(); // old code -> date it ends
for (const l of links) if (l.oldCode !== l.newCode) endOf.set(l.oldCode, l.date);
// A code that already existed and takes in another unit (whatever the source calls the relationship) keeps its
// code but not its territory: it gets a new version from the date of the change.
const absorbers = new Map<string, string>();
for (const l of links) {
  if (l.oldCode === l.newCode) continue;
  const existed = l.date === change2019 ? before.has(l.newCode) : after2019.has(l.newCode);
  if (existed) absorbers.set(l.newCode, l.date);
}

for (const [code, row] of before) {
  if (after2019.has(code)) continue;
  const to = endOf.get(code);
  if (to !== change2019) throw new Error(`municipality ${code} of 2015 is neither in REFNIS 2019 nor ended in 2019`);
  units.push({ code, level: "municipality", validFrom: "", validTo: to, nameNl: row[1]!, nameFr: row[2]!, parent: refnis(row[3]!) });
}
for (const r of municipalities2019) {
  const from = before.has(r.code) ? "" : change2019;
  const to = endOf.get(r.code) ?? "";
  const split = absorbers.get(r.code);
  if (split !== undefined) {
    units.push({ code: r.code, level: "municipality", validFrom: from, validTo: split, nameNl: r.nameNl, nameFr: r.nameFr, parent: r.parent });
    units.push({ code: r.code, level: "municipality", validFrom: split, validTo: to, nameNl: r.nameNl, nameFr: r.nameFr, parent: r.parent });
  } else {
    units.push({ code: r.code, level: "municipality", validFrom: from, validTo: to, nameNl: r.nameNl, nameFr: r.nameFr, parent: r.parent });
  }
}
for (const [code, [nameNl, nameFr, from]] of Object.entries(successors2025)) {
  units.push({ code, level: "municipality", validFrom: from, validTo: "", nameNl, nameFr, parent: code.slice(0, 2) + "000" });
}
for (const l of links) {
  if (!units.some((u) => u.code === l.newCode)) throw new Error(`crosswalk successor ${l.newCode} has no unit`);
}

// ---- 6. Arrondissement, province and region versions: a new version starts when a whole municipality
// moves in or out of the unit (its territory changes), which the crosswalk tells.
const provinceOfArr = new Map<string, string>();
for (const row of before.values()) provinceOfArr.set(refnis(row[3]!), row[6] === "NA" || row[6] === "" ? refnis(row[9]!) : refnis(row[6]!));
for (const r of refnis2019) if (r.level === "arrondissement") provinceOfArr.set(r.code, r.parent);
const regionOfProvince = new Map<string, string>();
for (const row of before.values()) if (row[6] !== "NA" && row[6] !== "") regionOfProvince.set(refnis(row[6]!), refnis(row[9]!));
for (const r of refnis2019) if (r.level === "province") regionOfProvince.set(r.code, r.parent);
// Brussels has no province: its arrondissement's parent is the region, which stands in at the province step.
const upper = (code: string, level: Level): string => {
  const arr = code.slice(0, 2) + "000";
  if (level === "arrondissement") return arr;
  const prov = provinceOfArr.get(arr);
  if (prov === undefined) throw new Error(`no province for arrondissement ${arr}`);
  if (level === "province") return prov;
  return /^0[234]000$/.test(prov) ? prov : regionOfProvince.get(prov)!;
};
const changes = new Map<string, Set<string>>(); // unit code -> dates its territory changes
for (const l of links) {
  for (const level of ["arrondissement", "province", "region"] as const) {
    const a = upper(l.oldCode, level);
    const b = upper(l.newCode, level);
    if (a === b) continue;
    for (const c of [a, b]) (changes.get(c) ?? changes.set(c, new Set()).get(c)!).add(l.date);
  }
}
const codesOf = (level: Level) => {
  const s = new Set<string>();
  for (const row of before.values()) {
    if (level === "arrondissement") s.add(refnis(row[3]!));
    if (level === "province" && row[6] !== "NA" && row[6] !== "") s.add(refnis(row[6]!));
    if (level === "region") s.add(refnis(row[9]!));
  }
  for (const r of refnis2019) if (r.level === level) s.add(r.code);
  return [...s].sort();
};
const names2015 = new Map<string, [string, string]>();
for (const row of before.values()) {
  names2015.set(refnis(row[3]!), [row[4]!, row[5]!]);
  if (row[6] !== "NA" && row[6] !== "") names2015.set(refnis(row[6]!), [row[7]!, row[8]!]);
  names2015.set(refnis(row[9]!), [row[10]!, row[11]!]);
}
for (const level of ["region", "province", "arrondissement"] as const) {
  for (const code of codesOf(level)) {
    const r19 = after2019.get(code);
    const old = names2015.get(code);
    const exists2015 = old !== undefined;
    const start = exists2015 ? "" : change2019;
    const end = r19 === undefined ? change2019 : "";
    const dates = [...(changes.get(code) ?? [])].filter((d) => d !== start && d !== end).sort();
    const bounds = [start, ...dates, end];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const from = bounds[i]!;
      const to = bounds[i + 1]!;
      // Regions keep Statbel's usual capitalisation (REFNIS writes them in capitals); other units take the
      // REFNIS 2019 name while they exist in it, else the name of the 2015 file.
      const useOld = level === "region" || r19 === undefined || (from === "" && to === change2019);
      const [nameNl, nameFr] = useOld && old !== undefined ? old : [r19!.nameNl, r19!.nameFr];
      const parent = level === "region" ? "BE" : level === "province" ? regionOfProvince.get(code)! : provinceOfArr.get(code)!;
      units.push({ code, level, validFrom: from, validTo: to, nameNl, nameFr, parent });
    }
  }
}
units.push({ code: "BE", level: "country", validFrom: "", validTo: "", nameNl: "België", nameFr: "Belgique", parent: "" });

const levelOrder: Record<Level, number> = { country: 0, region: 1, province: 2, arrondissement: 3, municipality: 4 };
units.sort((a, b) => levelOrder[a.level] - levelOrder[b.level] || a.code.localeCompare(b.code) || a.validFrom.localeCompare(b.validFrom));

// ---- 7. NUTS codes (see README.md for the source of each). NUTS 3 = arrondissement, except arr. Verviers,
// which NUTS splits by language area: its German-speaking municipalities (REFNIS language "D") are BE336.
const nuts2016Arr: Record<string, string> = {
  "21000": "BE100", "11000": "BE211", "12000": "BE212", "13000": "BE213", "71000": "BE221", "72000": "BE222",
  "73000": "BE223", "41000": "BE231", "42000": "BE232", "43000": "BE233", "44000": "BE234", "45000": "BE235",
  "46000": "BE236", "23000": "BE241", "24000": "BE242", "31000": "BE251", "32000": "BE252", "33000": "BE253",
  "34000": "BE254", "35000": "BE255", "36000": "BE256", "37000": "BE257", "38000": "BE258", "25000": "BE310",
  "51000": "BE321", "52000": "BE322", "53000": "BE323", "54000": "BE324", "55000": "BE325", "56000": "BE326",
  "57000": "BE327", "61000": "BE331", "62000": "BE332", "64000": "BE334", "81000": "BE341", "82000": "BE342",
  "83000": "BE343", "84000": "BE344", "85000": "BE345", "91000": "BE351", "92000": "BE352", "93000": "BE353",
};
// NUTS 2021 recodes exactly the arrondissements whose territory changed on 2019-01-01 (derived above from the
// crosswalk); the others keep their 2016 code. Checked against the GISCO NUTS 2021 TopoJSON by the test.
const nuts2021Changed: Record<string, string> = {
  "51000": "BE32A", "52000": "BE32B", "55000": "BE32C", "56000": "BE32D", "57000": "BE328", "58000": "BE329",
  "71000": "BE224", "72000": "BE225",
};
const nutsProvince: Record<string, string> = {
  "10000": "BE21", "70000": "BE22", "40000": "BE23", "20001": "BE24", "30000": "BE25", "20002": "BE31",
  "50000": "BE32", "60000": "BE33", "80000": "BE34", "90000": "BE35",
};
const nutsRegion: Record<string, string> = { "04000": "BE1", "02000": "BE2", "03000": "BE3" };

interface NutsRow { code: string; unitValidFrom: string; version: string; nuts: string; basis: string }
const nuts: NutsRow[] = [];
const inForce = (u: Unit, from: string, to: string) => (u.validFrom === "" || u.validFrom <= from) && (u.validTo === "" || u.validTo >= to);
for (const u of units) {
  // A NUTS version describes the territory in force while it applies: 2016 before the 2019 reform, 2021 from
  // 2019 until the 2025 mergers. A unit version gets the code only if it was in force over that whole span.
  const pre2019 = inForce(u, "", change2019);
  const mid = inForce(u, change2019, change2025);
  if (u.level === "country") {
    for (const v of ["2016", "2021", "2024"]) nuts.push({ code: u.code, unitValidFrom: u.validFrom, version: v, nuts: "BE", basis: "structure" });
  } else if (u.level === "region") {
    for (const v of ["2016", "2021", "2024"]) nuts.push({ code: u.code, unitValidFrom: u.validFrom, version: v, nuts: nutsRegion[u.code]!, basis: "structure" });
  } else if (u.level === "province" || (u.level === "arrondissement" && u.code === "21000")) {
    const code = u.level === "province" ? nutsProvince[u.code]! : "BE100";
    if (u.code === "21000") {
      nuts.push({ code: u.code, unitValidFrom: u.validFrom, version: "2016", nuts: "BE100", basis: "demo_r_gind3" });
      nuts.push({ code: u.code, unitValidFrom: u.validFrom, version: "2021", nuts: "BE100", basis: "gisco" });
    } else {
      if (pre2019) nuts.push({ code: u.code, unitValidFrom: u.validFrom, version: "2016", nuts: code, basis: "demo_r_gind3" });
      if (mid) nuts.push({ code: u.code, unitValidFrom: u.validFrom, version: "2021", nuts: code, basis: "gisco" });
    }
  } else if (u.level === "arrondissement" && u.code !== "63000") {
    if (pre2019) nuts.push({ code: u.code, unitValidFrom: u.validFrom, version: "2016", nuts: nuts2016Arr[u.code]!, basis: "demo_r_gind3" });
    if (mid) nuts.push({ code: u.code, unitValidFrom: u.validFrom, version: "2021", nuts: nuts2021Changed[u.code] ?? nuts2016Arr[u.code]!, basis: "gisco" });
  } else if (u.level === "municipality" && u.code.startsWith("63")) {
    const german = after2019.get(u.code)?.language === "D";
    const code = german ? "BE336" : "BE335";
    if (pre2019) nuts.push({ code: u.code, unitValidFrom: u.validFrom, version: "2016", nuts: code, basis: "language-area" });
    if (mid) nuts.push({ code: u.code, unitValidFrom: u.validFrom, version: "2021", nuts: code, basis: "language-area" });
  }
}

// ---- 8. Write.
const csvField = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const write = (file: string, header: string[], rows: string[][]) => {
  const body = [header, ...rows].map((r) => r.map(csvField).join(",")).join("\n") + "\n";
  writeFileSync(path.join(outDir, file), body);
  process.stdout.write(`${file}: ${rows.length} rows\n`);
};
write("units.csv", ["code", "level", "valid_from", "valid_to", "name_nl", "name_fr", "parent"],
  units.map((u) => [u.code, u.level, u.validFrom, u.validTo, u.nameNl, u.nameFr, u.parent]));
write("crosswalk.csv", ["old_code", "new_code", "date", "relationship", "transfer", "review"],
  links.map((l) => [l.oldCode, l.newCode, l.date, l.relationship, l.transfer, l.note]));
write("nuts.csv", ["code", "unit_valid_from", "nuts_version", "nuts_code", "basis"],
  nuts.map((n) => [n.code, n.unitValidFrom, n.version, n.nuts, n.basis]));
