import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { InputError, MigmonError, UsageError, makeDatasetId } from "../core/index.ts";
import type { Dataset, DatasetId, InputLimits, Observation } from "../core/index.ts";
import { checkCountryDimensionCodes } from "../reference/countries.ts";
import { belgianGeography } from "../reference/geography.ts";
import type { GeoLevel } from "../reference/geography.ts";
import type { LoadResult, Store } from "../store/store.ts";
import type { ReferenceCodes } from "./sources/tabular/codes.ts";
import { defaultInputLimits } from "./sources/input/limits.ts";
import { parseDeliveryDescription } from "./sources/tabular/description.ts";
import type { DeliveryDescription } from "./sources/tabular/description.ts";
import { readDeliveredRows } from "./sources/tabular/parse.ts";
import { checkDelivery } from "./sources/tabular/validate.ts";
import type { DeliveryProblem } from "./sources/tabular/validate.ts";

/** A delivery refused for its problems: all of them, each with its row and column; nothing was loaded. */
export class DeliveryRejectedError extends MigmonError {
  readonly file: string;
  readonly problems: readonly DeliveryProblem[];
  constructor(file: string, problems: readonly DeliveryProblem[]) {
    const label = problems.length === 1 ? "problem" : "problems";
    super(`${file}: ${problems.length} ${label}, nothing loaded`, { exitCode: 1, httpStatus: 422 });
    this.file = file;
    this.problems = problems;
  }
}

/** One problem as the line the CLI prints: `file row 12 column "gemeente": unknown geo code "99999" ...`. */
export function formatDeliveryProblem(file: string, problem: DeliveryProblem): string {
  const column = problem.column === null ? "" : ` column ${JSON.stringify(problem.column)}`;
  return `${file} row ${problem.row}${column}: ${problem.message}`;
}

let reference: ReferenceCodes | undefined;

/**
 * The reference code lists of src/reference for checking deliveries: REFNIS units of the curated Belgian
 * geography valid on a date, ISO countries and named country groups, municipalities inside a unit.
 */
export function deliveryReferenceCodes(): ReferenceCodes {
  if (reference) return reference;
  const geography = belgianGeography();
  const inside = new Map<string, readonly string[]>();
  reference = {
    isRefnisUnit: (code, date) => geography.has(code) && geography.unitOn(code, date) !== null,
    isCountryCode: (code) => checkCountryDimensionCodes("citizen", [code]).length === 0,
    municipalitiesIn: (code, date) => {
      const key = `${code}@${date}`;
      let list = inside.get(key);
      if (list === undefined) {
        const unit = geography.has(code) ? geography.unitOn(code, date) : null;
        list = unit === null || unit.level === "municipality" ? [] : geography.on(date)
          .filter((u) => u.level === "municipality" && geography.parentOf(u.code, unit.level as GeoLevel) === code)
          .map((u) => u.code);
        inside.set(key, list);
      }
      return list;
    },
  };
  return reference;
}

/** A delivery read and checked, not yet loaded. */
export interface CheckedDelivery {
  readonly description: DeliveryDescription;
  readonly datasetId: DatasetId;
  readonly sha256: string;
  readonly problems: readonly DeliveryProblem[];
  readonly observations: readonly Observation[];
}

/**
 * Reads a delivered CSV or XLSX file and its YAML description and checks the one against the other (see
 * checkDelivery in src/ingest/sources/tabular/validate.ts). Throws InputError for a description that does not
 * fit its schema or a file that cannot be read at all; problems of content come back in `problems`.
 */
export async function checkDeliveryFile(file: string, descriptionFile: string, limits: InputLimits = defaultInputLimits): Promise<CheckedDelivery> {
  const description = parseDeliveryDescription(await readFile(descriptionFile, "utf8"), path.basename(descriptionFile), limits.maxDescriptionBytes);
  const bytes = new Uint8Array(await readFile(file));
  const rows = await readDeliveredRows(bytes, description.format, path.basename(file));
  const { problems, observations } = checkDelivery(description, rows, deliveryReferenceCodes());
  return {
    description,
    datasetId: makeDatasetId("agency", description.dataset),
    sha256: createHash("sha256").update(bytes).digest("hex"),
    problems,
    observations,
  };
}

export interface DeliveryRequest {
  readonly store: Store;
  readonly file: string;
  readonly descriptionFile: string;
  /** The dataset the caller means (`agency:<code>` or `<code>`): a description of another dataset is refused. */
  readonly dataset?: string;
  readonly now?: () => Date;
  /** Reading limits (the description's size); the defaults when absent. */
  readonly limits?: InputLimits;
  /**
   * Loads a delivery that the store's shrink guard would refuse: one with no data rows (whose declared totals
   * then never fire), or one that removes more than half of the dataset's latest observations (`--allow-shrink`).
   */
  readonly allowShrink?: boolean;
}

/** What loading a delivery did: the store's answer and the file's format. */
export interface DeliveryResult extends LoadResult {
  readonly format: "csv" | "xlsx";
}

/**
 * Checks a delivery and, only when it has no problem at all, loads it as a release of `agency:<dataset>` in one
 * atomic store load. Throws DeliveryRejectedError listing every problem (the store is untouched), UsageError when
 * the description is of another dataset than `request.dataset`, InputError for a description whose dimensions
 * differ from those the dataset already has in the store, ShrinkRefusedError (from the store, which is then as
 * it was) for a delivery with no data rows or one that removes too many of the latest observations, unless
 * `request.allowShrink`.
 */
export async function ingestDelivery(request: DeliveryRequest): Promise<DeliveryResult> {
  const checked = await checkDeliveryFile(request.file, request.descriptionFile, request.limits);
  const name = path.basename(request.file);
  const asked = request.dataset?.toLowerCase();
  if (asked !== undefined && asked !== checked.datasetId && `agency:${asked}` !== checked.datasetId) {
    throw new UsageError(`${path.basename(request.descriptionFile)} describes ${checked.datasetId}, not ${request.dataset}`);
  }
  if (checked.problems.length > 0) throw new DeliveryRejectedError(name, checked.problems);
  const { description } = checked;
  const dataset: Dataset = {
    id: checked.datasetId,
    publisher: "agency",
    code: description.dataset,
    dimensions: description.dimensions.map((d) => d.id),
    title: description.title,
    unit: description.unit,
    frequency: description.frequency,
    licence: description.licence,
  };
  await checkStoredDimensions(request.store, dataset, name);
  const now = request.now ?? (() => new Date());
  const observations = checked.observations;
  const result = await request.store.loadRelease({
    dataset,
    checksum: checked.sha256,
    sourceUri: path.resolve(request.file),
    format: description.format.type,
    retrievedAt: now().toISOString(),
    sourceUpdatedAt: null,
    batches: (async function* () { yield observations; })(),
    ...(request.allowShrink === true ? { allowShrink: true } : {}),
  });
  return { ...result, format: description.format.type };
}

async function checkStoredDimensions(store: Store, dataset: Dataset, name: string): Promise<void> {
  let stored: Dataset;
  try {
    stored = await store.getDataset(dataset.id);
  } catch (error) {
    if (error instanceof MigmonError && error.httpStatus === 404) return;
    throw error;
  }
  if (stored.dimensions.join(",") !== dataset.dimensions.join(",")) {
    throw new InputError(name, undefined,
      `the description's dimensions ${dataset.dimensions.join(",")} differ from those of ${dataset.id} in the store (${stored.dimensions.join(",")})`);
  }
}
