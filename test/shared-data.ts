import { fileURLToPath } from "node:url";
import path from "node:path";

/** The folder of real publisher files (../shared/data beside the repository, or MIGMON_SHARED_DATA). */
export const sharedDataDir = process.env.MIGMON_SHARED_DATA
  ? path.resolve(process.env.MIGMON_SHARED_DATA)
  : fileURLToPath(new URL("../../shared/data/", import.meta.url));

/** The path of one real publisher file, e.g. `sharedData("eurostat/bulk-tsv/teina200.tsv")`. */
export function sharedData(relative: string): string {
  return path.join(sharedDataDir, relative);
}
