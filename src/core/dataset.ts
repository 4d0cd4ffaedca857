import type { DatasetId, ReleaseId } from "./observation.ts";

export interface Titles {
  readonly nl: string;
  readonly fr: string;
  readonly en: string;
}

/** A publisher's table as the store knows it: its dimensions in order (without time) and its metadata. */
export interface Dataset {
  readonly id: DatasetId;
  readonly publisher: string;
  readonly code: string;
  readonly dimensions: readonly string[];
  readonly title: Titles;
  readonly unit: string;
  readonly frequency: string;
  readonly licence: string;
}

export type ReleaseStatus = "loaded" | "unchanged";

/** One ingest of one dataset (a vintage). */
export interface Release {
  readonly id: ReleaseId;
  readonly dataset: DatasetId;
  /** When the file was retrieved (ISO timestamp, UTC). */
  readonly retrievedAt: string;
  /** The publisher's own last-update date, when the input states one (ISO). */
  readonly sourceUpdatedAt: string | null;
  /** SHA-256 of the input bytes. */
  readonly checksum: string;
  readonly sourceUri: string;
  readonly format: string;
  /** Observations in the input. */
  readonly observations: number;
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
}
