import { InputError, excerpt } from "../../../core/index.ts";
import type { Observation, ParseInput, Period, SeriesKey } from "../../../core/index.ts";
import { columnIndex, readCount, recordCode, requireColumn, UnknownCodes } from "./code-lists.ts";
import type { CodeLists, StatbelTable } from "./code-lists.ts";
import { civilStatusCodes, nationalityCodes, optionalRefnis, restoreRefnis, sexCodes, statbelBatchSize } from "./codes.ts";
import { linesOf, readLineBlocks, splitHeader } from "../input/lines.ts";

/** The dimensions of TF_SOC_POP_STRUCT_<year>, in series-key order. */
export const populationStructureDimensions = ["refnis", "sex", "nationality", "civil_status", "age"] as const;

const yearInName = /TF_SOC_POP_STRUCT_(\d{4})/i;

interface Columns {
  readonly dstr: number; readonly dstrNl: number; readonly dstrFr: number;
  readonly prov: number; readonly provNl: number; readonly provFr: number;
  readonly rgn: number; readonly rgnNl: number; readonly rgnFr: number;
  readonly nl: number; readonly fr: number;
}
/** Records a municipality with its arrondissement, province (absent in Brussels) and region in the code list. */
function recordHierarchy(lists: CodeLists, c: Columns, f: readonly string[], refnis: string, source: string, line: number): void {
  const dstr = restoreRefnis(f[c.dstr]!, source, line);
  const prov = optionalRefnis(f[c.prov]!, source, line);
  const rgn = restoreRefnis(f[c.rgn]!, source, line);
  const label = (nl: number, fr: number) => ({ nl: f[nl]?.trim() || null, fr: f[fr]?.trim() || null });
  recordCode(lists, "refnis", { code: rgn, level: 1, parent: "BE", label: label(c.rgnNl, c.rgnFr) }, source, line);
  if (prov !== null) recordCode(lists, "refnis", { code: prov, level: 2, parent: rgn, label: label(c.provNl, c.provFr) }, source, line);
  recordCode(lists, "refnis", { code: dstr, level: 3, parent: prov ?? rgn, label: label(c.dstrNl, c.dstrFr) }, source, line);
  recordCode(lists, "refnis", { code: refnis, level: 4, parent: dstr, label: label(c.nl, c.fr) }, source, line);
}

/**
 * Parses Statbel's TF_SOC_POP_STRUCT_<year> (population on 1 January by municipality, sex, nationality group
 * BEL/ETR, civil status and single year of age; pipe-separated, one row per cell). Series key
 * refnis.sex.nationality.civil_status.age with REFNIS codes restored to five digits; the period is the stock date
 * `<year>-01-01`, the year taken from a CD_YEAR column or else from the file name. The code lists carry the nl/fr
 * labels and the municipality -> arrondissement -> province (none in Brussels) -> region hierarchy. Column names of
 * older (CD_MUNTY_REFNIS) and newer (CD_REFNIS) files are both read. Throws InputError with the line for a
 * malformed line, a bad count or a duplicate cell, and UnknownCodeError listing codes outside Statbel's lists.
 */
export async function parsePopulationStructure(input: ParseInput): Promise<StatbelTable> {
  const lines = readLineBlocks(input, "utf-8-or-windows-1252");
  const { header: { text: headerLine }, body } = await splitHeader(lines, input.name);
  const header = headerLine.split("|").map((h) => h.trim());
  const col = (...names: string[]) => requireColumn(header, input.name, ...names);
  const c = {
    refnis: col("CD_MUNTY_REFNIS", "CD_REFNIS"), nl: col("TX_MUNTY_DESCR_NL", "TX_DESCR_NL"), fr: col("TX_MUNTY_DESCR_FR", "TX_DESCR_FR"),
    dstr: col("CD_DSTR_REFNIS"), dstrNl: col("TX_ADM_DSTR_DESCR_NL"), dstrFr: col("TX_ADM_DSTR_DESCR_FR"),
    prov: col("CD_PROV_REFNIS"), provNl: col("TX_PROV_DESCR_NL"), provFr: col("TX_PROV_DESCR_FR"),
    rgn: col("CD_RGN_REFNIS"), rgnNl: col("TX_RGN_DESCR_NL"), rgnFr: col("TX_RGN_DESCR_FR"),
    sex: col("CD_SEX"), nat: col("CD_NATLTY"), natNl: col("TX_NATLTY_NL"), natFr: col("TX_NATLTY_FR"),
    civ: col("CD_CIV_STS"), civNl: col("TX_CIV_STS_NL"), civFr: col("TX_CIV_STS_FR"),
    age: col("CD_AGE"), value: col("MS_POPULATION"), year: columnIndex(header, "CD_YEAR"),
  };
  const nameYear = yearInName.exec(input.name)?.[1];
  if (c.year < 0 && nameYear === undefined) {
    throw new InputError(input.name, 1, "no CD_YEAR column and no year in the file name: the reference date is unknown");
  }
  const codeLists: CodeLists = new Map();

  async function* batches(): AsyncGenerator<Observation[]> {
    const unknown = new UnknownCodes();
    const seen = new Set<string>();
    const municipalityCodes = new Map<string, string>();
    const hierarchyOf = new Map<string, string>();
    let batch: Observation[] = [];
    for await (const block of body) for (const { text, line } of linesOf(block)) {
      if (text.trim() === "") continue;
      // Statbel pads some label fields with spaces; codes and counts never contain one, so only labels are trimmed.
      const f = text.split("|");
      if (f.length !== header.length) throw new InputError(input.name, line, `expected ${header.length} fields, found ${f.length}`);
      const year = c.year >= 0 ? f[c.year]! : nameYear!;
      if (!/^\d{4}$/.test(year)) throw new InputError(input.name, line, `not a year: ${excerpt(year)}`);
      const rawRefnis = f[c.refnis]!;
      const where = `${f[c.dstr]}|${f[c.prov]}|${f[c.rgn]}`;
      // The hierarchy columns repeat on every row of a municipality: read them when its first row is met, and
      // again only if a later row names another arrondissement (recordCode then reports the conflict).
      let refnis = municipalityCodes.get(rawRefnis);
      if (refnis === undefined || hierarchyOf.get(rawRefnis) !== where) {
        refnis = restoreRefnis(rawRefnis, input.name, line);
        recordHierarchy(codeLists, c, f, refnis, input.name, line);
        municipalityCodes.set(rawRefnis, refnis);
        hierarchyOf.set(rawRefnis, where);
      }
      const sex = f[c.sex]!;
      const nat = f[c.nat]!;
      const civ = f[c.civ]!;
      const age = f[c.age]!;
      unknown.check("sex", sex, sexCodes, line);
      unknown.check("nationality", nat, nationalityCodes, line);
      unknown.check("civil_status", civ, civilStatusCodes, line);
      if (!/^\d{1,3}$/.test(age)) throw new InputError(input.name, line, `not an age in years: ${excerpt(age)}`);
      if (!codeLists.get("nationality")?.has(nat)) {
        recordCode(codeLists, "nationality", { code: nat, level: 0, parent: null, label: { nl: f[c.natNl]?.trim() || null, fr: f[c.natFr]?.trim() || null } }, input.name, line);
      }
      if (!codeLists.get("civil_status")?.has(civ)) {
        recordCode(codeLists, "civil_status", { code: civ, level: 0, parent: null, label: { nl: f[c.civNl]?.trim() || null, fr: f[c.civFr]?.trim() || null } }, input.name, line);
      }
      const series = `${refnis}.${sex}.${nat}.${civ}.${age}` as SeriesKey;
      const period = `${year}-01-01` as Period;
      const key = `${series}@${period}`;
      if (seen.has(key)) throw new InputError(input.name, line, `second row for ${series} on ${period}`);
      seen.add(key);
      batch.push({ series, period, value: readCount(f[c.value]!, input.name, line), flags: "" });
      if (batch.length >= statbelBatchSize) {
        yield batch;
        batch = [];
      }
    }
    unknown.throwIfAny(input.name);
    if (batch.length > 0) yield batch;
  }

  return {
    header: { dimensions: [...populationStructureDimensions], sourceUpdatedAt: null, datasetCode: nameYear === undefined ? "TF_SOC_POP_STRUCT" : `TF_SOC_POP_STRUCT_${nameYear}` },
    batches: batches(),
    codeLists,
  };
}
