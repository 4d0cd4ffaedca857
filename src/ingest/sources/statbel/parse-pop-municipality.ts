import { InputError, excerpt } from "../../../core/index.ts";
import type { Observation, ParseInput, Period, SeriesKey } from "../../../core/index.ts";
import { columnIndex, readCount, recordCode, requireColumn, UnknownCodes } from "./code-lists.ts";
import type { CodeLists, StatbelTable } from "./code-lists.ts";
import { nationalityCodes, optionalRefnis, restoreRefnis, sexCodes, statbelBatchSize } from "./codes.ts";
import { splitCsvLine } from "./csv-fields.ts";
import { linesOf, readLineBlocks, splitHeader } from "../input/lines.ts";

/** The age groups of the derived file by age group (summed from TF_SOC_POP_STRUCT single years). */
const ageGroups: ReadonlySet<string> = new Set(["Y0-14", "Y15-24", "Y25-44", "Y45-64", "Y_GE65"]);

/**
 * Parses the population tables derived from TF_SOC_POP_STRUCT (pop_by_municipality_nationality_sex[_agegroup]:
 * CSV with CD_YEAR, CD_MUNTY_REFNIS, CD_NATLTY, CD_SEX, optionally AGE_GROUP, MS_POPULATION, and optionally the
 * names and the district/province/region codes). Series key refnis.nationality.sex[.age_group], REFNIS codes
 * restored to five digits; period `<CD_YEAR>-01-01`. Where the hierarchy columns are present the code lists keep
 * municipality -> arrondissement -> province (none in Brussels) -> region. Throws InputError with the line for a
 * malformed line, a bad count or a duplicate cell, and UnknownCodeError listing unknown sex, nationality or age codes.
 */
export async function parseMunicipalPopulation(input: ParseInput): Promise<StatbelTable> {
  const { header: { text: headerLine }, body } = await splitHeader(readLineBlocks(input, "utf-8-or-windows-1252"), input.name);
  const header = splitCsvLine(headerLine, input.name, 1).map((h) => h.trim());
  const col = (name: string) => requireColumn(header, input.name, name);
  const c = {
    year: col("CD_YEAR"), refnis: col("CD_MUNTY_REFNIS"), nat: col("CD_NATLTY"), sex: col("CD_SEX"), value: col("MS_POPULATION"),
    age: columnIndex(header, "AGE_GROUP"), nl: columnIndex(header, "TX_MUNTY_DESCR_NL"), fr: columnIndex(header, "TX_MUNTY_DESCR_FR"),
    dstr: columnIndex(header, "CD_DSTR_REFNIS"), prov: columnIndex(header, "CD_PROV_REFNIS"), rgn: columnIndex(header, "CD_RGN_REFNIS"),
  };
  const hasHierarchy = c.dstr >= 0 && c.prov >= 0 && c.rgn >= 0;
  const dimensions = c.age >= 0 ? ["refnis", "nationality", "sex", "age_group"] : ["refnis", "nationality", "sex"];
  const codeLists: CodeLists = new Map();

  async function* batches(): AsyncGenerator<Observation[]> {
    const unknown = new UnknownCodes();
    const seen = new Set<string>();
    const restored = new Map<string, string>();
    let batch: Observation[] = [];
    for await (const block of body) for (const { text, line } of linesOf(block)) {
      if (text.trim() === "") continue;
      const f = splitCsvLine(text, input.name, line);
      if (f.length !== header.length) throw new InputError(input.name, line, `expected ${header.length} fields, found ${f.length}`);
      const year = f[c.year]!.trim();
      if (!/^\d{4}$/.test(year)) throw new InputError(input.name, line, `not a year: ${excerpt(year)}`);
      const raw = f[c.refnis]!;
      let refnis = restored.get(raw);
      if (refnis === undefined) {
        refnis = restoreRefnis(raw, input.name, line);
        restored.set(raw, refnis);
        if (hasHierarchy) {
          const dstr = restoreRefnis(f[c.dstr]!, input.name, line);
          const prov = optionalRefnis(f[c.prov]!, input.name, line);
          const rgn = restoreRefnis(f[c.rgn]!, input.name, line);
          const noLabel = { nl: null, fr: null };
          recordCode(codeLists, "refnis", { code: rgn, level: 1, parent: "BE", label: noLabel }, input.name, line);
          if (prov !== null) recordCode(codeLists, "refnis", { code: prov, level: 2, parent: rgn, label: noLabel }, input.name, line);
          recordCode(codeLists, "refnis", { code: dstr, level: 3, parent: prov ?? rgn, label: noLabel }, input.name, line);
          const label = { nl: c.nl >= 0 ? f[c.nl]!.trim() || null : null, fr: c.fr >= 0 ? f[c.fr]!.trim() || null : null };
          recordCode(codeLists, "refnis", { code: refnis, level: 4, parent: dstr, label }, input.name, line);
        }
      }
      const nat = f[c.nat]!.trim();
      const sex = f[c.sex]!.trim();
      unknown.check("nationality", nat, nationalityCodes, line);
      unknown.check("sex", sex, sexCodes, line);
      const codes = [refnis, nat, sex];
      if (c.age >= 0) {
        const age = f[c.age]!.trim();
        unknown.check("age_group", age, ageGroups, line);
        codes.push(age);
      }
      const series = codes.join(".") as SeriesKey;
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

  return { header: { dimensions, sourceUpdatedAt: null, datasetCode: null }, batches: batches(), codeLists };
}
