import { InputError, makeSeriesKey } from "../../../core/index.ts";
import type { Observation, ParseInput, Period, SeriesKey } from "../../../core/index.ts";
import { readCount, recordCode, requireColumn } from "./code-lists.ts";
import type { CodeLists, StatbelTable } from "./code-lists.ts";
import { statbelBatchSize } from "./codes.ts";
import { linesOf, readLineBlocks, splitHeader } from "../input/lines.ts";

/** The reference date of the Belgian census 2011 (population on 1 January 2011). */
export const census2011Period = "2011-01-01" as Period;

interface DimensionColumns {
  readonly id: string;
  /** Per level (0, 1, ...): the code column and the nl/fr label columns (-1 when absent). */
  readonly levels: readonly { readonly code: number; readonly nl: number; readonly fr: number }[];
}

/** Reads the CD_<DIM>_LVL_n / TX_<DIM>_DESCR_{NL,FR}_LVL_n layout of a hypercube header into dimensions, in order. */
function readDimensions(header: readonly string[], source: string): DimensionColumns[] {
  const found = new Map<string, Map<number, { code: number; nl: number; fr: number }>>();
  header.forEach((name, i) => {
    const m = /^CD_([A-Z0-9]+)_LVL_(\d+)$/.exec(name);
    if (m === null) return;
    const dim = m[1]!;
    const level = Number(m[2]);
    const levels = found.get(dim) ?? new Map();
    levels.set(level, {
      code: i,
      nl: header.indexOf(`TX_${dim}_DESCR_NL_LVL_${level}`),
      fr: header.indexOf(`TX_${dim}_DESCR_FR_LVL_${level}`),
    });
    found.set(dim, levels);
  });
  if (found.size === 0) throw new InputError(source, 1, "no CD_<dimension>_LVL_<n> columns: not a Statbel census hypercube");
  return [...found].map(([dim, levels]) => {
    const max = Math.max(...levels.keys());
    const list = [];
    for (let l = 0; l <= max; l++) {
      const cols = levels.get(l);
      if (cols === undefined) throw new InputError(source, 1, `column CD_${dim}_LVL_${l} is missing between the levels of ${dim}`);
      list.push(cols);
    }
    return { id: dim.toLowerCase(), levels: list };
  });
}

/**
 * Parses a Statbel census 2011 hypercube (TF_CENSUS_2011_HCnn_L: pipe-separated, one row per cell, each
 * dimension given as hierarchical CD_<DIM>_LVL_n code columns with TX_<DIM>_DESCR_{FR,NL}_LVL_n labels, measure
 * OBS_VALUE). For each dimension the deepest non-empty level code is the series code, so a row's key is the
 * cell's most detailed codes in header order; the hierarchy is kept in the code lists (each code's parent is
 * the nearest shallower code that differs, with its level and nl/fr labels), so totals at any level can be
 * rebuilt by summing the children. Period: the census date 2011-01-01. Throws InputError with the line for a
 * malformed line, a level gap, a bad count or two rows with the same key.
 */
export async function parseCensusHypercube(input: ParseInput): Promise<StatbelTable> {
  const { header: { text: headerLine }, body } = await splitHeader(readLineBlocks(input, "utf-8-or-windows-1252"), input.name);
  const header = headerLine.split("|").map((h) => h.trim());
  const dimensions = readDimensions(header, input.name);
  const valueColumn = requireColumn(header, input.name, "OBS_VALUE");
  const codeLists: CodeLists = new Map();
  const datasetCode = /TF_CENSUS_2011_HC\d+_L/i.exec(input.name)?.[0]?.toUpperCase() ?? null;

  async function* batches(): AsyncGenerator<Observation[]> {
    const seen = new Set<string>();
    let batch: Observation[] = [];
    for await (const block of body) for (const { text, line } of linesOf(block)) {
      if (text.trim() === "") continue;
      const f = text.split("|");
      if (f.length !== header.length) throw new InputError(input.name, line, `expected ${header.length} fields, found ${f.length}`);
      const codes: string[] = [];
      for (const dim of dimensions) {
        let deepest: string | null = null;
        let emptyFrom = -1;
        dim.levels.forEach((cols, level) => {
          const code = f[cols.code]!.trim();
          if (code === "") {
            if (emptyFrom < 0) emptyFrom = level;
            return;
          }
          if (emptyFrom >= 0) throw new InputError(input.name, line, `${dim.id} has a code at level ${level} below an empty level ${emptyFrom}`);
          if (code !== deepest && !codeLists.get(dim.id)?.has(code)) {
            const label = { nl: cols.nl >= 0 ? f[cols.nl]!.trim() || null : null, fr: cols.fr >= 0 ? f[cols.fr]!.trim() || null : null };
            recordCode(codeLists, dim.id, { code, level, parent: deepest, label }, input.name, line);
          } else if (code !== deepest) {
            const known = codeLists.get(dim.id)!.get(code)!;
            if (known.parent !== deepest) recordCode(codeLists, dim.id, { code, level, parent: deepest, label: known.label }, input.name, line);
          }
          deepest = code;
        });
        if (deepest === null) throw new InputError(input.name, line, `no ${dim.id} code`);
        codes.push(deepest);
      }
      let series: SeriesKey;
      try {
        series = makeSeriesKey(codes);
      } catch (error) {
        throw new InputError(input.name, line, (error as Error).message);
      }
      if (seen.has(series)) throw new InputError(input.name, line, `second row for ${series}`);
      seen.add(series);
      batch.push({ series, period: census2011Period, value: readCount(f[valueColumn]!, input.name, line), flags: "" });
      if (batch.length >= statbelBatchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  return { header: { dimensions: dimensions.map((d) => d.id), sourceUpdatedAt: null, datasetCode }, batches: batches(), codeLists };
}
