import { InputError, UnknownCodeError, excerpt } from "../../../core/index.ts";

/**
 * Eurostat's codes mapped to ours (DESIGN.md §4). Eurostat writes Greece as EL and the United Kingdom as UK
 * where ISO 3166-1 has GR and GB; in the country dimensions the two-letter codes are mapped, NUTS codes
 * (EL30, UKI3) and aggregates stay as Eurostat writes them. The label variants of the exports (the data
 * browser's "labels only" SDMX-CSV and the legacy appsso CSV) name each code by its English label; the table
 * of labels is curated data (data/reference/eurostat-labels.csv), read by the caller and passed in.
 */

/** Dimensions whose codes are countries (or country groups, or for geo NUTS regions). */
export const countryDimensions: ReadonlySet<string> = new Set([
  "geo", "citizen", "c_birth", "partner", "c_resid", "c_prev", "c_next", "reporting", "country",
]);

const eurostatToIso: Readonly<Record<string, string>> = { EL: "GR", UK: "GB" };

/** Whether a dimension id (any case) holds country codes. */
export function isCountryDimension(dimension: string): boolean {
  return countryDimensions.has(dimension.toLowerCase());
}

/**
 * Our code for an Eurostat code in a dimension: EL -> GR and UK -> GB in country dimensions, every other code
 * unchanged (so NUTS codes such as EL30 and aggregates such as EU27_2020 stay).
 */
export function mapEurostatCode(dimension: string, code: string): string {
  if (code.length !== 2 || !isCountryDimension(dimension)) return code;
  return eurostatToIso[code] ?? code;
}

/**
 * The code mapping of one dimension as a function, decided once (for hot loops): EL -> GR and UK -> GB for a
 * country dimension, the identity otherwise.
 */
export function codeMapperOf(dimension: string): (code: string) => string {
  if (!isCountryDimension(dimension)) return (code) => code;
  return (code) => (code.length === 2 ? eurostatToIso[code] ?? code : code);
}

/** Label -> Eurostat code, per dimension (lower-case dimension ids). */
export interface EurostatLabels {
  readonly byDimension: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/**
 * Reads the curated label table (CSV with the header `dimension,code,label`; `#` lines are comments; a label
 * with a comma is double-quoted). Several labels may name one code (old and new wordings); one label naming
 * two codes in a dimension is an error. Throws InputError naming `source` and the line.
 */
export function readEurostatLabels(csvText: string, source = "eurostat-labels.csv"): EurostatLabels {
  const byDimension = new Map<string, Map<string, string>>();
  const lines = csvText.split("\n");
  let sawHeader = false;
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] ?? "").replace(/\r$/, "");
    if (text.trim() === "" || text.startsWith("#")) continue;
    const fields = splitLabelLine(text, source, i + 1);
    if (!sawHeader) {
      if (fields.join(",") !== "dimension,code,label") {
        throw new InputError(source, i + 1, `header must be "dimension,code,label", found ${excerpt(text)}`);
      }
      sawHeader = true;
      continue;
    }
    const [dimension, code, label] = fields as [string, string, string];
    if (fields.length !== 3 || dimension === "" || code === "" || label === "") {
      throw new InputError(source, i + 1, "a label row needs dimension, code and label");
    }
    const dim = dimension.toLowerCase();
    let table = byDimension.get(dim);
    if (!table) byDimension.set(dim, (table = new Map()));
    const known = table.get(label);
    if (known !== undefined && known !== code) {
      throw new InputError(source, i + 1, `label ${excerpt(label)} of ${dim} names both ${known} and ${code}`);
    }
    table.set(label, code);
  }
  if (!sawHeader) throw new InputError(source, undefined, "no header line");
  return { byDimension };
}

function splitLabelLine(text: string, source: string, line: number): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= text.length) {
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) throw new InputError(source, line, "unclosed quote");
      fields.push(text.slice(i + 1, close));
      i = close + 2;
    } else {
      const comma = text.indexOf(",", i);
      const end = comma < 0 ? text.length : comma;
      fields.push(text.slice(i, end));
      i = end + 1;
    }
  }
  return fields;
}

/**
 * Maps labels to codes through one input and collects the labels that map to none, with the first line where
 * each occurs, so that one error can list them all at the end (DESIGN.md §4: unknown codes are listed, never
 * dropped).
 */
export class LabelMapper {
  private readonly unknown = new Map<string, Map<string, number>>();
  constructor(private readonly labels: EurostatLabels, private readonly source: string) {}

  /** Our code for a label of a dimension, or null (and the label noted) when the table has none. */
  code(dimension: string, label: string, line: number): string | null {
    const code = this.labels.byDimension.get(dimension)?.get(label);
    if (code !== undefined) return mapEurostatCode(dimension, code);
    let seen = this.unknown.get(dimension);
    if (!seen) this.unknown.set(dimension, (seen = new Map()));
    if (!seen.has(label)) seen.set(label, line);
    return null;
  }

  /**
   * Throws one UnknownCodeError listing every label of every dimension that mapped to no code, each as
   * `dimension: label (line n)` with the first line where it occurs; does nothing when all labels were known.
   */
  throwIfUnknown(): void {
    if (this.unknown.size === 0) return;
    const listed: string[] = [];
    let firstLine = Number.POSITIVE_INFINITY;
    for (const [dimension, seen] of this.unknown) {
      for (const [label, line] of seen) {
        listed.push(`${dimension}: ${label} (line ${line})`);
        firstLine = Math.min(firstLine, line);
      }
    }
    const dimensions = [...this.unknown.keys()].join("/");
    throw new UnknownCodeError(this.source, `${dimensions} label`, listed, firstLine);
  }
}
