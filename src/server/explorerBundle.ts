// The web explorer's browser code (src/web) bundled with esbuild in memory: no build step, nothing written to
// disk, nothing committed. The server builds it once, on the first request for an asset, and keeps it.
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** One built asset: its bytes, the same gzipped (level 9), its media type and a short content hash. */
export interface ExplorerAsset {
  readonly body: Buffer;
  readonly gzip: Buffer;
  readonly type: string;
  readonly hash: string;
}

/** The explorer's two assets: one script (ES module) and one style sheet. */
export interface ExplorerAssets {
  readonly js: ExplorerAsset;
  readonly css: ExplorerAsset;
}

/**
 * The entry module of the browser code and its style sheet, always in src/web (the compiled CLI in dist/ does not
 * hold the browser code: esbuild bundles it from the sources). Both src/server and dist/server sit two levels below
 * the repository root.
 */
export const explorerEntries = {
  js: fileURLToPath(new URL("../../src/web/main.ts", import.meta.url)),
  css: fileURLToPath(new URL("../../src/web/explorer.css", import.meta.url)),
} as const;

function asset(bytes: Uint8Array, type: string): ExplorerAsset {
  const body = Buffer.from(bytes);
  return { body, gzip: gzipSync(body, { level: 9 }), type, hash: createHash("sha256").update(body).digest("hex").slice(0, 16) };
}

/**
 * Bundles src/web/main.ts (with src/charts, src/i18n and Observable Plot) and src/web/explorer.css, minified, for
 * browsers that read ES2022 modules. Throws the esbuild error (file and line) when the browser code does not build.
 */
export async function buildExplorerAssets(): Promise<ExplorerAssets> {
  const result = await build({
    entryPoints: { explorer: explorerEntries.js, style: explorerEntries.css },
    outdir: "/explorer",
    bundle: true,
    write: false,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    legalComments: "none",
    logLevel: "silent",
  });
  const js = result.outputFiles.find((f) => f.path.endsWith(".js"));
  const css = result.outputFiles.find((f) => f.path.endsWith(".css"));
  if (js === undefined || css === undefined) throw new Error("esbuild gave no explorer.js or style.css for the web explorer");
  return { js: asset(js.contents, "text/javascript; charset=utf-8"), css: asset(css.contents, "text/css; charset=utf-8") };
}
