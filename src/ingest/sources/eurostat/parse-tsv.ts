import {
  excerpt, InputError, PeriodError, makeSeriesKey, parsePeriod,
  type Observation, type ParseInput, type ParsedTable, type Period, type SeriesKey,
} from "../../../core/index.ts";
import { batchSize } from "./batching.ts";
import { FlagReader, readDecimal } from "./cell-value.ts";
import { codeMapperOf } from "./codes.ts";
import { readLineBlocks, type InputLine, type LineBlock } from "../input/lines.ts";

/**
 * Parses Eurostat's bulk-download TSV ("flag in cell"): a tab-separated table whose first column packs the
 * dimension codes (`unit,sector,geo`) under a header like `indic_de,geo\time`, and one column per period (newest
 * or oldest first) whose cells are `value flag` (`2.3 p`, `1796 b`, `: ` missing, `: c` confidential). Periods
 * become canonical (`2019Q1` -> `2019-Q1`, `2019M03` -> `2019-03`), `:` becomes null, EL/UK become GR/GB in
 * country dimensions. Streams line by line: only one line is held in memory. Iterating the batches throws
 * InputError naming the input and line for a wrong field count, a value that is not a number, an unknown
 * flag letter, a bad period or a code with a dot.
 */
export async function parseEurostatTsv(input: ParseInput): Promise<ParsedTable> {
  const source = input.name;
  const blocks = readLineBlocks(input);
  let block: LineBlock | undefined;
  let index = 0;
  let first: InputLine | undefined;
  while (first === undefined) {
    const step = await blocks.next();
    if (step.done) throw new InputError(source, undefined, "empty input, expected a TSV header");
    block = step.value;
    for (index = 0; index < block.texts.length; index++) {
      const text = block.texts[index] as string;
      if (text.trim() !== "") {
        first = { text, line: block.first + index };
        index++;
        break;
      }
    }
  }
  const { dimensions, periods } = readHeader(first, source);
  const rest: LineBlock = { texts: (block as LineBlock).texts.slice(index), first: first.line + 1 };
  return {
    header: { dimensions, sourceUpdatedAt: null, datasetCode: null },
    batches: readBatches(rest, blocks, source, dimensions, periods),
  };
}

function readHeader(first: InputLine, source: string): { dimensions: string[]; periods: Period[] } {
  const fields = first.text.split("\t");
  const head = fields[0] ?? "";
  const slash = head.indexOf("\\");
  if (slash < 0) {
    throw new InputError(source, first.line, `not an Eurostat TSV header (no "dim,...\\time" cell): ${excerpt(head.slice(0, 60))}`);
  }
  const dimensions = head.slice(0, slash).split(",").map((d) => d.trim().toLowerCase());
  if (dimensions.some((d) => d === "") || new Set(dimensions).size !== dimensions.length) {
    throw new InputError(source, first.line, `empty or repeated dimension in header ${excerpt(head)}`);
  }
  if (fields.length < 2) throw new InputError(source, first.line, "header has no period columns");
  const periods = fields.slice(1).map((text) => {
    try {
      return parsePeriod(text);
    } catch (error) {
      if (error instanceof PeriodError) throw new InputError(source, first.line, error.message);
      throw error;
    }
  });
  return { dimensions, periods };
}

async function* readBatches(
  firstBlock: LineBlock, blocks: AsyncGenerator<LineBlock>, source: string, dimensions: readonly string[],
  periods: readonly Period[],
): AsyncGenerator<Observation[]> {
  const flags = new FlagReader(source);
  const mappers = dimensions.map(codeMapperOf);
  const width = periods.length + 1;
  let batch: Observation[] = [];
  let block: LineBlock | undefined = firstBlock;
  while (block !== undefined) {
    const { texts, first } = block;
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i] as string;
      if (text.length === 0 || text.trim() === "") continue;
      const line = first + i;
      const fields = text.split("\t");
      if (fields.length !== width) {
        throw new InputError(source, line, `expected ${width} tab-separated fields, found ${fields.length}`);
      }
      const series = readSeriesKey(fields[0] as string, dimensions, mappers, source, line);
      for (let c = 1; c < width; c++) {
        batch.push(readCell(fields[c] as string, series, periods[c - 1] as Period, flags, source, line));
      }
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    const step = await blocks.next();
    block = step.done ? undefined : step.value;
  }
  if (batch.length > 0) yield batch;
}

function readSeriesKey(
  cell: string, dimensions: readonly string[], mappers: ReadonlyArray<(code: string) => string>, source: string, line: number,
): SeriesKey {
  const codes = cell.split(",");
  if (codes.length !== dimensions.length) {
    throw new InputError(source, line, `expected ${dimensions.length} codes in ${excerpt(cell)}, found ${codes.length}`);
  }
  for (let d = 0; d < codes.length; d++) {
    const code = (codes[d] as string).trim();
    if (code === "" || code.includes(".")) {
      throw new InputError(source, line, `bad ${dimensions[d]} code ${excerpt(code)}`);
    }
    codes[d] = (mappers[d] as (code: string) => string)(code);
  }
  return makeSeriesKey(codes);
}

function readCell(
  cell: string, series: SeriesKey, period: Period, flags: FlagReader, source: string, line: number,
): Observation {
  let end = cell.length;
  while (end > 0 && cell.charCodeAt(end - 1) === 32) end--;
  if (end === 0) throw new InputError(source, line, `empty cell for ${period}`);
  if (cell.charCodeAt(0) === 58) {
    return { series, period, value: null, flags: flags.read(cell.slice(1, end).trim(), line) };
  }
  const space = cell.indexOf(" ");
  const numberEnd = space < 0 || space > end ? end : space;
  const numberText = cell.slice(0, numberEnd);
  const flagText = numberEnd < end ? cell.slice(numberEnd + 1, end).trim() : "";
  const value = readDecimal(numberText);
  if (value === undefined) {
    throw new InputError(source, line, `not a number: ${excerpt(cell.slice(0, end))} for ${period}`);
  }
  return { series, period, value, flags: flags.read(flagText, line) };
}
