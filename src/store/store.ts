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
  /**
   * The share of the dataset's latest observations this release may remove (0 < maxShrink <= 1; the catalogue's
   * `max_shrink`); `defaultMaxShrink` (shrink-guard.ts) when absent. A release over it, one that removes every
   * latest observation, or one with no observation at all is refused (ShrinkRefusedError) and rolled back.
   */
  readonly maxShrink?: number;
  /** The caller confirms a release that the shrink guard would refuse (`--allow-shrink`). */
  readonly allowShrink?: boolean;
}

export interface LoadResult {
  /** `unchanged`: the newest release already has this checksum, nothing was written. */
  readonly status: "loaded" | "unchanged";
  readonly release: Release;
  /**
   * The metadata fields (`title_nl`, `unit`, ...) that differ from the dataset's previous release; empty for a
   * first release and when nothing changed. A release of an unchanged file with changed metadata is a
   * metadata-only release: no observation added, changed or removed.
   */
  readonly metadataChanged: readonly string[];
}

export interface ObservationQuery {
  readonly dataset: DatasetId;
  /** Dimension id -> accepted codes. */
  readonly where?: Readonly<Record<string, readonly string[]>>;
  readonly from?: Period;
  readonly to?: Period;
  /**
   * As loaded into this store by this date or instant (ISO): the newest release retrieved up to its end (the
   * release's retrieved_at); latest when absent.
   */
  readonly asOf?: string;
  /**
   * As the publisher had published it by this date or instant (ISO): the release whose publisher's last-update stamp
   * (source_updated_at) is the newest on or before it; releases without a stamp do not count. Not with asOf or release.
   */
  readonly publishedAsOf?: string;
  /** As published by this release (and those before it). */
  readonly release?: ReleaseId;
}

/** Which release's metadata `Store.getDataset` gives: as published by `release`, on `asOf` or `publishedAsOf`. */
export interface DatasetVersion {
  readonly asOf?: string;
  readonly publishedAsOf?: string;
  readonly release?: ReleaseId;
}

export interface StoredObservation extends Observation {
  /** The release that first published this value and flags. */
  readonly release: ReleaseId;
}

/** Where a page of observations starts: after this series and period (the last row of the previous page). */
export interface ObservationPosition {
  readonly series: SeriesKey;
  readonly period: Period;
}

/** A page of a query: at most `limit` rows after `after` (from the first row when absent). */
export interface PageRequest {
  readonly limit: number;
  readonly after?: ObservationPosition;
}

/** One page of a query, in `Store.query`'s order. */
export interface ObservationPage {
  readonly observations: StoredObservation[];
  /**
   * The release whose state the page shows (the latest is resolved to the newest release); pass it as the query's
   * `release` for the following pages to read the same state. Null when nothing was published by `asOf`.
   */
  readonly release: ReleaseId | null;
  /** The `after` of the following page; null when this page is the last. */
  readonly next: ObservationPosition | null;
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

/** One page of `Store.diffPage`, in `Store.diff`'s order. */
export interface ChangePage {
  readonly changes: ObservationChange[];
  /** The `after` of the following page; null when this page is the last. */
  readonly next: ObservationPosition | null;
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
  /**
   * The dataset with the metadata (titles, unit, frequency, licence) of its newest release, or, with `version`, of
   * the release that version reads: `release`, or the newest release retrieved by the end of `asOf` (the first
   * release when none was yet). Throws NotFoundError for an unknown dataset or release, UsageError as `query`.
   */
  getDataset(id: DatasetId, version?: DatasetVersion): Promise<Dataset>;
  listDatasets(): Promise<DatasetSummary[]>;
  listReleases(id: DatasetId): Promise<Release[]>;
  query(q: ObservationQuery): Promise<StoredObservation[]>;
  /**
   * One page of `query(q)`: the rows after `page.after`, at most `page.limit`, cut in the store (keyset paging on
   * series key and period), so memory stays bounded by the page whatever the dataset's size.
   */
  queryPage(q: ObservationQuery, page: PageRequest): Promise<ObservationPage>;
  /**
   * The observations `q` selects, added up over every dimension not in `keep` (GROUP BY the kept dimensions and the
   * period, in DuckDB); sorted by the kept codes, then period. Throws as `query` does, and UsageError for a kept
   * dimension the dataset does not have.
   */
  sum(q: ObservationQuery, keep: readonly string[], options?: SumOptions): Promise<AggregatedObservation[]>;
  diff(id: DatasetId, from: ReleaseId, to: ReleaseId): Promise<ObservationChange[]>;
  /** One page of `diff`: the changes after `page.after`, at most `page.limit`, cut in the store as `queryPage` is. */
  diffPage(id: DatasetId, from: ReleaseId, to: ReleaseId, page: PageRequest): Promise<ChangePage>;
  close(): Promise<void>;
}
