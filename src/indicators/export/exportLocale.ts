import type { FlagCode } from "../../core/index.ts";
import type { IndicatorResult } from "../result.ts";

/** The catalogue keys an export writes (src/i18n's catalogues hold them in nl, fr and en). */
export type ExportTextKey =
  | "column.geo" | "column.period" | "column.value" | "column.flags" | "column.lower" | "column.upper"
  | "column.notes" | "column.source"
  | "sheet.data" | "sheet.definitions" | "sheet.citation"
  | "label.indicator" | "label.title" | "label.definition" | "label.unit" | "label.breaks" | "label.qualityNotes"
  | "label.flagsUsed" | "label.asOf" | "label.latest" | "label.none" | "label.citation" | "label.dataset"
  | "label.datasetTitle" | "label.release" | "label.sourceUpdated" | "label.retrieved" | "label.licence"
  | "label.query" | "text.colon"
  | `flag.${FlagCode}`;

/**
 * The words and number conventions of one language, as an export needs them. indicators/ may not import i18n/
 * (DESIGN.md §2), so the caller passes this in: src/i18n's `exportLocale(lang)` builds it.
 */
export interface ExportLocale {
  readonly lang: "nl" | "fr" | "en";
  /** A catalogue text. */
  readonly text: (key: ExportTextKey) => string;
  /** A number as a spreadsheet of the language reads it: the language's decimal mark, no grouping, all digits. */
  readonly formatNumber: (value: number) => string;
  /** An ISO date as a reader of the language writes it (`14 maart 2025`). */
  readonly formatDate: (iso: string) => string;
  /** The field separator spreadsheets of the language expect in a CSV file: `;` where the decimal mark is `,`. */
  readonly listSeparator: string;
  /** The citation sentence naming every dataset and release of a result. */
  readonly citation: (result: IndicatorResult) => string;
}

export interface ExportOptions {
  readonly locale: ExportLocale;
  /**
   * For a person in a spreadsheet rather than a program: CSV then has translated headers, the language's decimal
   * mark and list separator and a byte-order mark. Machine formats (JSON-stat, SDMX-CSV, Parquet) are always raw
   * and XLSX always holds numbers as numbers, so the option changes only CSV.
   */
  readonly human?: boolean;
}
