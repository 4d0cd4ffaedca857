// The web explorer: its pages (one HTML shell per page, the view's state in the query string) and its two
// assets, built from src/web on the first request (explorerBundle.ts) and served gzipped to browsers that take
// it. Not part of the API: these routes are not in the OpenAPI document.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { MigmonError } from "../../core/index.ts";
import { isLang, t } from "../../i18n/index.ts";
import { exportFormats } from "../../indicators/export/index.ts";
import { municipalityComparisonSet } from "../../indicators/municipalitySet.ts";
import type { ServerEffects } from "../effects.ts";
import { buildExplorerAssets } from "../explorerBundle.ts";
import type { ExplorerAsset, ExplorerAssets } from "../explorerBundle.ts";
import { explorerPages } from "../explorerConfig.ts";
import type { ExplorerConfig, ExplorerPage } from "../explorerConfig.ts";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The HTML shell of a page: language, title, the config and the two assets (with their hash for caching). */
export function explorerShell(config: ExplorerConfig, assets: ExplorerAssets): string {
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="${config.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(t(config.lang, "app.name"))}</title>
<link rel="stylesheet" href="/assets/style.css?v=${assets.css.hash}">
<script type="application/json" id="migmon-config">${json}</script>
<script type="module" src="/assets/explorer.js?v=${assets.js.hash}"></script>
</head>
<body>
<a class="skip" href="#main">${escapeHtml(t(config.lang, "web.skip"))}</a>
<header id="site-header"></header>
<main id="main" tabindex="-1"><p role="status">${escapeHtml(t(config.lang, "web.loading"))}</p></main>
</body>
</html>
`;
}

function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: ExplorerAsset): FastifyReply {
  const etag = `"${asset.hash}"`;
  reply.header("etag", etag).header("cache-control", "public, max-age=31536000, immutable").header("vary", "accept-encoding").type(asset.type);
  if (request.headers["if-none-match"] === etag) return reply.code(304).send();
  if (/\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) return reply.header("content-encoding", "gzip").send(asset.gzip);
  return reply.send(asset.body);
}

/**
 * Registers the explorer's pages (`/`, `/indicator`, `/map`, `/register`, `/sources`, `/analysis`, each taking
 * `lang=nl|fr|en`, default nl) and its assets (`/assets/explorer.js`, `/assets/style.css`). The bundle is built
 * once, on first use; a build failure is a 500 naming the esbuild error.
 */
export function registerWebRoutes(app: FastifyInstance, effects: ServerEffects): void {
  let assets: Promise<ExplorerAssets> | null = null;
  const built = () => {
    assets ??= buildExplorerAssets().catch((error: unknown) => {
      assets = null;
      throw error;
    });
    return assets;
  };
  const formats = exportFormats.map((f) => ({ id: f.id, extension: f.extension }));

  for (const [url, page] of Object.entries(explorerPages) as [string, ExplorerPage][]) {
    app.get(url, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const lang = typeof query.lang === "string" && isLang(query.lang) ? query.lang : "nl";
      let comparison: ExplorerConfig["comparison"] = null;
      if (page === "indicator" && query.set === "municipality" && typeof query.muni === "string" && /^\d{5}$/.test(query.muni)) {
        const municipality = query.muni;
        try {
          const areas = await municipalityComparisonSet({ store: effects.store, catalogue: effects.indicators, geography: effects.geography }, municipality, 5);
          comparison = { municipality, areas };
        } catch (error) {
          if (!(error instanceof MigmonError)) throw error;
          comparison = { municipality, problem: error.message };
        }
      }
      const body = explorerShell({ lang, page, formats, comparison }, await built());
      return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(body);
    });
  }
  app.get("/assets/explorer.js", async (request, reply) => sendAsset(request, reply, (await built()).js));
  app.get("/assets/style.css", async (request, reply) => sendAsset(request, reply, (await built()).css));
}
