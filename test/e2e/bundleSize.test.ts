// The explorer's first page ships under 500 kB of compressed JavaScript and CSS (issue 8, performance): the
// bundle is built as the server builds it and gzipped as the server sends it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { gunzipSync, gzipSync } from "node:zlib";
import { buildExplorerAssets } from "../../src/server/explorerBundle.ts";

test("buildExplorerAssets() ships the first page under 500 kB of gzipped JavaScript and CSS", async () => {
  const { js, css } = await buildExplorerAssets();
  // The page loads exactly these two assets (the shell is HTML); the data comes from the API afterwards.
  const compressed = gzipSync(js.body, { level: 9 }).length + gzipSync(css.body, { level: 9 }).length;
  console.log(`explorer assets: js ${js.body.length} B (${js.gzip.length} B gzipped), css ${css.body.length} B (${css.gzip.length} B gzipped)`);
  assert.ok(compressed < 500_000, `compressed JavaScript and CSS weigh ${compressed} bytes`);
  assert.equal(js.gzip.length + css.gzip.length, compressed, "the served gzip is the measured one");
  assert.deepEqual(gunzipSync(js.gzip), js.body);
  assert.match(js.body.toString("utf8"), /migmon-config/, "the bundle is the explorer's entry module");
});
