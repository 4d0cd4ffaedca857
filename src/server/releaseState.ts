// The release state a response depends on, read before the work so that an unchanged state answers 304 cheaply.
// The newest release id of each dataset (and the dataset list) is kept in memory: while the server runs it is the only writer of the
// store (DuckDB lets one process open the file for writing), and its only write path, POST /api/update, calls
// `forget` when it ends. Reading the releases for every request cost about 4 ms of the 40 ms of the
// benchmark's observations request, on the store's one read connection.
import type { DatasetId } from "../core/index.ts";
import type { DatasetSummary, Store } from "../store/store.ts";

/** The newest release id of each dataset and the dataset list, read once from the store and kept until `forget`. */
export class ReleaseState {
  private readonly store: Store;
  private readonly latest = new Map<string, Promise<number>>();
  private summaries: Promise<DatasetSummary[]> | null = null;
  private readonly onForget: () => void;

  /** `onForget` runs after every write too (the response cache starts a new generation, responseCache.ts). */
  constructor(store: Store, onForget: () => void = () => undefined) {
    this.store = store;
    this.onForget = onForget;
  }

  /**
   * The newest release id of dataset `id` (0 when it has none yet). Throws NotFoundError (HTTP 404) for a
   * dataset the store does not know (not kept, so a dataset loaded later is found), so a route checks the id and
   * reads its cache state in one step.
   */
  async latestReleaseId(id: DatasetId): Promise<number> {
    let found = this.latest.get(id);
    if (found === undefined) {
      found = this.store.listReleases(id).then((releases) => releases[releases.length - 1]?.id ?? 0);
      this.latest.set(id, found);
      const read = found;
      read.catch(() => { if (this.latest.get(id) === read) this.latest.delete(id); });
    }
    return found;
  }

  /**
   * Every dataset with its release count, newest release and observation count (`Store.listDatasets`, which
   * counts the current observations of every dataset: half a second on a store of 30 releases).
   */
  async datasets(): Promise<DatasetSummary[]> {
    if (this.summaries === null) {
      const read = this.store.listDatasets();
      this.summaries = read;
      read.catch(() => { if (this.summaries === read) this.summaries = null; });
    }
    return this.summaries;
  }

  /** Drops what is kept; called after every write to the store. */
  forget(): void {
    this.latest.clear();
    this.summaries = null;
    this.onForget();
  }
}
