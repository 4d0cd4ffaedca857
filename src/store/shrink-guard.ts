import { MigmonError } from "../core/index.ts";

/**
 * The share of a dataset's latest observations a release may remove without the caller's confirmation, when the
 * catalogue states no `max_shrink` for the dataset. A publisher's revision drops a few cells (a withdrawn country,
 * a corrected breakdown); half of a dataset gone at once is far more often a truncated download, an empty export
 * or an over-filtered API answer than a real revision.
 */
export const defaultMaxShrink = 0.5;

/** What a load knows when it decides whether a release shrinks its dataset too much. */
export interface ShrinkFacts {
  readonly dataset: string;
  /** Observations in the release's input. */
  readonly observations: number;
  /** The dataset's latest observations before this release (0 for a first release). */
  readonly latest: number;
  /** Latest observations the release would remove. */
  readonly removed: number;
}

/** The caller's settings of the guard: the share allowed (0 < maxShrink <= 1) and whether the caller confirmed. */
export interface ShrinkSettings {
  readonly maxShrink?: number;
  readonly allowShrink?: boolean;
}

/**
 * A release refused because it would remove more than the allowed share of its dataset's latest observations, or
 * all of them, or because it holds no observation at all. Exit 1, HTTP 409: the input may be right, but loading
 * it needs the caller's confirmation (`--allow-shrink`, or `allowShrink` in the API).
 */
export class ShrinkRefusedError extends MigmonError {
  readonly facts: ShrinkFacts;
  readonly maxShrink: number;
  constructor(message: string, facts: ShrinkFacts, maxShrink: number) {
    super(message, { exitCode: 1, httpStatus: 409 });
    this.facts = facts;
    this.maxShrink = maxShrink;
  }
}

const count = (n: number) => n.toLocaleString("en-GB");
const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;
const confirm = "pass --allow-shrink (API: allowShrink) to load it anyway";

/**
 * Throws ShrinkRefusedError, with the counts in a one-line message, when the release described by `facts` may not
 * load under `settings`: it holds no observation (an empty or header-only file, whether or not the dataset has
 * data), it would remove every latest observation, or it would remove more than `maxShrink` of them. Nothing is
 * refused when `allowShrink` is true. Throws RangeError for a maxShrink outside (0, 1] (the catalogue schema
 * refuses such a value before it gets here).
 */
export function checkShrink(facts: ShrinkFacts, settings: ShrinkSettings): void {
  const maxShrink = settings.maxShrink ?? defaultMaxShrink;
  if (!(maxShrink > 0 && maxShrink <= 1)) throw new RangeError(`maxShrink must be above 0 and at most 1, not ${maxShrink}`);
  if (settings.allowShrink === true) return;
  const { dataset, observations, latest, removed } = facts;
  if (latest === 0) {
    if (observations > 0) return;
    throw new ShrinkRefusedError(
      `refused: this release of ${dataset} holds no observations; an empty or header-only file? ${confirm}`, facts, maxShrink);
  }
  const share = removed / latest;
  if (removed < latest && share <= maxShrink) return;
  throw new ShrinkRefusedError(
    `refused: this release of ${dataset} would remove ${count(removed)} of ${count(latest)} latest observations ` +
    `(${percent(share)}, limit ${percent(maxShrink)}); a truncated or empty file? ${confirm}`, facts, maxShrink);
}
