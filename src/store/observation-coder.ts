import { InputError, formatPeriod, parseFlags, parsePeriodParts } from "../core/index.ts";
import type { Dataset, Observation } from "../core/index.ts";
import { PairSet } from "./pair-set.ts";

/**
 * Turns a release's observations into small integers while checking them, so that only numbers cross into
 * DuckDB: each distinct series key, canonical period and flag string gets an index in order of first appearance
 * (`seriesKeys`, `periods`, `flags` list them by index). A period is parsed once per distinct text, so `2020Q1`
 * and `2020-Q1` share an index. Duplicate series/period pairs are caught on the spot by a PairSet.
 */
export class ObservationCoder {
  /** Series keys by index. */
  readonly seriesKeys: string[] = [];
  /** Canonical periods by index. */
  readonly periods: string[] = [];
  /** Flag strings by index. */
  readonly flags: string[] = [];
  /** Index of the series of the observation last coded. */
  series = 0;
  /** Index of its period. */
  period = 0;
  /** Its flags index times 2, plus 1 when the value is missing. */
  flagsAndMissing = 0;
  /** Its value; 0 (meaning nothing) when missing. */
  value = 0;

  private readonly seriesIndex = new Map<string, number>();
  private readonly periodIndex = new Map<string, number>();
  private readonly canonicalPeriodIndex = new Map<string, number>();
  private readonly flagIndex = new Map<string, number>();
  private readonly pairs = new PairSet();

  constructor(private readonly dataset: Dataset, private readonly source: string) {}

  /** False when the input was too wide for the in-memory duplicate check; the caller must check another way. */
  get duplicatesChecked(): boolean {
    return !this.pairs.overflowed;
  }

  /**
   * Codes `o` into `series`, `period`, `flagsAndMissing` and `value`. Throws InputError (naming the source) for a
   * duplicate series/period, a series key with the wrong number of codes, a period or flags that cannot be read,
   * or a value that is NaN or infinite.
   */
  code(o: Observation): void {
    const s = this.seriesOf(o.series);
    const p = this.periodOf(o.period, o.series);
    if (this.pairs.mark(s, p)) {
      throw new InputError(this.source, undefined, `series "${o.series}" period ${this.periods[p]} appears more than once`);
    }
    const f = this.flagsOf(o.flags, o.series, o.period);
    if (o.value !== null && !Number.isFinite(o.value)) {
      throw new InputError(this.source, undefined, `series "${o.series}" period ${o.period} has value ${o.value}; a missing value is null`);
    }
    this.series = s;
    this.period = p;
    // A missing value is coded beside the flags rather than as a NULL: a vector with NULLs makes every later
    // write go through the node-api's validity bitmask, which is several times slower.
    this.flagsAndMissing = o.value === null ? f * 2 + 1 : f * 2;
    this.value = o.value ?? 0;
  }

  private seriesOf(key: string): number {
    let i = this.seriesIndex.get(key);
    if (i === undefined) {
      const codes = key.split(".");
      const dimensions = this.dataset.dimensions;
      if (codes.length !== dimensions.length) {
        throw new InputError(this.source, undefined,
          `series "${key}" has ${codes.length} codes, dataset ${this.dataset.id} has ${dimensions.length} dimensions (${dimensions.join(",")})`);
      }
      i = this.seriesKeys.length;
      this.seriesIndex.set(key, i);
      this.seriesKeys.push(key);
    }
    return i;
  }

  private periodOf(text: string, series: string): number {
    let i = this.periodIndex.get(text);
    if (i === undefined) {
      let canonical: string;
      try {
        canonical = formatPeriod(parsePeriodParts(text));
      } catch {
        throw new InputError(this.source, undefined, `series "${series}" has period ${JSON.stringify(text)}, which is not a period`);
      }
      i = this.canonicalPeriodIndex.get(canonical);
      if (i === undefined) {
        i = this.periods.length;
        this.canonicalPeriodIndex.set(canonical, i);
        this.periods.push(canonical);
      }
      this.periodIndex.set(text, i);
    }
    return i;
  }

  private flagsOf(text: string, series: string, period: string): number {
    let i = this.flagIndex.get(text);
    if (i === undefined) {
      let canonical: string;
      try {
        canonical = parseFlags(text);
      } catch {
        canonical = "\u0000";
      }
      if (canonical !== text) {
        throw new InputError(this.source, undefined,
          `series "${series}" period ${period} has flags ${JSON.stringify(text)}, not a canonical flag string`);
      }
      i = this.flags.length;
      this.flagIndex.set(text, i);
      this.flags.push(text);
    }
    return i;
  }
}
