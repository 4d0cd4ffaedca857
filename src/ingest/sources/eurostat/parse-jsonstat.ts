import {
  InputError, InputLimitError, excerpt, makeSeriesKey,
  type Observation, type ParseInput, type ParsedTable, type Period,
} from "../../../core/index.ts";
import { batchSize } from "./batching.ts";
import { FlagReader } from "./cell-value.ts";
import { mapEurostatCode } from "./codes.ts";
import { readInputBytes } from "../input/inflate.ts";
import { limitSettings, limitsOf } from "../input/limits.ts";
import { PeriodReader } from "./period-reader.ts";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * Parses a JSON-stat 2.0 dataset as the Eurostat dissemination API returns it: `id`/`size` and the category
 * index of each dimension give the cube, `value` (sparse object or array) and `status` (object or array, Eurostat
 * writes `flags|confidentiality`, e.g. `p|`, `|C` -> flag c) give the cells. A cell with neither a value nor a
 * status is no observation (this covers `extension.positions-with-no-data`); a confidential cell without value
 * is an observation with value null and flag c. An empty answer (a size of 0, e.g. a period filter beyond the
 * data, or an unknown code in a filter, which the API answers with HTTP 200 and an empty dimension) gives zero
 * observations, not an error. `updated` becomes sourceUpdatedAt and `extension.id` the dataset code. Not
 * streamed: the whole answer is read and parsed at once, which is fine because API answers are bounded.
 * Throws InputError naming the input (and line, for JSON syntax) for anything that is not such a dataset.
 */
export async function parseJsonStat(input: ParseInput): Promise<ParsedTable> {
  const source = input.name;
  const text = await readText(input);
  const root = readJson(text, source);
  if (!isObject(root) || root["class"] !== "dataset") {
    throw new InputError(source, undefined, 'not a JSON-stat 2.0 dataset (no "class": "dataset")');
  }
  const ids = stringArray(root["id"], "id", source);
  const sizes = numberArray(root["size"], "size", source);
  if (ids.length !== sizes.length || ids.length === 0) throw new InputError(source, undefined, '"id" and "size" differ in length');
  const dimensionObject = root["dimension"];
  if (!isObject(dimensionObject)) throw new InputError(source, undefined, 'no "dimension" object');
  const role = isObject(root["role"]) ? root["role"] : {};
  const timeIds = Array.isArray(role["time"]) ? role["time"] : ["time"];
  const timeIndex = ids.findIndex((id) => timeIds.includes(id));
  if (timeIndex < 0) throw new InputError(source, undefined, "no time dimension");
  const cells = declaredCells(ids, sizes, limitsOf(input).maxDeclaredCells, source);
  const categories = ids.map((id, d) => readCategories(dimensionObject[id], id, sizes[d] as number, source));
  const dimensions = ids.filter((_, d) => d !== timeIndex).map((id) => id.toLowerCase());
  const extension = isObject(root["extension"]) ? root["extension"] : {};
  const updated = root["updated"];
  const header = {
    dimensions,
    sourceUpdatedAt: typeof updated === "string" && updated.trim() !== "" ? updated.trim() : null,
    datasetCode: typeof extension["id"] === "string" ? extension["id"] : null,
  };
  const observations = readObservations(root, ids, sizes, categories, timeIndex, cells, source, () => overflowingNumberIn(text));
  return { header, batches: inBatches(observations) };
}

async function readText(input: ParseInput): Promise<string> {
  const source = input.name;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let text = "";
  try {
    for await (const chunk of readInputBytes(input)) text += decoder.decode(chunk, { stream: true });
    return text + decoder.decode();
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(source, undefined, "bytes that are not UTF-8");
  }
}

/**
 * The number of cells the `size` array declares. Each size and their product must stay within `maxCells`
 * (an answer of the Eurostat API is bounded; a larger declaration is a corrupt or hostile file, and a size of
 * 2^33 would otherwise fail deep inside with "Invalid array length"). Throws InputLimitError naming the field.
 */
function declaredCells(ids: readonly string[], sizes: readonly number[], maxCells: number, source: string): number {
  const refuse = (what: string) => new InputLimitError(source, undefined,
    `${source}: ${what} more than ${maxCells} cells; set ${limitSettings.maxDeclaredCells} to raise the limit`, limitSettings.maxDeclaredCells);
  sizes.forEach((size, d) => {
    if (size > maxCells) throw refuse(`"size" of dimension ${excerpt(ids[d])} declares ${size} positions,`);
  });
  const cells = sizes.reduce((a, b) => a * b, 1);
  if (cells > maxCells) throw refuse(`"size" [${sizes.join(", ")}] declares a cube of ${cells} cells,`);
  return cells;
}

/** The first number literal of a JSON text that is too large for a double (`1E309`), for messages. */
function overflowingNumberIn(text: string): string | undefined {
  for (const match of text.matchAll(/-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/g)) {
    if (!Number.isFinite(Number(match[0]))) return match[0];
  }
  return undefined;
}

function readJson(text: string, source: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    const line = at ? text.slice(0, Number(at[1])).split("\n").length : undefined;
    throw new InputError(source, line, `not JSON (${(error as Error).message.replace(/\s+/g, " ")})`);
  }
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringArray(value: Json | undefined, name: string, source: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw new InputError(source, undefined, `"${name}" is not an array of strings`);
  }
  return value as string[];
}

function numberArray(value: Json | undefined, name: string, source: string): number[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== "number" || !Number.isInteger(v) || v < 0)) {
    throw new InputError(source, undefined, `"${name}" is not an array of counts`);
  }
  return value as number[];
}

/** The codes of a dimension in position order, from `category.index` (object or array). */
function readCategories(value: Json | undefined, id: string, size: number, source: string): string[] {
  const index = isObject(value) && isObject(value["category"]) ? value["category"]["index"] : undefined;
  const codes: string[] = new Array<string>(size);
  if (Array.isArray(index)) {
    index.forEach((code, i) => { if (typeof code === "string") codes[i] = code; });
  } else if (isObject(index)) {
    for (const [code, position] of Object.entries(index)) {
      if (typeof position !== "number" || !Number.isInteger(position) || position < 0 || position >= size) {
        throw new InputError(source, undefined, `dimension ${excerpt(id)}: position of ${excerpt(code)} is not within its size ${size}`);
      }
      codes[position] = code;
    }
  } else if (size > 0) {
    throw new InputError(source, undefined, `dimension ${id} has no category index`);
  }
  for (let i = 0; i < size; i++) {
    const code = codes[i];
    if (code === undefined || code === "" || code.includes(".")) {
      throw new InputError(source, undefined, `dimension ${excerpt(id)} has no usable code at position ${i}`);
    }
  }
  return codes;
}

function* readObservations(
  root: JsonObject, ids: readonly string[], sizes: readonly number[], categories: readonly string[][],
  timeIndex: number, cells: number, source: string, overflowingLiteral: () => string | undefined,
): Generator<Observation> {
  if (cells === 0) return;
  const values = root["value"] ?? null;
  const statuses = root["status"] ?? null;
  if (!(isObject(values) || Array.isArray(values))) throw new InputError(source, undefined, '"value" is neither an object nor an array');
  if (!(statuses === null || isObject(statuses) || Array.isArray(statuses))) {
    throw new InputError(source, undefined, '"status" is neither an object nor an array');
  }
  const positions = new Set<number>();
  const collect = (container: Json, name: string) => {
    if (Array.isArray(container)) {
      if (container.length !== cells && container.length !== 0) {
        throw new InputError(source, undefined, `"${name}" array has ${container.length} cells, the cube ${cells}`);
      }
      container.forEach((v, i) => { if (v !== null) positions.add(i); });
    } else if (isObject(container)) {
      for (const key of Object.keys(container)) {
        const i = Number(key);
        if (!/^\d+$/.test(key) || i >= cells) throw new InputError(source, undefined, `"${name}" key ${excerpt(key)} is not a cell of the cube`);
        positions.add(i);
      }
    }
  };
  collect(values, "value");
  if (statuses !== null) collect(statuses, "status");
  const flags = new FlagReader(source);
  const periods = new PeriodReader(source);
  const codes: string[] = new Array<string>(ids.length - 1);
  for (const cell of [...positions].sort((a, b) => a - b)) {
    let rest = cell;
    let period: Period | undefined;
    for (let d = ids.length - 1; d >= 0; d--) {
      const size = sizes[d] as number;
      const code = (categories[d] as string[])[rest % size] as string;
      rest = Math.floor(rest / size);
      if (d === timeIndex) period = periods.read(code, undefined);
      else codes[d < timeIndex ? d : d - 1] = mapEurostatCode(ids[d] as string, code);
    }
    const raw = pick(values, cell);
    if (typeof raw === "number" && !Number.isFinite(raw)) {
      // JSON.parse reads 1E309 as Infinity, which JSON.stringify would print as null: quote the literal itself
      throw new InputError(source, undefined, `value ${overflowingLiteral() ?? String(raw)} at index ${cell} is not a finite number`);
    }
    if (raw !== null && typeof raw !== "number") {
      throw new InputError(source, undefined, `value ${excerpt(typeof raw === "string" ? raw : JSON.stringify(raw))} at index ${cell} is not a number`);
    }
    const status = statuses === null ? null : pick(statuses, cell);
    if (status !== null && typeof status !== "string") {
      throw new InputError(source, undefined, `status of cell ${cell} is not a string`);
    }
    yield { series: makeSeriesKey(codes), period: period as Period, value: raw, flags: readStatus(status ?? "", flags, source) };
  }
}

function pick(container: Json, cell: number): Json {
  if (Array.isArray(container)) return container[cell] ?? null;
  if (isObject(container)) return container[String(cell)] ?? null;
  return null;
}

/** Eurostat status `flags|confidentiality`: `p|` -> p, `|C` -> c, `e` -> e. */
function readStatus(status: string, flags: FlagReader, source: string): string {
  const bar = status.indexOf("|");
  if (bar < 0) return flags.read(status, undefined);
  const conf = status.slice(bar + 1).trim();
  if (conf !== "" && conf !== "C" && conf !== "F" && conf !== "D") {
    throw new InputError(source, undefined, `unknown confidentiality status ${excerpt(conf)}`);
  }
  return flags.read(status.slice(0, bar) + (conf === "C" || conf === "D" ? "c" : ""), undefined);
}

async function* inBatches(observations: Iterable<Observation>): AsyncGenerator<Observation[]> {
  let batch: Observation[] = [];
  for (const observation of observations) {
    batch.push(observation);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
