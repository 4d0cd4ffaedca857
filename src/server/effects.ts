// What the server is given (effects passed in, STYLE.md rule 10): the store, the catalogue, the register, the
// geography, the boundary files, a logger, a clock, the admin token and the update it may trigger. `migmon serve`
// builds them from the environment; tests pass a temporary store and their own logger and clock.
import type { Indicator } from "../indicators/catalogue.ts";
import type { CatalogueEntry } from "../ingest/catalogue.ts";
import type { Geography } from "../reference/geography.ts";
import type { Store } from "../store/store.ts";
import type { WriteRateLimit } from "./rateLimit.ts";

/** Where the server writes its log lines (writes, internal errors). */
export interface ServerLogger {
  info(line: string): void;
  error(line: string): void;
}

/** One dataset's outcome of an update triggered through `POST /api/update`. */
export interface UpdateOutcome {
  readonly dataset: string;
  readonly status: "loaded" | "unchanged" | "skipped" | "failed";
  readonly release: number | null;
  readonly note: string | null;
}

/** How `POST /api/update` runs: `allowShrink` confirms releases that empty or shrink a dataset (`--allow-shrink`). */
export interface UpdateOptions {
  readonly allowShrink?: boolean;
}

/** Everything the API reads and writes. */
export interface ServerEffects {
  readonly store: Store;
  readonly catalogue: readonly CatalogueEntry[];
  /** The indicator catalogue (data/indicators). */
  readonly indicators: readonly Indicator[];
  /** The register directory (data/events or MIGMON_EVENTS_DIR); read on demand, written by `POST /api/events`. */
  readonly eventsDir: string;
  readonly geography: Geography;
  /** The mirror directory holding geo/*.topojson (../shared/data or MIGMON_MIRROR), null when there is none. */
  readonly mirrorDir: string | null;
  readonly logger: ServerLogger;
  readonly now: () => Date;
  /** MIGMON_ADMIN_TOKEN; undefined makes the server read-only. */
  readonly adminToken: string | undefined;
  /**
   * Runs an offline update of the catalogue datasets named in `only` (all when absent); `allowShrink` loads
   * releases the store's shrink guard would refuse.
   */
  readonly update: (only: readonly string[] | undefined, options?: UpdateOptions) => Promise<UpdateOutcome[]>;
  /** Writes per client address (rateLimit.ts); 20 at once and 20 a minute when absent. */
  readonly writeRateLimit?: WriteRateLimit;
  /** The bytes of whole answers the server keeps until the next write (responseCache.ts); 64 MiB when absent, 0 keeps none. */
  readonly responseCacheBytes?: number;
}
