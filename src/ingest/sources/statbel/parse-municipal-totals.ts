import { InputError } from "../../../core/index.ts";
import type { Observation, ParseInput, Parser, Period, SeriesKey } from "../../../core/index.ts";
import { readCount, recordCode, requireColumn } from "./code-lists.ts";
import type { CodeLists, StatbelTable } from "./code-lists.ts";
import { restoreRefnis } from "./codes.ts";
import { splitCsvLine } from "./csv-fields.ts";
import { linesOf, readLineBlocks, splitHeader } from "../input/lines.ts";

/**
 * A parser for Statbel's population by place of residence (`NIS code,Woonplaats,Mannen,Vrouwen,Totaal`, as in
 * bevolking_per_gemeente_2020.csv: UTF-8 with a byte-order mark, CRLF), which gives the kingdom (01000, written BE),
 * regions, provinces, arrondissements and municipalities in one list. Series key refnis.sex with sex M, F and T
 * (the file's total); the period is `stockDate`, or `<year>-01-01` with the year in the file name when omitted.
 * The parser throws InputError with the line for a malformed line, a bad count, a code given twice or a total that
 * is not men + women, and when no reference date can be known.
 */
export function municipalTotalsParser(stockDate?: string): Parser {
  return (input) => parseMunicipalTotals(input, stockDate);
}

/** parse-municipal-totals with the date taken from the file name (see municipalTotalsParser). */
export const parseMunicipalTotalsByName: Parser = (input) => parseMunicipalTotals(input, undefined);

async function parseMunicipalTotals(input: ParseInput, stockDate: string | undefined): Promise<StatbelTable> {
  const year = /(?:^|[^0-9])(\d{4})(?:[^0-9]|$)/.exec(input.name.split("/").at(-1) ?? "")?.[1];
  const date = stockDate ?? (year === undefined ? undefined : `${year}-01-01`);
  if (date === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new InputError(input.name, undefined, "no stock date given and no year in the file name");
  }
  const { header: { text: headerLine }, body } = await splitHeader(readLineBlocks(input, "utf-8-or-windows-1252"), input.name);
  const header = splitCsvLine(headerLine, input.name, 1).map((h) => h.trim());
  const c = {
    refnis: requireColumn(header, input.name, "NIS code"), name: requireColumn(header, input.name, "Woonplaats"),
    men: requireColumn(header, input.name, "Mannen"), women: requireColumn(header, input.name, "Vrouwen"),
    total: requireColumn(header, input.name, "Totaal"),
  };
  const codeLists: CodeLists = new Map();

  async function* batches(): AsyncGenerator<Observation[]> {
    const seen = new Set<string>();
    const batch: Observation[] = [];
    for await (const block of body) for (const { text, line } of linesOf(block)) {
      if (text.trim() === "") continue;
      const f = splitCsvLine(text, input.name, line);
      if (f.length !== header.length) throw new InputError(input.name, line, `expected ${header.length} fields, found ${f.length}`);
      const refnis = restoreRefnis(f[c.refnis]!, input.name, line);
      if (seen.has(refnis)) throw new InputError(input.name, line, `second row for ${refnis}`);
      seen.add(refnis);
      recordCode(codeLists, "refnis", { code: refnis, level: 0, parent: null, label: { nl: f[c.name]!.trim() || null, fr: null } }, input.name, line);
      const men = readCount(f[c.men]!, input.name, line);
      const women = readCount(f[c.women]!, input.name, line);
      const total = readCount(f[c.total]!, input.name, line);
      if (men + women !== total) throw new InputError(input.name, line, `total ${total} of ${refnis} is not men ${men} + women ${women}`);
      for (const [sex, value] of [["M", men], ["F", women], ["T", total]] as const) {
        batch.push({ series: `${refnis}.${sex}` as SeriesKey, period: date as Period, value, flags: "" });
      }
    }
    if (batch.length > 0) yield batch;
  }

  return { header: { dimensions: ["refnis", "sex"], sourceUpdatedAt: null, datasetCode: null }, batches: batches(), codeLists };
}
