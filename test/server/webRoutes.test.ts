// The explorer's pages and assets as the server answers them (routes/web.ts): the HTML shell per page and
// language with its config, the municipal comparison set resolved on the server, and the bundle built in memory,
// gzipped and cached by content hash.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { t } from "../../src/i18n/index.ts";
import { exportFormats } from "../../src/indicators/export/index.ts";
import type { ExplorerConfig } from "../../src/server/explorerConfig.ts";
import { startApi } from "./apiFixture.ts";

type Api = Awaited<ReturnType<typeof startApi>>;

function configOf(html: string): ExplorerConfig {
  const match = /<script type="application\/json" id="migmon-config">(.*?)<\/script>/s.exec(html);
  assert.ok(match, "the shell carries the config");
  return JSON.parse(match[1] as string) as ExplorerConfig;
}

describe("explorer pages and assets", () => {
  let api: Api;
  before(async () => { api = await startApi(); });
  after(async () => { await api.close(); });

  test("GET /?lang=fr answers the HTML shell in French with the page's config and the assets by hash", async () => {
    const res = await api.app.inject({ method: "GET", url: "/?lang=fr" });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers["content-type"]), /^text\/html/);
    assert.match(res.body, /<html lang="fr">/);
    assert.ok(res.body.includes(`<a class="skip" href="#main">${t("fr", "web.skip")}</a>`));
    const config = configOf(res.body);
    assert.deepEqual({ lang: config.lang, page: config.page, comparison: config.comparison }, { lang: "fr", page: "home", comparison: null });
    assert.deepEqual(config.formats.map((f) => f.id), exportFormats.map((f) => f.id));
    const js = await api.app.inject({ method: "GET", url: "/assets/explorer.js" });
    const css = await api.app.inject({ method: "GET", url: "/assets/style.css" });
    assert.ok(res.body.includes(`/assets/explorer.js?v=${String(js.headers.etag).replaceAll('"', "")}`));
    assert.ok(res.body.includes(`/assets/style.css?v=${String(css.headers.etag).replaceAll('"', "")}`));
  });

  test("GET /{page} serves every page; an unknown language falls back to nl", async () => {
    for (const [url, page] of [["/indicator", "indicator"], ["/map", "map"], ["/register", "register"], ["/sources", "sources"], ["/analysis", "analysis"]] as const) {
      const res = await api.app.inject({ method: "GET", url: `${url}?lang=xx` });
      assert.equal(res.statusCode, 200, url);
      assert.deepEqual([configOf(res.body).page, configOf(res.body).lang], [page, "nl"]);
    }
  });

  test("GET /indicator?set=municipality names the problem in the config when the store lacks Statbel's population", async () => {
    const res = await api.app.inject({ method: "GET", url: "/indicator?set=municipality&muni=44021&lang=en" });
    assert.equal(res.statusCode, 200);
    const comparison = configOf(res.body).comparison;
    assert.ok(comparison !== null && "problem" in comparison, JSON.stringify(comparison));
    assert.equal(comparison.municipality, "44021");
    assert.match(comparison.problem, /statbel:pop_by_municipality_nationality_sex/);
    const malformed = await api.app.inject({ method: "GET", url: "/indicator?set=municipality&muni=44021x" });
    assert.equal(configOf(malformed.body).comparison, null, "a code that is not five digits asks for nothing");
  });

  test("GET /assets/explorer.js is gzipped for a browser that takes it, cached by hash, and 304 when current", async () => {
    const plain = await api.app.inject({ method: "GET", url: "/assets/explorer.js" });
    assert.equal(plain.statusCode, 200);
    assert.match(String(plain.headers["content-type"]), /^text\/javascript/);
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.match(String(plain.headers["cache-control"]), /immutable/);
    const zipped = await api.app.inject({ method: "GET", url: "/assets/explorer.js", headers: { "accept-encoding": "gzip, deflate, br" } });
    assert.equal(zipped.headers["content-encoding"], "gzip");
    assert.ok(zipped.rawPayload.length < plain.rawPayload.length / 2);
    assert.deepEqual(gunzipSync(zipped.rawPayload), plain.rawPayload);
    const again = await api.app.inject({ method: "GET", url: "/assets/explorer.js", headers: { "if-none-match": String(plain.headers.etag) } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, "");
    const css = await api.app.inject({ method: "GET", url: "/assets/style.css" });
    assert.match(String(css.headers["content-type"]), /^text\/css/);
    assert.match(css.body, /\.skip/);
  });
});
