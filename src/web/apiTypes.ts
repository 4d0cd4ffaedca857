// The parts of the API's JSON answers that the explorer reads (the server's routes in src/server/routes describe
// them in full in /api/openapi.json). Kept to what the pages use, so a new field on the server breaks nothing.
import type { Titles } from "../core/index.ts";

/** A dataset an indicator needs, whether the store holds it and how it is had (offline files, live, an agency delivery). */
export interface NeededDataset {
  readonly id: string;
  readonly availability: "offline" | "live" | "delivery";
  readonly loaded: boolean;
}

/** One entry of GET /api/indicators. */
export interface IndicatorSummary {
  readonly id: string;
  readonly theme: string;
  readonly title: Titles;
  readonly short: Titles;
  readonly unit: string;
  readonly decimals: number;
  readonly levels: readonly string[];
  readonly summable: boolean;
  readonly datasets: readonly NeededDataset[];
  /** Whether the store can give at least one figure. */
  readonly hasData: boolean;
}

/** GET /api/indicators/{id}. */
export interface IndicatorDetail extends IndicatorSummary {
  readonly definition: Titles;
  readonly breaks: readonly { readonly date: string; readonly explanation: Titles; readonly source: string }[];
  readonly quality: readonly Titles[];
}

/** One figure of GET /api/indicators/{id}/data. */
export interface IndicatorFigure {
  readonly geo: string;
  readonly period: string;
  readonly breakdown?: Readonly<Record<string, string>>;
  readonly value: number | null;
  readonly flags: string;
  readonly notes?: readonly string[];
}

/** GET /api/indicators/{id}/data (JSON). */
export interface IndicatorData {
  readonly indicator: { readonly id: string };
  readonly values: readonly IndicatorFigure[];
  readonly provenance: readonly { readonly dataset: string; readonly release: number; readonly retrievedAt: string; readonly sourceUpdatedAt: string | null }[];
  readonly asOf: string | null;
}

/** A register event as GET /api/events and /api/events/for give it. */
export interface RegisterEvent {
  readonly id: string;
  readonly kind: "policy" | "context" | "statistical";
  readonly inForce: string;
  readonly level: string;
  readonly area: string;
  readonly direction: -1 | 0 | 1;
  readonly title: Titles;
  readonly summary: Titles;
  readonly sources: readonly string[];
  readonly checked: boolean;
  readonly geography: readonly string[];
}

/** One Belgian unit of GET /api/geography/units. */
export interface GeoUnit {
  readonly code: string;
  readonly level: string;
  readonly name: { readonly nl: string; readonly fr: string };
  readonly parent: string | null;
  readonly nuts2021: string | null;
}

/** One release as the dataset routes give it. */
export interface ReleaseInfo {
  readonly id: number;
  readonly retrievedAt: string;
  readonly sourceUpdatedAt: string | null;
}

/** What the store holds of a dataset (GET /api/datasets and /api/sources), null when nothing. */
export interface LoadedState {
  readonly release: number;
  readonly retrievedAt: string;
  readonly sourceUpdatedAt: string | null;
  readonly releases: number;
  readonly observations: number;
}

/** One entry of GET /api/datasets. */
export interface DatasetInfo {
  readonly id: string;
  readonly title: Titles;
  readonly dimensions: readonly string[];
  readonly loaded: LoadedState | null;
}

/** One entry of GET /api/sources. */
export interface SourceInfo {
  readonly id: string;
  readonly publisher: string;
  readonly title: Titles;
  readonly licence: string;
  readonly page: string;
  readonly coverage: { readonly geography: string };
  readonly loaded: LoadedState | null;
}

/** GET /api/analysis/assess, as far as the analysis view reads it. */
export interface AssessAnswer {
  readonly series: string;
  readonly geo?: string;
  readonly interventionPeriod: string;
  readonly reading: Titles;
  readonly values: readonly { readonly period: string; readonly value: number | null; readonly flags: string }[];
}
