import { SaxesParser, type SaxesTagPlain } from "saxes";
import {
  excerpt, InputError, MigmonError, makeSeriesKey,
  type Observation, type ParseInput, type ParsedHeader, type ParsedTable, type SeriesKey,
} from "../../../core/index.ts";
import { batchSize } from "./batching.ts";
import { FlagReader, readDecimal } from "./cell-value.ts";
import { mapEurostatCode } from "./codes.ts";
import { readInputBytes } from "../input/inflate.ts";
import { PeriodReader } from "./period-reader.ts";

/** Series-level attributes that are not dimensions. */
const seriesAttributes = new Set(["TIME_FORMAT", "OBS_FLAG", "OBS_STATUS", "CONF_STATUS", "UNIT_MULT", "DECIMALS", "TITLE", "COMMENT"]);

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** The state of one SDMX-ML read, filled by the SAX events. */
interface Reading {
  root: string | null;
  dimensions: string[] | null;
  datasetCode: string | null;
  inDataSetId: boolean;
  series: SeriesKey | null;
  footer: string[];
  inFooterText: boolean;
  pending: Observation[];
}

/**
 * Parses an SDMX-ML 2.1 StructureSpecificData message (what Eurostat's SDMX API returns for data): each
 * `Series` element carries the dimension codes as attributes (their order in the first series is the header
 * order, lower-cased; EL/UK become GR/GB in country dimensions), each `Obs` a TIME_PERIOD, an OBS_VALUE (absent
 * or `NaN` -> null) and OBS_FLAG/OBS_STATUS and CONF_STATUS (C -> flag c). The dataset code comes from
 * `DataSetID`. Streams with saxes: only the current batch is held. Throws InputError naming the input and line
 * for malformed XML, a structure or codelist message ("not a data message"), Eurostat's asynchronous-delivery
 * footer (see readAsyncAnswer), or bad values, periods and flags.
 */
export async function parseSdmxMl(input: ParseInput): Promise<ParsedTable> {
  const source = input.name;
  const reading: Reading = {
    root: null, dimensions: null, datasetCode: null, inDataSetId: false, series: null, footer: [], inFooterText: false, pending: [],
  };
  const parser = new SaxesParser({ xmlns: false, position: true });
  const flags = new FlagReader(source);
  const periods = new PeriodReader(source);
  parser.on("error", (error) => {
    throw new InputError(source, parser.line, `malformed XML (${error.message.replace(/^[^:]*:\d+:\d+: /, "").replace(/\s+/g, " ")})`);
  });
  parser.on("opentag", (tag) => openTag(tag as SaxesTagPlain, reading, source, parser.line, flags, periods));
  parser.on("closetag", (tag) => {
    const name = localName(tag.name);
    if (name === "Series") reading.series = null;
    if (name === "DataSetID") reading.inDataSetId = false;
    if (name === "Text") reading.inFooterText = false;
  });
  parser.on("text", (text) => {
    if (reading.inDataSetId && text.trim() !== "") reading.datasetCode = text.trim();
    if (reading.inFooterText) reading.footer.push(text.trim());
  });
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const chunks = readInputBytes(input)[Symbol.asyncIterator]();
  let ended = false;
  const feed = async (): Promise<void> => {
    const step = await chunks.next();
    try {
      if (step.done) {
        ended = true;
        parser.write(decoder.decode());
        parser.close();
        checkEnd(reading, source, parser.line);
      } else {
        parser.write(decoder.decode(step.value, { stream: true }));
      }
    } catch (error) {
      if (error instanceof MigmonError) throw error;
      if (error instanceof TypeError) throw new InputError(source, parser.line, "bytes that are not UTF-8");
      throw error;
    }
  };
  while (!ended && reading.dimensions === null) await feed();
  const header: ParsedHeader = { dimensions: reading.dimensions ?? [], sourceUpdatedAt: null, datasetCode: reading.datasetCode };
  async function* batches(): AsyncGenerator<Observation[]> {
    for (;;) {
      while (reading.pending.length >= batchSize) yield reading.pending.splice(0, batchSize);
      if (ended) break;
      await feed();
    }
    if (reading.pending.length > 0) yield reading.pending.splice(0);
  }
  return { header, batches: batches() };
}

function openTag(
  tag: SaxesTagPlain, reading: Reading, source: string, line: number, flags: FlagReader, periods: PeriodReader,
): void {
  const name = localName(tag.name);
  if (reading.root === null) {
    reading.root = name;
    if (name !== "StructureSpecificData" && name !== "GenericData") {
      throw new InputError(source, line, `not a data message (an SDMX-ML ${name} message)`);
    }
    return;
  }
  if (name === "DataSetID") reading.inDataSetId = true;
  else if (name === "Text") reading.inFooterText = true;
  else if (name === "Series") reading.series = readSeries(tag.attributes, reading, source, line);
  else if (name === "Obs") {
    if (reading.series === null) throw new InputError(source, line, "Obs outside a Series (only StructureSpecificData is read)");
    reading.pending.push(readObs(tag.attributes, reading.series, source, line, flags, periods));
  }
}

function readSeries(attributes: Record<string, string>, reading: Reading, source: string, line: number): SeriesKey {
  if (reading.root !== "StructureSpecificData") throw new InputError(source, line, "only StructureSpecificData series are read");
  const names = Object.keys(attributes).filter((n) => !seriesAttributes.has(n) && !n.includes(":"));
  if (reading.dimensions === null) {
    if (names.length === 0) throw new InputError(source, line, "a Series without dimension attributes");
    reading.dimensions = names.map((n) => n.toLowerCase());
  }
  const byLower = new Map(names.map((n) => [n.toLowerCase(), attributes[n] as string]));
  if (byLower.size !== reading.dimensions.length) {
    throw new InputError(source, line, `a Series with dimensions ${names.join(",")} where ${reading.dimensions.join(",")} were expected`);
  }
  const codes = reading.dimensions.map((dimension) => {
    const code = (byLower.get(dimension) ?? "").trim();
    if (code === "" || code.includes(".")) throw new InputError(source, line, `bad ${dimension} code ${excerpt(code)}`);
    return mapEurostatCode(dimension, code);
  });
  return makeSeriesKey(codes);
}

function readObs(
  attributes: Record<string, string>, series: SeriesKey, source: string, line: number, flags: FlagReader, periods: PeriodReader,
): Observation {
  const time = attributes["TIME_PERIOD"];
  if (time === undefined) throw new InputError(source, line, "Obs without TIME_PERIOD");
  const period = periods.read(time, line);
  const text = (attributes["OBS_VALUE"] ?? "").trim();
  let value: number | null = null;
  if (text !== "" && text !== "NaN") {
    const number = readDecimal(text);
    if (number === undefined) throw new InputError(source, line, `OBS_VALUE is not a number: ${excerpt(text)}`);
    value = number;
  }
  const conf = (attributes["CONF_STATUS"] ?? "").trim();
  if (conf !== "" && conf !== "F" && conf !== "C" && conf !== "D") throw new InputError(source, line, `unknown CONF_STATUS ${excerpt(conf)}`);
  const flagText = (attributes["OBS_FLAG"] ?? attributes["OBS_STATUS"] ?? "") + (conf === "C" || conf === "D" ? "c" : "");
  return { series, period, value, flags: flags.read(flagText, line) };
}

function checkEnd(reading: Reading, source: string, line: number): void {
  if (reading.root === null) throw new InputError(source, line, "no XML element");
  if (reading.footer.length > 0 && reading.dimensions === null) {
    throw new InputError(source, line, `not a data message: Eurostat answered with a footer message (${reading.footer[0]})`);
  }
}

/** What Eurostat's "too large, fetched asynchronously" footer message says: where the file will be. */
export interface AsyncAnswer {
  /** The file key Eurostat gives (the last segment of the URL). */
  readonly key: string;
  /** Always "queued": the footer only says that the file will be written. */
  readonly status: "queued";
  /** The URL to poll for the file. */
  readonly url: string;
  /** The footer message code (413 for "the response will be written to a file"). */
  readonly code: string;
}

/**
 * Reads Eurostat's SDMX-ML asynchronous-delivery notice (a message whose `footer:Footer` says that, due to the
 * large query, the response will be written to a file under a URL) into the file key and URL that the fetch
 * code polls; null for any other message (data, structure, or a footer without a URL). Throws InputError for
 * malformed XML.
 */
export function readAsyncAnswer(xml: string): AsyncAnswer | null {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let code: string | null = null;
  let inFooterMessage = false;
  let inText = false;
  const texts: string[] = [];
  parser.on("error", (error) => {
    throw new InputError("asynchronous answer", parser.line, `malformed XML (${error.message.replace(/\s+/g, " ")})`);
  });
  parser.on("opentag", (tag) => {
    const name = localName(tag.name);
    if (name === "Message" && tag.name.startsWith("footer")) {
      inFooterMessage = true;
      code = String((tag.attributes as Record<string, string>)["code"] ?? "");
    }
    if (name === "Text" && inFooterMessage) inText = true;
  });
  parser.on("closetag", (tag) => {
    const name = localName(tag.name);
    if (name === "Text") inText = false;
    if (name === "Message") inFooterMessage = false;
  });
  parser.on("text", (text) => { if (inText) texts.push(text); });
  parser.write(xml).close();
  if (code === null) return null;
  for (const text of texts) {
    const url = /https?:\/\/\S+/.exec(text)?.[0];
    if (url === undefined) continue;
    const key = url.replace(/\/+$/, "").split("/").pop() ?? "";
    if (key !== "") return { key, status: "queued", url, code };
  }
  return null;
}
