import { chiSquareQuantile } from "../analysis/distributions.ts";
import { UsageError } from "../core/index.ts";

/** Exact (Garwood) confidence bounds for the mean of a Poisson count. */
export interface PoissonInterval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * The exact Poisson confidence interval of a count x (Garwood 1936), as R's `poisson.test(x)$conf.int`: lower =
 * qchisq(alpha/2, 2x) / 2 (0 when x is 0), upper = qchisq(1 - alpha/2, 2x + 2) / 2, with alpha = 1 - level.
 * Chi-square quantiles come from analysis/distributions.ts (jstat's are good to about 7 digits only). Throws UsageError for a negative or fractional count or a level outside (0, 1).
 */
export function poissonInterval(count: number, level = 0.95): PoissonInterval {
  if (!Number.isInteger(count) || count < 0) throw new UsageError(`poissonInterval needs a count (a whole number >= 0), not ${count}`);
  if (!(level > 0 && level < 1)) throw new UsageError(`poissonInterval needs a confidence level between 0 and 1, not ${level}`);
  const alpha = 1 - level;
  const lower = count === 0 ? 0 : chiSquareQuantile(alpha / 2, 2 * count) / 2;
  const upper = chiSquareQuantile(1 - alpha / 2, 2 * count + 2) / 2;
  return { lower, upper };
}
