import { InputError, PeriodError, parsePeriod, type Period } from "../../../core/index.ts";

/**
 * Reads period cells into canonical periods (core parsePeriod), caching the answers since a file repeats a few
 * periods many times. Throws InputError naming the source and line for text that is not a period.
 */
export class PeriodReader {
  private readonly cache = new Map<string, Period>();
  constructor(private readonly source: string) {}

  /** The canonical period of `text`; `line` is used in the error message. */
  read(text: string, line: number | undefined): Period {
    const known = this.cache.get(text);
    if (known !== undefined) return known;
    try {
      const period = parsePeriod(text);
      if (this.cache.size < 10_000) this.cache.set(text, period);
      return period;
    } catch (error) {
      if (error instanceof PeriodError) throw new InputError(this.source, line, error.message);
      throw error;
    }
  }
}
