import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

/** The folder of the reviewed snapshot files (STYLE.md rule 11). */
export const snapshotDir = fileURLToPath(new URL("../snapshots/", import.meta.url));

/**
 * Compares a rendered SVG with `test/snapshots/<name>.svg` (or `<dir>/<name>.svg`). A mismatch writes `<name>-changed.svg` beside it for
 * review and throws. A missing snapshot throws, except outside CI (CI unset or not "true") with
 * MIGMON_UPDATE_SNAPSHOTS=1, where it is created: CI never creates one.
 */
export function assertSnapshot(name: string, actual: string, dir: string = snapshotDir): void {
  const file = path.join(dir, `${name}.svg`);
  const changed = path.join(dir, `${name}-changed.svg`);
  if (!existsSync(file)) {
    const inCi = process.env.CI === "true" || process.env.CI === "1";
    if (!inCi && process.env.MIGMON_UPDATE_SNAPSHOTS === "1") {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, actual);
      return;
    }
    throw new Error(`snapshot ${name}.svg is missing in test/snapshots (create it locally with MIGMON_UPDATE_SNAPSHOTS=1; CI never does)`);
  }
  const expected = readFileSync(file, "utf8");
  if (expected === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  throw new Error(`snapshot ${name}.svg differs from the rendering: review test/snapshots/${name}-changed.svg and rename it if it is right`);
}
