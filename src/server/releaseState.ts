// The release state a response depends on, read before the work so that an unchanged state answers 304 cheaply.
// The newest release id of each dataset is kept in memory: while the server runs it is the only writer of the
// store (DuckDB lets one process open the file for writing), and its only write path, POST /api/update, calls
// `forget` when it ends. Reading the releases for every request cost about 4 ms of the 40 ms of the
// benchmark's observations request, on the store's one read connection.
import type { DatasetId } from "../core/index.ts";
import type { Store } from "../store/store.ts";

/** The newest release id of each dataset, read once from the store and kept until `forget`. */
export class ReleaseState {
  private readonly store: Store;
  private readonly latest = new Map<string, Promise<number>>();

  constructor(store: Store) {
    this.store = store;
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
      found.catch(() => this.latest.delete(id));
    }
    return found;
  }

  /** Drops what is kept; called after every write to the store. */
  forget(): void {
    this.latest.clear();
  }
}
