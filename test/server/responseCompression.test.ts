// Compression and CORS of the read API: the municipal map layer and other large answers go out brotli- or
// gzip-compressed to clients that take it, decompress to the identical bytes, and any origin may GET.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { chooseEncoding, isCompressible } from "../../src/server/responseCompression.ts";
import { startApi } from "./apiFixture.ts";

type Api = Awaited<ReturnType<typeof startApi>>;
let api: Api;
before(async () => { api = await startApi(); });
after(async () => { await api.close(); });

const layer = "/api/geography/boundaries/municipalities?format=geojson";

test("chooseEncoding(header) prefers br, then gzip, honouring q=0 and *", () => {
  assert.equal(chooseEncoding("gzip, deflate, br"), "br");
  assert.equal(chooseEncoding("gzip"), "gzip");
  assert.equal(chooseEncoding("br;q=0, gzip;q=0.5"), "gzip");
  assert.equal(chooseEncoding("*"), "br");
  assert.equal(chooseEncoding("identity"), null);
  assert.equal(chooseEncoding(undefined), null);
});

test("isCompressible(type) is true for JSON, GeoJSON, CSV and text, false for XLSX and Parquet", () => {
  for (const type of ["application/json; charset=utf-8", "application/geo+json", "text/csv; charset=utf-8", "application/vnd.sdmx.data+csv"]) assert.ok(isCompressible(type), type);
  assert.equal(isCompressible("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), false);
  assert.equal(isCompressible("application/vnd.apache.parquet"), false);
});

test(`GET ${layer} is sent brotli- or gzip-compressed as asked and decompresses to the identical GeoJSON`, async () => {
  const plain = await api.app.inject({ method: "GET", url: layer });
  assert.equal(plain.statusCode, 200);
  assert.equal(plain.headers["content-encoding"], undefined, "no compression without Accept-Encoding");
  assert.match(String(plain.headers.vary), /accept-encoding/);
  const identity = plain.rawPayload;
  const br = await api.app.inject({ method: "GET", url: layer, headers: { "accept-encoding": "gzip, deflate, br" } });
  assert.equal(br.headers["content-encoding"], "br");
  assert.deepEqual(brotliDecompressSync(br.rawPayload), identity);
  const gz = await api.app.inject({ method: "GET", url: layer, headers: { "accept-encoding": "gzip" } });
  assert.equal(gz.headers["content-encoding"], "gzip");
  assert.deepEqual(gunzipSync(gz.rawPayload), identity);
  console.log(`municipal map layer (GeoJSON): ${identity.length} B, ${gz.rawPayload.length} B gzip, ${br.rawPayload.length} B brotli`);
  assert.ok(br.rawPayload.length < identity.length / 4, "brotli takes it under a quarter");
  const again = await api.app.inject({ method: "GET", url: layer, headers: { "accept-encoding": "br" } });
  assert.deepEqual(again.rawPayload, br.rawPayload, "the cached compressed bytes are the same");
});

test("GET /api/... allows any origin and exposes ETag and Link; POST does not", async () => {
  const get = await api.app.inject({ method: "GET", url: "/api/indicators", headers: { origin: "https://example.org" } });
  assert.equal(get.headers["access-control-allow-origin"], "*");
  assert.match(String(get.headers["access-control-expose-headers"]), /ETag, Link/);
  const post = await api.app.inject({ method: "POST", url: "/api/events", headers: { origin: "https://example.org" }, payload: {} });
  assert.equal(post.headers["access-control-allow-origin"], undefined);
  const page = await api.app.inject({ method: "GET", url: "/register" });
  assert.equal(page.headers["access-control-allow-origin"], undefined, "explorer pages are not shared");
});
