// Compression of the API's answers: a municipal map layer is 3.1 MiB of GeoJSON and an indicator at municipal
// level hundreds of kB of JSON, which compress to a fraction. fastify has no compression of its own and
// @fastify/compress is not installed, so an onSend hook compresses with node's zlib: brotli (quality 5, fast
// enough per request) when the client takes it, else gzip. Answers with an ETag are the same bytes until a
// release changes them, so their compressed bytes are kept (by tag and encoding) in a small cache.
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Answers smaller than this are sent as they are (compressing them saves less than the header costs). */
export const compressionThreshold = 1024;

/** How many compressed answers are kept (oldest dropped first). */
export const compressedCacheEntries = 64;

/** The encodings used, best first. */
export type ContentCoding = "br" | "gzip";

/**
 * The encoding to use for an Accept-Encoding header: br, else gzip, among those the client accepts with a
 * non-zero quality (`*` accepts both); null when neither.
 */
export function chooseEncoding(header: string | undefined): ContentCoding | null {
  if (header === undefined || header.trim() === "") return null;
  const quality = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
    if (name !== undefined && name !== "") quality.set(name, q === undefined ? 1 : Number(q));
  }
  const accepts = (coding: string) => (quality.get(coding) ?? quality.get("*") ?? 0) > 0;
  return accepts("br") ? "br" : accepts("gzip") ? "gzip" : null;
}

/** Whether a media type is text that compresses (JSON, GeoJSON, CSV, XML, text); XLSX and Parquet are compressed already. */
export function isCompressible(mediaType: string): boolean {
  return /^(application\/([a-z0-9.-]*\+)?(json|csv|xml)\b|text\/)/i.test(mediaType);
}

function addVary(reply: FastifyReply): void {
  const vary = String(reply.getHeader("vary") ?? "");
  if (!/\baccept-encoding\b/i.test(vary)) reply.header("vary", vary === "" ? "accept-encoding" : `${vary}, accept-encoding`);
}

/** Compresses `bytes` with the encoding (brotli quality 5 with the size as hint, gzip level 6). */
export async function compressBytes(bytes: Buffer, encoding: ContentCoding): Promise<Buffer> {
  return encoding === "br"
    ? brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
    : gzipped(bytes, { level: 6 });
}

/** Installs the onSend hook on GET answers under /api (streams, such as long CSV exports, pass as they are). */
export function installCompression(app: FastifyInstance): void {
  const cache = new Map<string, Buffer>();
  app.addHook("onSend", async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if ((request.method !== "GET" && request.method !== "HEAD") || !request.url.startsWith("/api/")) return payload;
    if (reply.getHeader("content-encoding") !== undefined || reply.statusCode === 304) return payload;
    if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return payload;
    if (!isCompressible(String(reply.getHeader("content-type") ?? ""))) return payload;
    const bytes = typeof payload === "string" ? Buffer.from(payload) : payload;
    if (bytes.length < compressionThreshold) return payload;
    addVary(reply);
    const encoding = chooseEncoding(request.headers["accept-encoding"]);
    if (encoding === null) return payload;
    const etag = reply.getHeader("etag");
    const key = etag === undefined ? null : `${encoding} ${request.url} ${String(etag)}`;
    let compressed = key === null ? undefined : cache.get(key);
    if (compressed === undefined) {
      compressed = await compressBytes(bytes, encoding);
      if (key !== null) {
        if (cache.size >= compressedCacheEntries) cache.delete(cache.keys().next().value as string);
        cache.set(key, compressed);
      }
    }
    reply.header("content-encoding", encoding);
    reply.removeHeader("content-length");
    return compressed;
  });
}

/**
 * CORS for the read API: any origin may GET (notebooks, other sites); writes stay same-origin (no header, so a
 * browser refuses a cross-site POST's answer, and the token is still required). The headers a client reads
 * (ETag, Link for paging, Content-Disposition of exports) are exposed.
 */
export function readApiCorsHeaders(method: string, url: string): Record<string, string> {
  if ((method !== "GET" && method !== "HEAD") || !(url === "/api" || url.startsWith("/api/") || url.startsWith("/api?"))) return {};
  return { "access-control-allow-origin": "*", "access-control-expose-headers": "ETag, Link, Content-Disposition" };
}
