import { fileURLToPath } from "node:url";
import path from "node:path";

/**
 * The folder of real publisher files: MIGMON_MIRROR (the one name, as for the CLI), or its deprecated alias
 * MIGMON_SHARED_DATA, else ../shared/data beside the repository. The one place the tests read the variable.
 */
export const sharedDataDir = process.env.MIGMON_MIRROR || process.env.MIGMON_SHARED_DATA
  ? path.resolve((process.env.MIGMON_MIRROR || process.env.MIGMON_SHARED_DATA) as string)
  : fileURLToPath(new URL("../../shared/data/", import.meta.url));

/** The path of one real publisher file, e.g. `sharedData("eurostat/bulk-tsv/teina200.tsv")`. */
export function sharedData(relative: string): string {
  return path.join(sharedDataDir, relative);
}
