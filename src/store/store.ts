import type { Dataset, DatasetId, Observation, Period, Release, ReleaseId, SeriesKey } from "../core/index.ts";

/** A request to load one release of one dataset. The batches are consumed once, inside one transaction. */
export interface ReleaseInput {
  readonly dataset: Dataset;
  readonly checksum: string;
  readonly sourceUri: string;
  readonly format: string;
  readonly retrievedAt: string;
  readonly sourceUpdatedAt: string | null;
  /** Observations keyed on `dataset.dimensions`; a series/period pair may appear only once. */
  readonly batches: AsyncIterable<readonly Observation[]>;
  /** Called with the number of observations staged so far. */
  readonly onProgress?: (staged: number) => void;
}

export interface LoadResult {
  /** `unchanged`: the newest release already has this checksum, nothing was written. */
  readonly status: "loaded" | "unchanged";
  readonly release: Release;
}

export interface ObservationQuery {
  readonly dataset: DatasetId;
  /** Dimension id -> accepted codes. */
  readonly where?: Readonly<Record<string, readonly string[]>>;
  readonly from?: Period;
  readonly to?: Period;
  /** As published on this date or instant (ISO): the releases retrieved up to its end; latest when absent. */
  readonly asOf?: string;
  /** As published by this release (and those before it). */
  readonly release?: ReleaseId;
}

export interface StoredObservation extends Observation {
  /** The release that first published this value and flags. */
  readonly release: ReleaseId;
}

/** How `Store.sum` treats a summed cell whose value is missing (SQL NULL). */
export interface SumOptions {
  /**
   * When true a missing value counts as 0 (a publisher that leaves empty cells out or blank); by default a sum with
   * any missing cell is itself missing (`value: null`).
   */
  readonly nullIsZero?: boolean;
}

/** One figure of `Store.sum`: the cells of one kept key and period added up. */
export interface AggregatedObservation {
  /** The codes of the kept dimensions, in the order they were asked for. */
  readonly codes: readonly string[];
  readonly period: Period;
  /** The sum of the cells; null when a cell is missing (unless `nullIsZero`), never NaN. */
  readonly value: number | null;
  /** The union of the cells' flags, canonical (parseFlags order). */
  readonly flags: string;
  /** How many cells (observations) were added up. */
  readonly cells: number;
  /** The newest release among the cells: the release that published the whole figure as it is. */
  readonly release: ReleaseId;
}

export type ChangeKind = "added" | "removed" | "value" | "flags" | "value+flags";

export interface ObservationChange {
  readonly series: SeriesKey;
  readonly period: Period;
  readonly change: ChangeKind;
  readonly before: { readonly value: number | null; readonly flags: string } | null;
  readonly after: { readonly value: number | null; readonly flags: string } | null;
}

export interface DatasetSummary {
  readonly dataset: Dataset;
  readonly releases: number;
  readonly latestRelease: Release | null;
  /** Observations in the latest state (rows not closed by a later release). */
  readonly observations: number;
}

/** The observation store (DESIGN.md §3): releases are atomic; nothing is overwritten. */
export interface Store {
  loadRelease(input: ReleaseInput): Promise<LoadResult>;
  getDataset(id: DatasetId): Promise<Dataset>;
  listDatasets(): Promise<DatasetSummary[]>;
  listReleases(id: DatasetId): Promise<Release[]>;
  query(q: ObservationQuery): Promise<StoredObservation[]>;
  /**
   * The observations `q` selects, added up over every dimension not in `keep` (GROUP BY the kept dimensions and the
   * period, in DuckDB); sorted by the kept codes, then period. Throws as `query` does, and UsageError for a kept
   * dimension the dataset does not have.
   */
  sum(q: ObservationQuery, keep: readonly string[], options?: SumOptions): Promise<AggregatedObservation[]>;
  diff(id: DatasetId, from: ReleaseId, to: ReleaseId): Promise<ObservationChange[]>;
  close(): Promise<void>;
}
