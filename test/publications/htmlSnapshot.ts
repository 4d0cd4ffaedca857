// Snapshots of generated publications (STYLE.md rule 11), normalised: the stylesheet and the inside of each SVG
// are left out (charts and maps have their own SVG snapshots in test/snapshots; here each keeps its title and
// text alternative), so a snapshot shows the words, numbers, structure and links of a document.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const publicationSnapshotDir = fileURLToPath(new URL("../snapshots/publications/", import.meta.url));

/** The HTML with the stylesheet dropped and each SVG reduced to its title and description. */
export function normalisePublicationHtml(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, "<style/>")
    .replace(/<svg\b[\s\S]*?<\/svg>/g, (svg) => {
      const title = /<title[^>]*>([\s\S]*?)<\/title>/.exec(svg)?.[1] ?? "";
      const desc = /<desc[^>]*>([\s\S]*?)<\/desc>/.exec(svg)?.[1] ?? "";
      return `<svg title="${title.replace(/"/g, "&quot;")}">\n${desc}\n</svg>`;
    });
}

/**
 * Compares a document with test/snapshots/publications/<name>.html. A mismatch writes <name>-changed.html beside it
 * and throws; a missing snapshot throws, except outside CI with MIGMON_UPDATE_SNAPSHOTS=1, where it is created.
 */
export function assertPublicationSnapshot(name: string, html: string): void {
  const actual = normalisePublicationHtml(html);
  const file = path.join(publicationSnapshotDir, `${name}.html`);
  const changed = path.join(publicationSnapshotDir, `${name}-changed.html`);
  if (!existsSync(file)) {
    const inCi = process.env.CI === "true" || process.env.CI === "1";
    if (!inCi && process.env.MIGMON_UPDATE_SNAPSHOTS === "1") {
      mkdirSync(publicationSnapshotDir, { recursive: true });
      writeFileSync(file, actual);
      return;
    }
    throw new Error(`snapshot publications/${name}.html is missing (create it locally with MIGMON_UPDATE_SNAPSHOTS=1; CI never does)`);
  }
  if (readFileSync(file, "utf8") === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  throw new Error(`snapshot publications/${name}.html differs: review test/snapshots/publications/${name}-changed.html and rename it if it is right`);
}
