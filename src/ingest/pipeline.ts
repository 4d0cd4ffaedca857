import path from "node:path";
import { InputError, MigmonError, UnknownCodeError, makeDatasetId, makeSeriesKey, splitSeriesKey } from "../core/index.ts";
import type { Dataset, InputLimits, Observation, ParsedTable, SeriesKey } from "../core/index.ts";
import { checkCountryDimensionCodes } from "../reference/countries.ts";
import type { LoadResult, Store } from "../store/store.ts";
import type { CatalogueEntry } from "./catalogue.ts";
import { hashFile } from "./download-cache.ts";
import { detectFormat, parserFor } from "./formats.ts";
import { readContent, readHead } from "./read-file.ts";

/** Dimensions whose codes are countries, country groups or (for geo) NUTS regions: checked against our code lists. */
export const countryDimensions = new Set(["geo", "citizen", "c_birth", "partner", "c_resid", "c_prev", "c_dest"]);

export interface IngestFileRequest {
  readonly store: Store;
  readonly entry: CatalogueEntry;
  /** The local file: a user's file, an offline copy or a cached download. */
  readonly file: string;
  /** The format, when the user gave one; detected from the content otherwise. */
  readonly format?: string;
  /** Where the bytes came from (URL or path), recorded on the release. */
  readonly sourceUri?: string;
  /** The name the parser reads and errors cite (a download's URL, which may carry the year); the file's name when absent. */
  readonly inputName?: string;
  /** When the bytes were retrieved (ISO); now when absent. */
  readonly retrievedAt?: string;
  readonly now?: () => Date;
  readonly onProgress?: (observations: number) => void;
  /** Reading limits (line length, inflated size, declared sizes); the defaults when absent. */
  readonly limits?: InputLimits;
  /**
   * Loads a release that the store's shrink guard would refuse (no observation, or more of the latest ones removed
   * than the catalogue's `max_shrink` allows): `--allow-shrink`.
   */
  readonly allowShrink?: boolean;
}

export interface IngestResult extends LoadResult {
  readonly format: string;
}

/**
 * Ingests one file as a new release of a catalogue dataset: checksum, format detection, streaming parse, code
 * checks against our code lists, then one atomic load. Any problem (a parse error with its line, unknown codes,
 * a file of another dataset, dimensions that do not match the stored dataset) leaves the store as it was, and so
 * does a release the store's shrink guard refuses (ShrinkRefusedError: an empty file, or one that removes more of
 * the dataset's latest observations than the entry's `max_shrink` allows) unless `allowShrink`.
 */
export async function ingestFile(request: IngestFileRequest): Promise<IngestResult> {
  const { store, entry, file } = request;
  const name = request.inputName ?? path.basename(file);
  const head = await readHead(file);
  const format = request.format ?? detectFormat(entry.publisher, head, name);
  const parser = parserFor(entry.publisher, format, name);
  const { sha256 } = await hashFile(file);
  const parsed = await parser({ name, chunks: readContent(file), limits: request.limits });
  checkDatasetCode(parsed, entry, name);
  const dataset = await datasetFor(store, entry, parsed, name);
  const now = request.now ?? (() => new Date());
  const result = await store.loadRelease({
    dataset,
    checksum: sha256,
    sourceUri: request.sourceUri ?? path.resolve(file),
    format,
    retrievedAt: request.retrievedAt ?? now().toISOString(),
    sourceUpdatedAt: parsed.header.sourceUpdatedAt,
    batches: checkedBatches(parsed, dataset, name),
    ...(entry.max_shrink === undefined ? {} : { maxShrink: entry.max_shrink }),
    ...(request.allowShrink === true ? { allowShrink: true } : {}),
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
  });
  return { ...result, format };
}

function checkDatasetCode(parsed: ParsedTable, entry: CatalogueEntry, name: string): void {
  const code = parsed.header.datasetCode;
  // SDMX dataflows carry their structure too (OECD `DSD_MIG@DF_MIG`): the dataflow after `@` is the code.
  const named = code?.toLowerCase().split("@").pop();
  if (named && named !== entry.code.toLowerCase()) {
    throw new InputError(name, undefined, `the file holds dataset ${code}, not ${entry.code}`);
  }
}

async function datasetFor(store: Store, entry: CatalogueEntry, parsed: ParsedTable, name: string): Promise<Dataset> {
  const id = makeDatasetId(entry.publisher, entry.code);
  const fromFile = parsed.header.dimensions;
  let stored: Dataset | null = null;
  try {
    stored = await store.getDataset(id);
  } catch (error) {
    if (!(error instanceof MigmonError) || error.httpStatus !== 404) throw error;
  }
  const dimensions = stored?.dimensions ?? fromFile;
  const same = dimensions.length === fromFile.length && dimensions.every((d) => fromFile.includes(d));
  if (!same) {
    throw new InputError(name, undefined,
      `dimensions ${fromFile.join(",")} differ from those of ${id} in the store (${dimensions.join(",")})`);
  }
  return {
    id,
    publisher: entry.publisher,
    code: entry.code,
    dimensions,
    title: entry.title,
    unit: entry.unit,
    frequency: entry.frequency,
    licence: entry.licence,
  };
}

/**
 * Re-keys the parsed observations to the dataset's dimension order and checks every country-like code once per
 * series. Unknown codes are collected over the whole file and reported together at the end, before the store
 * commits; none is dropped.
 */
async function* checkedBatches(parsed: ParsedTable, dataset: Dataset, name: string): AsyncIterable<readonly Observation[]> {
  const fileDims = parsed.header.dimensions;
  const order = dataset.dimensions.map((d) => fileDims.indexOf(d));
  const identity = order.every((i, k) => i === k);
  const checked = new Map<string, SeriesKey>();
  const seenCodes = fileDims.map(() => new Set<string>());
  const checkedDims = fileDims.map((d) => countryDimensions.has(d));
  for await (const batch of parsed.batches) {
    const out: Observation[] = identity ? (batch as Observation[]) : new Array<Observation>(batch.length);
    for (let i = 0; i < batch.length; i++) {
      const obs = batch[i] as Observation;
      let key = checked.get(obs.series);
      if (key === undefined) {
        const codes = splitSeriesKey(obs.series);
        if (codes.length !== fileDims.length) {
          throw new InputError(name, undefined, `series ${obs.series} has ${codes.length} codes for ${fileDims.length} dimensions`);
        }
        for (let d = 0; d < codes.length; d++) if (checkedDims[d]) seenCodes[d]?.add(codes[d] as string);
        key = identity ? obs.series : makeSeriesKey(order.map((j) => codes[j] as string));
        checked.set(obs.series, key);
      }
      if (!identity) out[i] = { ...obs, series: key };
    }
    yield out;
  }
  for (let d = 0; d < fileDims.length; d++) {
    if (!checkedDims[d]) continue;
    const dimension = fileDims[d] as string;
    const unknown = checkCountryDimensionCodes(dimension, [...(seenCodes[d] ?? [])]);
    if (unknown.length > 0) throw new UnknownCodeError(name, dimension, unknown.sort());
  }
}
