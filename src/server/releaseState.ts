// The release state a response depends on, read before the work so that an unchanged state answers 304 cheaply.
import type { DatasetId } from "../core/index.ts";
import type { Store } from "../store/store.ts";

/**
 * The newest release id of dataset `id` (0 when it has none yet). Throws NotFoundError (HTTP 404) for a dataset
 * the store does not know, so a route checks the id and reads its cache state in one step.
 */
export async function latestReleaseId(store: Store, id: DatasetId): Promise<number> {
  const releases = await store.listReleases(id);
  return releases[releases.length - 1]?.id ?? 0;
}
